using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Otp;

namespace Supervisors.Hidden;

/// <summary>One line of the <see cref="StaffLog"/>: a worker started, or its Terminate began.</summary>
/// <param name="Kind"><c>started</c> or <c>terminating</c>.</param>
/// <param name="Worker">The worker's name.</param>
/// <param name="Pid">The process.</param>
/// <param name="Reason">For <c>terminating</c>, the reason it stops; null for <c>started</c>.</param>
public sealed record LogEntry(string Kind, string Worker, Pid Pid, object? Reason);

/// <summary>
/// The log the tests hand to the supervisors, which hand it to every worker: a thread-safe list of what happened, in
/// the order it happened, and a way to await an entry that has not been written yet (no polling, no sleeping).
/// </summary>
public sealed class StaffLog : IStaffLog
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Done)> _waiters = [];

    /// <inheritdoc />
    public void Started(string worker, Pid pid) => Add(new LogEntry("started", worker, pid, null));

    /// <inheritdoc />
    public void Terminating(string worker, Pid pid, object reason) => Add(new LogEntry("terminating", worker, pid, reason));

    /// <summary>Everything written so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The workers that started, in order (a worker started twice is there twice).</summary>
    public IReadOnlyList<string> StartedWorkers => [.. Entries.Where(e => e.Kind == "started").Select(e => e.Worker)];

    /// <summary>The workers whose Terminate ran, in order.</summary>
    public IReadOnlyList<string> TerminatedWorkers => [.. Entries.Where(e => e.Kind == "terminating").Select(e => e.Worker)];

    /// <summary>The first entry, written already or still to come, that <paramref name="match"/> accepts.</summary>
    public Task<LogEntry> FirstAsync(Func<LogEntry, bool> match)
    {
        lock (_lock)
        {
            if (_entries.Find(e => match(e)) is { } found)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }

    private void Add(LogEntry entry)
    {
        List<TaskCompletionSource<LogEntry>> ready;
        lock (_lock)
        {
            _entries.Add(entry);
            ready = [.. _waiters.Where(w => w.Match(entry)).Select(w => w.Done)];
            _waiters.RemoveAll(w => ready.Contains(w.Done));
        }

        foreach (var done in ready)
        {
            done.TrySetResult(entry); // outside the lock: the waiter's code never runs under it
        }
    }
}
