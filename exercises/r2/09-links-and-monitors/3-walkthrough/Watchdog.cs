using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace LinksAndMonitors;

/// <summary>
/// Steps 4 to 6: a watchdog, a supervisor's core idea built by hand. It runs one worker and monitors it; when the
/// worker exits, for any reason, it starts a new one. Restarting for ever would hide a fault that comes back at once,
/// so it gives up, exiting with <c>shutdown</c>, when there are more than <c>maxRestarts</c> restarts within
/// <c>window</c>, measured on the node's clock.
/// </summary>
public static class Watchdog
{
    /// <summary>
    /// Starts a watchdog process that starts a worker running <paramref name="worker"/>, monitors it, and starts a new
    /// one each time the current one exits. A restart that would make more than <paramref name="maxRestarts"/> restarts
    /// at most <paramref name="window"/> old, itself included, is not done: the watchdog exits with reason
    /// <c>shutdown</c> instead. It answers <see cref="WhichWorker"/> with <see cref="CurrentWorker"/> and ignores
    /// anything else.
    /// </summary>
    /// <param name="node">The node to run on; its clock measures the window.</param>
    /// <param name="worker">The worker's body; each restart runs it again in a new process.</param>
    /// <param name="maxRestarts">How many restarts the window may hold; zero or more.</param>
    /// <param name="window">How far back restarts count; more than zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRestarts"/> is negative or <paramref name="window"/> not positive.</exception>
    public static Pid Start(Node node, Func<ProcessContext, Task> worker, int maxRestarts, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRestarts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return node.Spawn(ctx => RunAsync(ctx, worker, maxRestarts, window));
    }

    /// <summary>
    /// Asks <paramref name="watchdog"/> which worker it runs now: a call made by hand. The caller monitors the watchdog,
    /// sends <see cref="WhichWorker"/> tagged with that monitor, and waits for the answer with the same tag or for the
    /// watchdog's DOWN, whichever comes first; then it removes the monitor and any DOWN of it.
    /// </summary>
    /// <param name="caller">The caller's own process.</param>
    /// <param name="watchdog">The watchdog.</param>
    /// <param name="timeout">How long to wait for the answer, on the node's clock.</param>
    /// <exception cref="NoProcessException">The watchdog was not alive (its DOWN said <c>noproc</c>).</exception>
    /// <exception cref="ProcessExitedException">The watchdog exited before answering; <c>Reason</c> says why.</exception>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public static async Task<CurrentWorker> WhichWorkerAsync(ProcessContext caller, Pid watchdog, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(watchdog);

        // The monitor does two jobs, as in OTP's gen_server:call: it tags the request, and it turns the death of the
        // watchdog into a message, so a dead watchdog fails the call at once instead of at the time-out.
        var tag = caller.Monitor(watchdog);
        caller.Send(watchdog, new WhichWorker(caller.Self, tag));
        var answer = await caller.ReceiveAsync<object>(
            m => m is CurrentWorker c && c.Tag == tag || m is DownMessage d && d.Ref == tag, timeout);
        caller.Demonitor(tag, flush: true);

        // GAP Step 4: `answer` is a CurrentWorker (return it), a DownMessage (the watchdog is gone: noproc means it was
        // already dead, NoProcessException(watchdog); any other reason, ProcessExitedException(watchdog, reason)), or
        // null (the time-out: TimeoutException). A switch expression reads well here.
        throw new NotImplementedException("Step 4: turn the answer into a result or an exception (see README, step 4).");
    }

    private static async Task RunAsync(ProcessContext ctx, Func<ProcessContext, Task> worker, int maxRestarts, TimeSpan window)
    {
        var time = ctx.Node.Time; // the node's clock: a FakeTimeProvider in the tests
        var recent = new Queue<long>(); // timestamps of the restarts still inside the window, oldest first
        var restarts = 0;
        var (current, monitor) = ctx.SpawnMonitor(worker);

        while (true)
        {
            switch (await ctx.ReceiveAsync())
            {
                case DownMessage down when down.Ref == monitor:
                    if (!WithinLimit(time, recent, maxRestarts, window))
                    {
                        ctx.Exit(ExitReason.Shutdown); // too many, too fast: restarting again would not help
                    }

                    (current, monitor) = ctx.SpawnMonitor(worker);
                    restarts++;
                    break;
                case WhichWorker ask:
                    ctx.Send(ask.ReplyTo, new CurrentWorker(ask.Tag, current, restarts));
                    break;
            }
        }
    }

    /// <summary>Records a restart now; false if that makes more than <paramref name="maxRestarts"/> within <paramref name="window"/>.</summary>
    private static bool WithinLimit(TimeProvider time, Queue<long> recent, int maxRestarts, TimeSpan window)
    {
        // GAP Step 6: add time.GetTimestamp() to `recent`, drop from its front the timestamps more than `window` old
        // (time.GetElapsedTime(then, now) > window; one exactly `window` old still counts), and say whether what is
        // left is at most maxRestarts. Until then every restart is allowed, so step 5 can pass first.
        return true;
    }
}
