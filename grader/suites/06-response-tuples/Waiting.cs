using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Hidden;

/// <summary>
/// Bounded waits that say what they waited for. Five seconds of real time: far more than any correct session needs,
/// short enough that a session that never answers fails the test with a message instead of hanging it. The test's
/// own <c>[CancelAfter]</c> token ends a wait too.
/// </summary>
internal static class Waiting
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>Awaits <paramref name="task"/>; a time-out or a session that exited fails the test, naming <paramref name="what"/> and the step.</summary>
    public static async Task<T> For<T>(Task<T> task, int step, string what)
    {
        try
        {
            return await task.WaitAsync(Bound, TestContext.CurrentContext.CancellationToken);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {step}: waited {Bound.TotalSeconds} s for {what}; it never came (see README, step {step}).");
        }
        catch (Exception error) when (error is ProcessExitedException or StartFailedException or NoProcessException)
        {
            Assert.Fail($"Step {step}: waiting for {what}, {Describe(error)} (see README, step {step}).");
        }

        throw new UnreachableException();
    }

    /// <summary>Awaits <paramref name="task"/>, whatever its result type, as <see cref="For{T}"/> does.</summary>
    public static Task For(Task task, int step, string what) => For(Completion(task), step, what);

    /// <summary>Awaits <paramref name="task"/> to fail with <typeparamref name="TException"/>, and returns the exception.</summary>
    public static async Task<TException> ForFailure<TException>(Task task, int step, string what)
        where TException : Exception
    {
        try
        {
            await task.WaitAsync(Bound, TestContext.CurrentContext.CancellationToken);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {step}: waited {Bound.TotalSeconds} s for {what}; it never came (see README, step {step}).");
        }
        catch (TException expected)
        {
            return expected;
        }
        catch (Exception other)
        {
            Assert.Fail($"Step {step}: expected {what} ({typeof(TException).Name}), but got {other.GetType().Name}: {other.Message} (see README, step {step}).");
        }

        Assert.Fail($"Step {step}: expected {what} ({typeof(TException).Name}), but the call succeeded (see README, step {step}).");
        throw new UnreachableException();
    }

    /// <summary>Awaits the DOWN message of <paramref name="monitor"/> and returns the exit reason it carries.</summary>
    public static async Task<object> ForExit(ProcessContext inbox, MonitorRef monitor, int step, string what)
    {
        var down = await For(inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor).AsTask(), step, what);
        return down!.Reason;
    }

    /// <summary>
    /// A probe that the session answers without running a callback and without touching its idle timer (a system
    /// message, as <c>sys:get_state</c>): proof that the session is alive and has handled every message sent before it.
    /// </summary>
    public static Task<SessionState> ForAlive(Node node, Pid session, int step, string what) =>
        For(Sys.GetStateAsync<SessionState>(node, session, Timeout.InfiniteTimeSpan), step, what);

    private static async Task<bool> Completion(Task task)
    {
        await task;
        return true;
    }

    private static string Describe(Exception error) => error switch
    {
        ProcessExitedException { Reason: Exception crash } => $"the session crashed: {crash.Message}",
        ProcessExitedException exited => $"the session exited with reason {exited.Reason}",
        StartFailedException { Reason: Exception crash } => $"the start failed: {crash.Message}",
        StartFailedException failed => $"the start failed with reason {failed.Reason}",
        _ => $"the session was not running ({error.Message})",
    };
}
