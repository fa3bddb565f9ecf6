using System;
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
        => throw new NotImplementedException("Step 4: implement Watchdog.Start (see README, step 4).");

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
    public static Task<CurrentWorker> WhichWorkerAsync(ProcessContext caller, Pid watchdog, TimeSpan timeout)
        => throw new NotImplementedException("Step 4: implement Watchdog.WhichWorkerAsync (see README, step 4).");
}
