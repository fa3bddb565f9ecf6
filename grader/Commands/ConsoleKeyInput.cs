using System.Threading.Channels;

namespace Grader.Commands;

/// <summary>
/// The terminal's keys: one background thread blocks in <see cref="Console.ReadKey(bool)"/> (there is no cancellable
/// or asynchronous way to read a key) and hands each key over through a channel. Used only when standard input is a
/// terminal; the thread is a background one, so it never keeps the grader alive.
/// </summary>
internal sealed class ConsoleKeyInput : IKeyInput
{
    private readonly Channel<char> _keys = Channel.CreateUnbounded<char>();
    private int _started;

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
}
