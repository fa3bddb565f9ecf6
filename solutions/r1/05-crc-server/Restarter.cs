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
    private readonly Func<Task<Server<TCall, TReply, TCast>>> _start;
    private readonly RestartPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Everything below is guarded by _gate: the watcher and the callers may both see the same crash at once.
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _recentRestarts = new();
    private Task<Server<TCall, TReply, TCast>> _current;
    private int _restarts;
    private bool _done; // stopped, or gave up: no more restarts

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
    public int Restarts
    {
        get
        {
            lock (_gate)
            {
                return _restarts;
            }
        }
    }

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
    public static async Task<Restarter<TCall, TReply, TCast>> StartAsync(
        Func<Task<Server<TCall, TReply, TCast>>> start, RestartPolicy? policy = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        var first = await start();
        var restarter = new Restarter<TCall, TReply, TCast>(
            start, policy ?? RestartPolicy.Default, timeProvider ?? TimeProvider.System, first);
        restarter.Watch(restarter._current);
        return restarter;
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
    public async Task<TReply> CallAsync(TCall request, TimeSpan? timeout = null)
    {
        var server = await CurrentAsync();
        return await server.CallAsync(request, timeout);
    }

    /// <summary>
    /// Casts to the current server, fire and forget. A cast sent while no server is running (between a crash and
    /// the end of its restart, or after the restarter is done) is lost without a word, as a cast in OTP is.
    /// </summary>
    /// <param name="request">The request.</param>
    public void Cast(TCast request)
    {
        var current = Volatile.Read(ref _current);
        if (current.IsCompletedSuccessfully)
        {
            current.Result.Cast(request);
        }
    }

    /// <summary>
    /// Stops the current server normally and restarts nothing more; then <see cref="Completion"/> completes
    /// (unless the restarter had already given up). Completes when the server has ended. Stopping twice is harmless.
    /// </summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public async Task StopAsync()
    {
        Task<Server<TCall, TReply, TCast>> current;
        lock (_gate)
        {
            _done = true; // set before the server stops, so its end is never taken for a crash to restart
            current = _current;
        }

        if (await StartedAsync(current))
        {
            await current.Result.StopAsync();
        }

        _completion.TrySetResult();
    }

    /// <summary>The server to call: the current one, or, if it has crashed, the one that replaces it.</summary>
    private async Task<Server<TCall, TReply, TCast>> CurrentAsync()
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            Server<TCall, TReply, TCast> server;
            try
            {
                server = await current;
            }
            catch (Exception startFailed)
            {
                // A restart whose start failed: that counts as one more crash.
                if (RestartAfter(current, startFailed))
                {
                    continue;
                }

                throw new ServerExitedException("No server is running: it could not be restarted.", startFailed);
            }

            // The watcher nearly always restarts a crashed server first, but it runs on another thread, with no promise
            // about when. A caller that finds the crashed server still current restarts it itself, so that a call made
            // after a crash always reaches the new server. Whoever notices first restarts, and only once.
            if (server.Completion.IsFaulted && RestartAfter(current, server.Completion.Exception!.InnerException!))
            {
                continue;
            }

            return server; // alive; or ended for good, and the call will say so with ServerExitedException
        }
    }

    /// <summary>Starts watching a server (or its start): when it crashes, <see cref="RestartAfter"/> replaces it.</summary>
    private void Watch(Task<Server<TCall, TReply, TCast>> starting) =>
        // Nobody awaits the watcher. If it ever failed (a bug in it), the failure must not vanish with it:
        // it ends the restarter, just as an OTP supervisor whose own code crashes exits.
        WatchAsync(starting).ContinueWith(
            watcher => _completion.TrySetException(watcher.Exception!.InnerExceptions),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private async Task WatchAsync(Task<Server<TCall, TReply, TCast>> starting)
    {
        Exception crash;
        try
        {
            var server = await starting;
            await server.Completion;
            return; // a normal stop is not a crash: nothing to restart
        }
        catch (Exception exception)
        {
            crash = exception; // the server crashed, or its start failed
        }

        RestartAfter(starting, crash);
    }

    /// <summary>
    /// Replaces the server that <paramref name="exited"/> started with a fresh one, unless that was done already,
    /// the restarter is done, or the restart intensity is exceeded (then it gives up).
    /// </summary>
    /// <returns>True when a server replaces the exited one; false when none will.</returns>
    private bool RestartAfter(Task<Server<TCall, TReply, TCast>> exited, Exception crash)
    {
        Task<Server<TCall, TReply, TCast>>? restarted = null;
        lock (_gate)
        {
            // Identity, not a flag: the caller and the watcher may both report the same crash, and only the first
            // report of it restarts. A report about a server already replaced finds a newer one in _current.
            if (_current != exited)
            {
                return true;
            }

            if (_done)
            {
                return false;
            }

            if (MayRestartNow())
            {
                _restarts++;
                // Task.Run: the start function is someone else's code, and it must not run while we hold the lock.
                restarted = _current = Task.Run(_start);
            }
            else
            {
                _done = true;
            }
        }

        if (restarted is null)
        {
            _completion.TrySetException(new TooManyRestartsException(_policy, crash));
            return false;
        }

        Watch(restarted);
        return true;
    }

    /// <summary>
    /// Restart intensity: may one more restart happen now? If so, it is recorded. Called with <c>_gate</c> held.
    /// </summary>
    private bool MayRestartNow()
    {
        // Forget the restarts that are a whole period old, then count the ones left.
        var now = _timeProvider.GetUtcNow();
        while (_recentRestarts.Count > 0 && now - _recentRestarts.Peek() >= _policy.Period)
        {
            _recentRestarts.Dequeue();
        }

        if (_recentRestarts.Count >= _policy.MaxRestarts)
        {
            return false;
        }

        _recentRestarts.Enqueue(now);
        return true;
    }

    /// <summary>Waits for a start to finish; true when it gave a server (a failed start has nothing to stop).</summary>
    private static async Task<bool> StartedAsync(Task starting)
    {
        await starting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return starting.IsCompletedSuccessfully;
    }
}
