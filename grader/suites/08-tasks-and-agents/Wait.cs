using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Hidden;

/// <summary>
/// Bounded waits that say what they waited for. Every wait in the tests goes through here, so a test that does not get
/// what it waits for fails with a sentence naming it and the README step, never with a bare time-out.
/// </summary>
internal static class Wait
{
    /// <summary>How long a test waits, in real time, for something that should happen at once.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a test waits for something that must NOT happen. Short, because it always comes after a signal that
    /// would already have let the unwanted thing through.
    /// </summary>
    public static readonly TimeSpan NothingHappensWithin = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits for <paramref name="task"/>; fails naming <paramref name="what"/> if it takes longer than <see cref="Limit"/>.</summary>
    public static async Task<T> For<T>(Task<T> task, string what, int step, Task? callUnderTest = null)
    {
        await For((Task)task, what, step, callUnderTest);
        return await task;
    }

    /// <summary>
    /// Waits for <paramref name="task"/> to complete (a failure inside it is left for the caller to see). When
    /// <paramref name="callUnderTest"/> is given and fails first, the wait stops and reports that failure instead.
    /// </summary>
    public static async Task For(Task task, string what, int step, Task? callUnderTest = null)
    {
        Task either = Task.WhenAny(task, callUnderTest ?? task);
        await either.WaitAsync(Limit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!task.IsCompleted && callUnderTest is { IsFaulted: true })
        {
            Assert.Fail($"Step {step}: while waiting for {what}, the method under test failed: {callUnderTest.Exception!.InnerException!.Message} (see README, step {step}; hidden test).");
        }

        if (!task.IsCompleted)
        {
            Assert.Fail($"Step {step}: waited {Limit.TotalSeconds} s for {what}; it did not happen (see README, step {step}; hidden test).");
        }
    }

    /// <summary>True if <paramref name="task"/> is still not done after <see cref="NothingHappensWithin"/>.</summary>
    public static async Task<bool> StillRunning(Task task)
    {
        await task.WaitAsync(NothingHappensWithin).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !task.IsCompleted;
    }

    /// <summary>True if no message matching <paramref name="match"/> reaches <paramref name="inbox"/> within <see cref="NothingHappensWithin"/> (real time).</summary>
    public static async Task<bool> NoMessage(ProcessContext inbox, Func<object, bool> match)
    {
        using var quiet = new CancellationTokenSource(NothingHappensWithin);
        try
        {
            await inbox.ReceiveAsync(match, Timeout.InfiniteTimeSpan, quiet.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Waits for the DOWN message of <paramref name="monitor"/> in <paramref name="inbox"/> and returns the exit reason it carries.</summary>
    public static async Task<object> ForDown(ProcessContext inbox, MonitorRef monitor, string what, int step)
    {
        var down = await For(inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor).AsTask(), what, step);
        return down!.Reason;
    }

    /// <summary>Waits until <paramref name="pid"/> has exited and returns its exit reason (noproc if it already had).</summary>
    public static Task<object> ForExit(Node node, Pid pid, string what, int step) =>
        For(node.WaitForExitAsync(pid), what, step);
}
