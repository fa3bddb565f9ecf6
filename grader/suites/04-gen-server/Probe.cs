using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;

namespace GenServers.Hidden;

/// <summary>
/// The suite's own callback module. Its state is the list of every message handled, in order; each call replies with
/// that list. "crash" makes any callback throw <see cref="Error"/>; the call "block" holds the server until
/// <see cref="Gate"/> opens, after signalling <see cref="Blocked"/>.
/// </summary>
internal sealed class Probe : IGenServer<ImmutableList<string>, string, ImmutableList<string>, string>
{
    private readonly Func<ImmutableList<string>>? _init;
    private int _initRuns;

    public Probe(Func<ImmutableList<string>>? init = null)
    {
        _init = init;
    }

    public Exception Error { get; } = new InvalidOperationException("the probe was told to crash");

    public ConcurrentQueue<string> Handled { get; } = new();

    public ManualResetEventSlim Gate { get; } = new();

    public ManualResetEventSlim Blocked { get; } = new();

    public Action<string>? OnHandled { get; set; }

    public int InitRuns => Volatile.Read(ref _initRuns);

    public ImmutableList<string> Init()
    {
        Interlocked.Increment(ref _initRuns);
        return _init is null ? [] : _init();
    }

    public (ImmutableList<string> Reply, ImmutableList<string> State) HandleCall(string request, ImmutableList<string> state)
    {
        if (request == "block")
        {
            Blocked.Set();
            Gate.Wait(TimeSpan.FromSeconds(10));
        }

        var next = Record("call " + request, state);
        return (next, next);
    }

    public ImmutableList<string> HandleCast(string request, ImmutableList<string> state) => Record("cast " + request, state);

    public ImmutableList<string> HandleInfo(object message, ImmutableList<string> state) => Record("info " + message, state);

    private ImmutableList<string> Record(string entry, ImmutableList<string> state)
    {
        if (entry.EndsWith(" crash", StringComparison.Ordinal))
        {
            throw Error;
        }

        Handled.Enqueue(entry);
        OnHandled?.Invoke(entry);
        return state.Add(entry);
    }
}
