using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Backpressure.Hidden;

/// <summary>
/// Every wait in the tests is bounded, and one that runs out or fails says what it waited for, which process crashed
/// meanwhile, and which step to read, instead of a bare TimeoutException.
/// </summary>
internal static class Waits
{
    /// <summary>How long a test waits for something that should happen at once.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>Waits for <paramref name="task"/>, or fails naming <paramref name="what"/> and the step.</summary>
    public static async Task ForAsync(Task task, string what, int step)
    {
        try
        {
            await task.WaitAsync(Limit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {step}: waited {Limit.TotalSeconds} s for {what}; it never happened.{Nodes.CrashReport()} (see README, step {step}).");
        }
        catch (Exception error) when (error is NoProcessException or ProcessExitedException)
        {
            Assert.Fail($"Step {step}: waiting for {what}, got {error.GetType().Name}: {error.Message}{Nodes.CrashReport()} (see README, step {step}).");
        }
    }

    /// <summary>Waits for <paramref name="task"/>'s result, or fails naming <paramref name="what"/> and the step.</summary>
    public static async Task<T> ForAsync<T>(Task<T> task, string what, int step)
    {
        await ForAsync((Task)task, what, step);
        return await task;
    }
}
