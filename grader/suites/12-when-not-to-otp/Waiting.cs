using System;
using System.Diagnostics;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WhenNotToOtp.Hidden;

/// <summary>
/// Bounded waits that say what they waited for. Two seconds of real time: far more than a correct design needs (it
/// needs milliseconds), short enough that one that never answers fails the test with a message instead of hanging it.
/// A call to a server that has died fails at once (the runtime monitors the server for every caller), and the message
/// then says how the server exited. The test's own <c>[CancelAfter]</c> token ends a wait too.
/// </summary>
internal static class Waiting
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>Awaits <paramref name="task"/>; a time-out or a dead server fails the test, naming <paramref name="what"/> and the step.</summary>
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
        catch (Exception error) when (error is ProcessExitedException or NoProcessException or StartFailedException)
        {
            Assert.Fail($"Step {step}: waiting for {what}, {Describe(error)} (see README, step {step}).");
        }

        throw new UnreachableException();
    }

    private static string Describe(Exception error) => error switch
    {
        ProcessExitedException { Reason: Exception crash } => $"the server crashed: {crash.GetType().Name}: {crash.Message}",
        ProcessExitedException exited => $"the server exited with reason {exited.Reason}",
        StartFailedException { Reason: Exception crash } => $"the server failed to start: {crash.GetType().Name}: {crash.Message}",
        StartFailedException failed => $"the server failed to start with reason {failed.Reason}",
        _ => $"the server was not running ({error.Message})",
    };
}
