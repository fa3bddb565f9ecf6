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

    public ChildSession(RunLimits limits, TimeProvider time)
    {
        _limits = limits;
        _time = time;
    }

    /// <summary>
    /// Runs the test process with <paramref name="arguments"/> until it ends or is stopped. The pipe's name and the
    /// run's secret go to the process on its standard input, which is then closed.
    /// </summary>
    public async Task<ChildSessionResult> RunAsync(
        IReadOnlyList<string> arguments, string workingDirectory, DateTimeOffset exerciseDeadline,
        Action<RunnerEvent> onEvent, CancellationToken cancellationToken)
    {
        var secret = ChannelSecret.New();
        await using var server = new NamedPipeServerStream(
            secret.PipeName, PipeDirection.In, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var stdout = new CappedText(OutputCap);
        var stderr = new CappedText(OutputCap);
        using var process = new Process { StartInfo = SelfLauncher.StartInfo(arguments, workingDirectory, _limits.MemoryLimitMb) };
        process.Start();
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

        RunnerEvent? running = null;
        RunnerEvent? fixture = null;
        var (stdoutMark, stderrMark) = (0, 0);
        var runningSince = _time.GetUtcNow();
        async Task<ChildSessionResult> Result(ChildSessionEnd end)
        {
            // What the process wrote last (a stack overflow's message) may still be in its pipes; a process it left
            // behind may hold them open, so the wait is short.
            if (process.HasExited)
            {
                using var drained = new CancellationTokenSource(s_drainGrace, _time);
                await Task.WhenAny(pumps, Task.Delay(Timeout.InfiniteTimeSpan, drained.Token));
            }

            return new(
                end, running, running is null ? fixture : null, running is null ? TimeSpan.Zero : _time.GetUtcNow() - runningSince,
                process.HasExited ? process.ExitCode : null, stdout.ToString(), stderr.ToString());
        }

        try
        {
            if (!await ConnectAsync(server, process, exerciseDeadline, cancellationToken))
            {
                var exitedByItself = process.HasExited;
                await StopAsync(process, TimeSpan.Zero);
                return await Result(exitedByItself ? ChildSessionEnd.Died : ChildSessionEnd.Stalled);
            }

            using var reader = new StreamReader(server);
            var lastActivity = _time.GetUtcNow();
            while (true)
            {
                // A test, or a fixture's set-up before its first test, gets the per-test limit; loading and
                // discovery get the (longer) start-up limit.
                var deadline = running is not null || fixture is not null
                    ? runningSince + _limits.TestTimeout
                    : lastActivity + _limits.StartupTimeout;
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
                        return await Result(exerciseLimitFirst ? ChildSessionEnd.ExerciseTimedOut
                            : running is null && fixture is null ? ChildSessionEnd.Stalled : ChildSessionEnd.TestTimedOut);
                    }
                }

                if (line is null)
                {
                    await StopAsync(process, s_exitGrace);
                    return await Result(ChildSessionEnd.Died);
                }

                lastActivity = _time.GetUtcNow();
                var signed = secret.Verify(line);
                var runnerEvent = signed is null ? null : RunnerEvent.Parse(signed);
                if (runnerEvent is null)
                    continue; // not from the runner: ignored, whatever it says
                switch (runnerEvent.Kind)
                {
                    case RunnerEvent.Started:
                        running = runnerEvent;
                        runningSince = lastActivity;
                        (stdoutMark, stderrMark) = (stdout.Length, stderr.Length);
                        break;
                    case RunnerEvent.Finished:
                        runnerEvent = WithStrayOutput(runnerEvent, stdout.Since(stdoutMark), stderr.Since(stderrMark));
                        running = null;
                        runningSince = lastActivity; // the fixture's next test (or tear-down) starts its own clock
                        break;
                    case RunnerEvent.FixtureStarted:
                        fixture = runnerEvent;
                        runningSince = lastActivity;
                        break;
                    case RunnerEvent.FixtureFinished:
                        fixture = null;
                        break;
                    case RunnerEvent.RunFinished:
                        onEvent(runnerEvent);
                        await StopAsync(process, s_exitGrace); // a thread the learner left running must not keep it alive
                        return await Result(ChildSessionEnd.Completed);
                }

                onEvent(runnerEvent);
            }
        }
        finally
        {
            if (!process.HasExited)
                await StopAsync(process, TimeSpan.Zero);
            ProcessGroup.KillAll(process.Id); // whatever the learner's code started and left behind
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
    /// Adds what reached the process's own stdout/stderr while the test ran (NUnit captures Console writes on the
    /// test's thread; this catches the rest, such as other threads). Pipes are read asynchronously, so a line
    /// printed at the very end of a test may land on the next one.
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
}
