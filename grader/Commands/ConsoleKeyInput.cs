using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Grader.Commands;

/// <summary>
/// The terminal's keys: one background thread blocks in <see cref="Console.ReadKey(bool)"/> (there is no cancellable
/// or asynchronous way to read a key) and hands each key over through a channel. Used only when standard input is a
/// terminal the grader may read (<see cref="IsAvailable"/>); the thread is a background one, so it never keeps the
/// grader alive.
/// </summary>
internal sealed class ConsoleKeyInput : IKeyInput
{
    private readonly Channel<char> _keys = Channel.CreateUnbounded<char>();
    private int _started;

    /// <summary>
    /// True when keys can be read without stopping the grader: standard input is a terminal, and (on Linux and macOS)
    /// the grader is in the terminal's foreground process group. A process in a background group that reads the
    /// terminal, or switches it to raw mode as <see cref="Console.ReadKey(bool)"/> does, is stopped by the kernel
    /// (SIGTTIN, SIGTTOU): that is what happens under <c>timeout</c> without <c>--foreground</c>, or after <c>&amp;</c>.
    /// </summary>
    public static bool IsAvailable()
    {
        if (Console.IsInputRedirected)
            return false;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return true;
        try
        {
            var foreground = TerminalForegroundGroup(0);
            return foreground >= 0 && foreground == ProcessGroup();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // cannot tell: re-grading on saves without keys is the safe side
        }
    }

    public Task<char> ReadKeyAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            new Thread(Pump) { IsBackground = true, Name = "grader keys" }.Start();
        return _keys.Reader.ReadAsync(cancellationToken).AsTask();
    }

    private void Pump()
    {
        try
        {
            while (true)
                _keys.Writer.TryWrite(char.ToLowerInvariant(Console.ReadKey(intercept: true).KeyChar));
        }
        catch (InvalidOperationException)
        {
            // No console to read keys from after all: no key ever comes, and watch goes on re-grading on saves.
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for two calls with an int each
    [DllImport("libc", EntryPoint = "tcgetpgrp")]
    private static extern int TerminalForegroundGroup(int fileDescriptor);

    [DllImport("libc", EntryPoint = "getpgrp")]
    private static extern int ProcessGroup();
#pragma warning restore SYSLIB1054
}
