using System;
using System.Diagnostics;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Tests;

/// <summary>
/// Bounded waits that say what they waited for. Two seconds of real time: far more than a correct router needs, short
/// enough that a router that never answers fails the test with a message instead of hanging it. A router that crashed
/// fails the wait at once: every call and probe monitors the router, so its exit ends the wait with the reason.
/// </summary>
internal static class Waiting
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>Awaits <paramref name="task"/>; a time-out or a router that exited fails the test, naming <paramref name="what"/> and the step.</summary>
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

    /// <summary>Asserts that <paramref name="call"/> is still waiting for its reply (call it after a probe, so the router has seen it).</summary>
    public static void StillWaiting(Task<RouteResult> call, int step, string why)
    {
        if (call.IsCompleted)
        {
            var got = call.IsCompletedSuccessfully ? $"it was answered with {call.Result}" : $"it failed: {call.Exception?.InnerException?.Message}";
            Assert.Fail($"Step {step}: {why}; but {got} (see README, step {step}).");
        }
    }

    private static string Describe(Exception error) => error switch
    {
        ProcessExitedException { Reason: Exception crash } => $"the router crashed: {crash.Message}",
        ProcessExitedException exited => $"the router exited with reason {exited.Reason}",
        StartFailedException { Reason: Exception crash } => $"the start failed: {crash.Message}",
        StartFailedException failed => $"the start failed with reason {failed.Reason}",
        _ => $"the router was not running ({error.Message})",
    };
}
