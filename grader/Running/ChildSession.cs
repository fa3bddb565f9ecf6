using System.Diagnostics;
using System.IO.Pipes;

namespace Grader.Running;

/// <summary>
/// One test process: starts it, reads its events from a private named pipe, and enforces the limits. Every wait is
/// bounded by a deadline measured with the injected <see cref="TimeProvider"/>; nothing sleeps.
/// </summary>
internal sealed class ChildSession : ITestProcessSession
{
    private const int OutputCap = 64 * 1024;
    private static readonly TimeSpan s_exitGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_drainGrace = TimeSpan.FromSeconds(1);

    private readonly RunLimits _limits;
    private readonly TimeProvider _time;
    private readonly TestSandbox _sandbox;
    private readonly string _scratchRoot;
    private readonly IReadOnlyList<string> _hidden;
    private readonly IReadOnlyList<string> _readable;

    /// <param name="limits">Time and memory limits.</param>
    /// <param name="time">The clock the limits are measured with.</param>
    /// <param name="sandbox">What the test processes run in.</param>
    /// <param name="scratchRoot">Inside a sandbox: where each test process gets its scratch folder (removed after it).</param>
    /// <param name="hidden">Inside a sandbox: folders the test process must not see (the course, the work folder).</param>
    /// <param name="readable">Inside a sandbox: folders every test process reads, even inside hidden ones (the referenced assemblies').</param>
    public ChildSession(
        RunLimits limits, TimeProvider time, TestSandbox? sandbox = null, string? scratchRoot = null,
        IReadOnlyList<string>? hidden = null, IReadOnlyList<string>? readable = null)
    {
        _limits = limits;
        _time = time;
        _sandbox = sandbox ?? TestSandbox.Off;
        _scratchRoot = scratchRoot ?? Path.GetTempPath();
        _hidden = hidden ?? [];
        _readable = readable ?? [];
    }

    /// <summary>
    /// Runs the test process with <paramref name="arguments"/> until it ends or is stopped. The pipe's name and the
    /// run's secret go to the process on its standard input, which is then closed.
    /// </summary>
    public async Task<ChildSessionResult> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyList<string> inputs, string workingDirectory, DateTimeOffset exerciseDeadline,
        Action<RunnerEvent> onEvent, CancellationToken cancellationToken)
    {
        var secret = ChannelSecret.New();
        string? scratch = null;
        var serverPipe = secret.PipeName;
        (string, SandboxedRun)? sandbox = null;
        if (_sandbox.BwrapPath is { } bwrap)
        {
            // A rooted pipe name is the socket's path; the sandbox sees it at a fixed place, since its /tmp is its own.
            scratch = Directory.CreateDirectory(Path.Combine(_scratchRoot, secret.PipeName)).FullName;
            serverPipe = Path.Combine(Path.GetTempPath(), secret.PipeName);
            sandbox = (bwrap, new SandboxedRun(scratch, serverPipe, [.. inputs, .. _readable], _hidden));
            secret = secret with { PipeName = Bubblewrap.ChannelPath };
        }

        try
        {
            return await RunProcessAsync(arguments, scratch ?? workingDirectory, sandbox, serverPipe, secret, exerciseDeadline, onEvent, cancellationToken);
        }
        finally
        {
            if (scratch is not null)
                RemoveScratch(scratch);
        }
    }

    private async Task<ChildSessionResult> RunProcessAsync(
        IReadOnlyList<string> arguments, string workingDirectory, (string, SandboxedRun)? sandbox, string serverPipe, ChannelSecret secret,
        DateTimeOffset exerciseDeadline, Action<RunnerEvent> onEvent, CancellationToken cancellationToken)
    {
        await using var server = new NamedPipeServerStream(
            serverPipe, PipeDirection.In, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var stdout = new CappedText(OutputCap);
        var stderr = new CappedText(OutputCap);
        using var process = new Process { StartInfo = SelfLauncher.StartInfo(arguments, workingDirectory, _limits.MemoryLimitMb, sandbox) };
        process.Start();
        using var group = ProcessGroup.Of(process); // before the handshake: no learner code runs until it is read
        var pumps = Task.WhenAll(stdout.PumpAsync(process.StandardOutput), stderr.PumpAsync(process.StandardError));
        try
        {
            await process.StandardInput.WriteAsync(secret.Handshake.AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // It died before reading its input; the wait for the connection below finds out.
        }

        process.StandardInput.Close(); // a test that reads the console gets end-of-file, not a hang

        var output = new ProcessOutput(stdout, stderr, pumps);
        var state = ChildSessionState.Start(_time.GetUtcNow());
        try
        {
            if (!await ConnectAsync(server, process, exerciseDeadline, cancellationToken))
            {
                var exitedByItself = process.HasExited;
                await StopAsync(process, TimeSpan.Zero);
                return await ResultAsync(process, output, state, exitedByItself ? ChildSessionEnd.Died : ChildSessionEnd.Stalled);
            }

            using var reader = new StreamReader(server);
            var printedFrom = (Stdout: 0, Stderr: 0); // where the text printed since the last finished test begins
            while (true)
            {
                var deadline = state.Deadline(_limits);
                var exerciseLimitFirst = exerciseDeadline <= deadline;
                string? line;
                using (var timeout = new CancellationTokenSource(Max(TimeSpan.Zero, Min(deadline, exerciseDeadline) - _time.GetUtcNow()), _time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken))
                {
                    try
                    {
                        line = await reader.ReadLineAsync(linked.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        await StopAsync(process, TimeSpan.Zero);
                        return await ResultAsync(process, output, state, exerciseLimitFirst ? ChildSessionEnd.ExerciseTimedOut : state.TimedOut);
                    }
                }

                if (line is null)
                {
                    await StopAsync(process, s_exitGrace);
                    return await ResultAsync(process, output, state, ChildSessionEnd.Died);
                }

                var signed = secret.Verify(line);
                var runnerEvent = signed is null ? null : RunnerEvent.Parse(signed);
                if (runnerEvent is null)
                    continue; // not from the runner: ignored, whatever it says
                if (runnerEvent.Kind == RunnerEvent.Finished)
                {
                    var (printed, next) = await PrintedUpToAsync((stdout, stderr), printedFrom, runnerEvent.OutputMark, cancellationToken);
                    printedFrom = next;
                    runnerEvent = WithStrayOutput(runnerEvent, printed.Stdout, printed.Stderr);
                }

                state = state.On(runnerEvent, _time.GetUtcNow());
                onEvent(runnerEvent);
                if (runnerEvent.Kind == RunnerEvent.RunFinished)
                {
                    await StopAsync(process, s_exitGrace); // a thread the learner left running must not keep it alive
                    return await ResultAsync(process, output, state, ChildSessionEnd.Completed);
                }
            }
        }
        finally
        {
            if (!process.HasExited)
                await StopAsync(process, TimeSpan.Zero);
            group.KillAll(); // whatever the learner's code started and left behind
        }
    }

    /// <summary>How the session ended, in <paramref name="state"/>, with what the process printed.</summary>
    private async Task<ChildSessionResult> ResultAsync(Process process, ProcessOutput output, ChildSessionState state, ChildSessionEnd end)
    {
        // What the process wrote last (a stack overflow's message) may still be in its pipes; a process it left
        // behind may hold them open, so the wait is short.
        if (process.HasExited)
        {
            using var drained = new CancellationTokenSource(s_drainGrace, _time);
            await Task.WhenAny(output.Pumps, Task.Delay(Timeout.InfiniteTimeSpan, drained.Token));
        }

        var test = state as ChildSessionState.InTest;
        return new(
            end, test?.Test, (state as ChildSessionState.InFixture)?.Fixture, test is null ? TimeSpan.Zero : _time.GetUtcNow() - test.Since,
            process.HasExited ? process.ExitCode : null, output.Stdout.ToString(), output.Stderr.ToString());
    }

    /// <summary>
    /// Removes a sandboxed process's scratch folder once the process and everything it started are gone. What the
    /// learner's code made unremovable stays under the work folder, which is the grader's to clean.
    /// </summary>
    private static void RemoveScratch(string scratch)
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // left behind: it changes no result, and the next run uses a fresh folder
        }
    }

    private async Task<bool> ConnectAsync(NamedPipeServerStream server, Process process, DateTimeOffset exerciseDeadline, CancellationToken cancellationToken)
    {
        var limit = Min(_time.GetUtcNow() + _limits.StartupTimeout, exerciseDeadline) - _time.GetUtcNow();
        using var timeout = new CancellationTokenSource(Max(TimeSpan.Zero, limit), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var connect = server.WaitForConnectionAsync(linked.Token);
        var exited = process.WaitForExitAsync(linked.Token);
        await Task.WhenAny(connect, exited);
        if (!connect.IsCompleted && exited.IsCompletedSuccessfully)
        {
            // A quick test process can connect, send every event and exit before this side accepts the connection
            // (the connection waits in the socket's backlog, with its data), so give the accept a moment.
            using var grace = new CancellationTokenSource(s_exitGrace, _time);
            await Task.WhenAny(connect, Task.Delay(Timeout.InfiniteTimeSpan, grace.Token));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (connect.IsCompletedSuccessfully)
            return true;
        await linked.CancelAsync(); // stop whichever wait is still pending
        await Task.WhenAll(connect, exited).ContinueWith(_ => { }, TaskScheduler.Default);
        return false;
    }

    /// <summary>Gives the process <paramref name="grace"/> to exit by itself, then kills its whole tree.</summary>
    private async Task StopAsync(Process process, TimeSpan grace)
    {
        if (grace > TimeSpan.Zero)
        {
            using var graceTimeout = new CancellationTokenSource(grace, _time);
            try
            {
                await process.WaitForExitAsync(graceTimeout.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // still running: kill it below
            }
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it exited between the check and the kill
        }

        using var killed = new CancellationTokenSource(s_exitGrace, _time);
        try
        {
            await process.WaitForExitAsync(killed.Token);
        }
        catch (OperationCanceledException)
        {
            // The OS did not reap it in time; nothing more a grader can do, and the report does not depend on it.
        }
    }

    /// <summary>
    /// What the process printed on each console from <paramref name="from"/> up to the <paramref name="mark"/> it wrote
    /// before reporting a test finished (see <see cref="OutputMark"/>), waiting no longer than a short grace for the
    /// marks to be read; and where the next test's text begins. Without a mark, everything read so far.
    /// </summary>
    private async Task<((string Stdout, string Stderr) Printed, (int Stdout, int Stderr) Next)> PrintedUpToAsync(
        (CappedText Stdout, CappedText Stderr) consoles, (int Stdout, int Stderr) from, string mark, CancellationToken cancellationToken)
    {
        int[] found = [-1, -1];
        if (mark.Length > 0)
        {
            using var grace = new CancellationTokenSource(s_drainGrace, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(grace.Token, cancellationToken);
            found = await Task.WhenAll(
                consoles.Stdout.IndexOfAsync(mark, from.Stdout, linked.Token), consoles.Stderr.IndexOfAsync(mark, from.Stderr, linked.Token));
            cancellationToken.ThrowIfCancellationRequested();
        }

        var (stdout, stdoutNext) = Cut(consoles.Stdout, from.Stdout, found[0]);
        var (stderr, stderrNext) = Cut(consoles.Stderr, from.Stderr, found[1]);
        return ((stdout, stderr), (stdoutNext, stderrNext));

        (string Text, int Next) Cut(CappedText console, int start, int at)
        {
            var end = at >= 0 ? at : console.Length;
            return (console.Between(start, end), at >= 0 ? at + mark.Length : end);
        }
    }

    /// <summary>
    /// Adds what reached the process's own stdout/stderr while the test ran (NUnit captures Console writes on the
    /// test's thread; this catches the rest, such as other threads). Pipes are read asynchronously, so a line
    /// printed before the test finished is waited for (<see cref="PrintedUpToAsync"/>).
    /// </summary>
    private static RunnerEvent WithStrayOutput(RunnerEvent finished, string stdout, string stderr)
    {
        if (stdout.Length == 0 && stderr.Length == 0)
            return finished;
        var extra = (stdout.Length > 0 ? "[stdout]\n" + stdout : "") + (stderr.Length > 0 ? "[stderr]\n" + stderr : "");
        return finished with { Output = finished.Output + extra };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The test process's standard output and error, and the tasks reading them.</summary>
    private sealed record ProcessOutput(CappedText Stdout, CappedText Stderr, Task Pumps);
}
