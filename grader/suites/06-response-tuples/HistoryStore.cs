using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ResponseTuples.Hidden;

/// <summary>
/// A message store for the tests. It hands out its history; a gated store holds its answer until the test calls
/// <see cref="Open"/>, so that a test can look at the session while the history is still loading.
/// </summary>
internal sealed class HistoryStore : IMessageStore
{
    private readonly IReadOnlyList<string> _history;
    private readonly Exception? _failure;
    private int _loads;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HistoryStore(bool gated, IReadOnlyList<string> history, Exception? failure = null)
    {
        _history = history;
        _failure = failure;
        if (!gated)
        {
            _gate.SetResult();
        }
    }

    /// <summary>A store with no history, answering at once.</summary>
    public static HistoryStore Empty => new(gated: false, []);

    /// <summary>A store answering at once with <paramref name="history"/>.</summary>
    public static HistoryStore With(params string[] history) => new(gated: false, history);

    /// <summary>A store that holds <paramref name="history"/> until <see cref="Open"/> is called.</summary>
    public static HistoryStore Gated(params string[] history) => new(gated: true, history);

    /// <summary>A gated store whose load fails with <paramref name="failure"/> once opened.</summary>
    public static HistoryStore Failing(Exception failure) => new(gated: true, [], failure);

    /// <summary>How many times the session asked for the history.</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Completes with the user's name when the session starts loading.</summary>
    public Task<string> Asked => _asked.Task;

    /// <summary>Lets the load finish.</summary>
    public void Open() => _gate.TrySetResult();

    public async Task<IReadOnlyList<string>> LoadAsync(string user)
    {
        Interlocked.Increment(ref _loads);
        _asked.TrySetResult(user);
        await _gate.Task;
        return _failure is null ? _history : throw _failure;
    }
}
