using System;
using System.Collections.Generic;
using System.Threading;
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
    // Given: the structure. The current server is kept as the Task of its start, so that a restart under way is
    // something a caller can await like any other.
    private readonly Func<Task<Server<TCall, TReply, TCast>>> _start;
    private readonly RestartPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Everything below is guarded by _gate: the watcher and the callers may both see the same crash at once.
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _recentRestarts = new();
    private Task<Server<TCall, TReply, TCast>> _current;
#pragma warning disable CS0169, CS0649 // used by the code you write in steps 4 and 5
    private int _restarts;
    private bool _done; // stopped, or gave up: no more restarts
#pragma warning restore CS0169, CS0649

    private Restarter(
        Func<Task<Server<TCall, TReply, TCast>>> start, RestartPolicy policy, TimeProvider timeProvider,
        Server<TCall, TReply, TCast> first)
    {
        _start = start;
        _policy = policy;
        _timeProvider = timeProvider;
        _current = Task.FromResult(first);
    }

    /// <summary>
    /// How many times the server has been restarted since the restarter started: once per crash, until the restarter
    /// is stopped or gives up.
    /// </summary>
    public int Restarts =>
        // TODO Step 5.1 (Each_restart_is_counted): read _restarts, holding _gate.
        throw new NotImplementedException("Step 5: implement Restarter.Restarts (see README, step 5).");

    /// <summary>
    /// Completes when the restarter is done: successfully after <see cref="StopAsync"/>; faulted with
    /// <see cref="TooManyRestartsException"/> (the last crash inside) when it gave up.
    /// </summary>
    public Task Completion => _completion.Task;

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
        Func<Task<Server<TCall, TReply, TCast>>> start, RestartPolicy? policy = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        // TODO Step 4.1 (A_bank_opens_with_its_opening_balance, Opening_with_a_bad_balance_fails_with_FormatException):
        // make this method async; await start() for the first server (its failure is this method's failure), then
        // create the restarter with the private constructor, using the defaults for a null policy or timeProvider.
        // TODO Step 5.2 (A_crash_nobody_calls_about_is_restarted_too): before returning it, Watch(restarter._current).
        throw new NotImplementedException("Step 4: implement Restarter.StartAsync (see README, step 4).");
    }

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
        // TODO Step 4.2 (Deposit_and_withdraw_return_the_new_balance): make this async: get the server from
        // CurrentAsync() and return its CallAsync's reply. Do not catch anything: a crash belongs to this caller.
        throw new NotImplementedException("Step 4: implement Restarter.CallAsync (see README, step 4).");

    /// <summary>
    /// Casts to the current server, fire and forget. A cast sent while no server is running (between a crash and
    /// the end of its restart, or after the restarter is done) is lost without a word, as a cast in OTP is.
    /// </summary>
    /// <param name="request">The request.</param>
    public void Cast(TCast request) =>
        // TODO Step 4.3 (A_fire_and_forget_deposit_is_seen_by_the_next_call): a cast cannot wait. If _current (read it
        // with Volatile.Read) IsCompletedSuccessfully, cast to its Result; otherwise drop the cast, as OTP would.
        throw new NotImplementedException("Step 4: implement Restarter.Cast (see README, step 4).");

    /// <summary>
    /// Stops the current server normally and restarts nothing more; then <see cref="Completion"/> completes
    /// (unless the restarter had already given up). Completes when the server has ended. Stopping twice is harmless.
    /// </summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public Task StopAsync() =>
        // TODO Step 4.4 (A_stopped_bank_completes_and_refuses_calls): make this async. Holding _gate, set _done and
        // take _current; then, if StartedAsync(current), await current.Result.StopAsync(); last, _completion.TrySetResult().
        // Why _done first? So that the end of the server you stop is never taken for a crash (step 5).
        throw new NotImplementedException("Step 4: implement Restarter.StopAsync (see README, step 4).");

    /// <summary>The server to call: the current one, or, if it has crashed, the one that replaces it.</summary>
    private Task<Server<TCall, TReply, TCast>> CurrentAsync() =>
        // TODO Step 4.5 (A_bank_opens_with_its_opening_balance): make this async and return await Volatile.Read(ref _current).
        // TODO Step 5.3 (After_a_crash_the_next_call_reaches_a_fresh_server_in_the_opening_state): a call may notice a
        // crash before the watcher does. Loop: if the server's Completion IsFaulted, RestartAfter(current, the crash);
        // when that returns true, go round again with the new _current. If awaiting _current throws (a restart whose
        // start failed), that is a crash too: RestartAfter, or else throw a ServerExitedException with it inside.
        throw new NotImplementedException("Step 4: implement Restarter.CurrentAsync (see README, step 4).");

    /// <summary>Starts watching a server (or its start): when it crashes, <see cref="RestartAfter"/> replaces it.</summary>
    private void Watch(Task<Server<TCall, TReply, TCast>> starting) =>
        // Given: nobody awaits the watcher, so if it fails (a bug in it, or a NotImplementedException), the failure
        // ends the restarter rather than vanish: Completion faults with it.
        WatchAsync(starting).ContinueWith(
            watcher => _completion.TrySetException(watcher.Exception!.InnerExceptions),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private async Task WatchAsync(Task<Server<TCall, TReply, TCast>> starting)
    {
        await Task.Yield();
        // TODO Step 5.4 (A_crash_nobody_calls_about_is_restarted_too, A_normal_stop_is_not_restarted): await the
        // server from `starting`, then await its Completion. If that returns normally, the server was stopped: return.
        // If either await throws, the exception is the crash (or the failed start): RestartAfter(starting, it).
        throw new NotImplementedException("Step 5: implement Restarter.WatchAsync (see README, step 5).");
    }

    /// <summary>
    /// Replaces the server that <paramref name="exited"/> started with a fresh one, unless that was done already,
    /// the restarter is done, or the restart intensity is exceeded (then it gives up).
    /// </summary>
    /// <returns>True when a server replaces the exited one; false when none will.</returns>
    private bool RestartAfter(Task<Server<TCall, TReply, TCast>> exited, Exception crash) =>
        // TODO Step 5.5 (Each_restart_is_counted): holding _gate:
        //   - if _current is no longer `exited`, somebody restarted it already: return true (count each crash once);
        //   - if _done, return false (stopped: no restarts);
        //   - if MayRestartNow(): _restarts++, and _current = Task.Run(_start) (never run someone else's code while
        //     holding a lock); else set _done: the restarter gives up.
        // Then, outside the lock: Watch the new server and return true; or, if it gave up,
        // _completion.TrySetException(new TooManyRestartsException(_policy, crash)) and return false.
        throw new NotImplementedException("Step 5: implement Restarter.RestartAfter (see README, step 5).");

    /// <summary>
    /// Restart intensity: may one more restart happen now? If so, it is recorded. Called with <c>_gate</c> held.
    /// </summary>
    private bool MayRestartNow()
    {
        var now = _timeProvider.GetUtcNow();
        // Given, so that step 5 works before step 6: any restart is allowed while there were fewer than MaxRestarts in all.
        if (_restarts < _policy.MaxRestarts)
        {
            _recentRestarts.Enqueue(now);
            return true;
        }

        // TODO Step 6.1 (One_crash_too_many_within_the_period_gives_up, Crashes_spread_out_in_time_are_restarted_every_time):
        // replace this whole method body. _recentRestarts holds the times of the recent restarts, oldest first.
        // Dequeue those that are a whole Period old (now - time >= Period); if MaxRestarts remain, return false;
        // otherwise Enqueue(now) and return true.
        throw new NotImplementedException("Step 6: implement Restarter.MayRestartNow (see README, step 6).");
    }

    /// <summary>Waits for a start to finish; true when it gave a server (a failed start has nothing to stop).</summary>
    private static async Task<bool> StartedAsync(Task starting)
    {
        await starting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return starting.IsCompletedSuccessfully;
    }
}
