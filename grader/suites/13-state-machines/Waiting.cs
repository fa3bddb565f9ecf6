using System;
using System.Diagnostics;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>
/// Bounded waits that say what they waited for (2 s of real time, far more than a correct router needs). Every call and
/// probe monitors the router, so a router that crashed ends the wait at once, with its reason.
/// </summary>
internal static class Waiting
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

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
