using System;
using System.Threading.Tasks;

namespace CrcServer;

/// <summary>
/// Turns a server off and on again: it keeps one server running, and when that server crashes it starts a fresh one
/// with the same start function, so the new server begins in the known good state its <c>Init</c> builds.
/// A normal stop is not restarted. Crashing again and again is not a passing problem: after too many restarts within
/// a period (<see cref="RestartPolicy"/>) it gives up. A first, hand-made taste of an OTP supervisor.
/// </summary>
/// <typeparam name="TCall">The server's calls.</typeparam>
/// <typeparam name="TReply">The server's replies.</typeparam>
/// <typeparam name="TCast">The server's casts.</typeparam>
public sealed class Restarter<TCall, TReply, TCast>
{
    private Restarter()
    {
    }

    /// <summary>
    /// How many times the server has been restarted since the restarter started: once per crash, until the restarter
    /// is stopped or gives up.
    /// </summary>
    public int Restarts => throw new NotImplementedException("Step 5: implement Restarter.Restarts (see README, step 5).");

    /// <summary>
    /// Completes when the restarter is done: successfully after <see cref="StopAsync"/>; faulted with
    /// <see cref="TooManyRestartsException"/> (the last crash inside) when it gave up.
    /// </summary>
    public Task Completion => throw new NotImplementedException("Step 4: implement Restarter.Completion (see README, step 4).");

    /// <summary>
    /// Starts the first server with <paramref name="start"/> and watches it: when it crashes (its <c>Completion</c>
    /// faults), <paramref name="start"/> is called again for a fresh one. A first start that fails is not retried:
    /// there is no known good state to go back to, so this method then fails with the start's exception. A restart
    /// whose start fails counts as one more crash.
    /// </summary>
    /// <param name="start">Starts a fresh server; called again for every restart (an OTP child spec's start function).</param>
    /// <param name="policy">How many restarts within what period are allowed; <see cref="RestartPolicy.Default"/> when null.</param>
    /// <param name="timeProvider">The clock the period is measured on; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The running restarter.</returns>
    public static Task<Restarter<TCall, TReply, TCast>> StartAsync(
        Func<Task<Server<TCall, TReply, TCast>>> start, RestartPolicy? policy = null, TimeProvider? timeProvider = null) =>
        throw new NotImplementedException("Step 4: implement Restarter.StartAsync (see README, step 4).");

    /// <summary>
    /// Calls the current server. If it has crashed, the call goes to the fresh server that replaces it (restarting it
    /// now if the watcher has not yet). A call under way when the server crashes is not retried: its caller gets the crash.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="timeout">How long to wait for the reply; 5 seconds when null.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ServerExitedException">
    /// The server crashed while handling this call (the crash is the inner exception), or the restarter was stopped
    /// or gave up, so no server is running.
    /// </exception>
    /// <exception cref="TimeoutException">No reply came in time.</exception>
    public Task<TReply> CallAsync(TCall request, TimeSpan? timeout = null) =>
        throw new NotImplementedException("Step 4: implement Restarter.CallAsync (see README, step 4).");

    /// <summary>
    /// Casts to the current server, fire and forget. A cast sent while no server is running (between a crash and
    /// the end of its restart, or after the restarter is done) is lost without a word, as a cast in OTP is.
    /// </summary>
    /// <param name="request">The request.</param>
    public void Cast(TCast request) =>
        throw new NotImplementedException("Step 4: implement Restarter.Cast (see README, step 4).");

    /// <summary>
    /// Stops the current server normally and restarts nothing more; then <see cref="Completion"/> completes
    /// (unless the restarter had already given up). Completes when the server has ended. Stopping twice is harmless.
    /// </summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public Task StopAsync() =>
        throw new NotImplementedException("Step 4: implement Restarter.StopAsync (see README, step 4).");
}
