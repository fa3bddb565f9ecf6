using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;

namespace GenServers.Hidden;

/// <summary>
/// The suite's own callback module. Its state is the list of every message handled, in order; each call replies with
/// that list. "crash" makes any callback throw <see cref="Error"/>; the call "block" holds the server until
/// <see cref="OpenGate"/> is called, after completing <see cref="Blocked"/>.
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


    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Action<string>? OnHandled { get; set; }

    public int InitRuns => Volatile.Read(ref _initRuns);

    /// <summary>Lets a blocked call finish.</summary>
    public void OpenGate() => _gate.TrySetResult();

    /// <summary>Completes once the server is inside a "block" call: await it instead of blocking a thread.</summary>
    public Task Blocked => _blocked.Task;

    public ImmutableList<string> Init()
    {
        Interlocked.Increment(ref _initRuns);
        return _init is null ? [] : _init();
    }

    public (ImmutableList<string> Reply, ImmutableList<string> State) HandleCall(string request, ImmutableList<string> state)
    {
        if (request == "block")
        {
            GlobalQueue.Post(() => _blocked.TrySetResult());
            // Task.Wait, not a ManualResetEventSlim: the thread pool knows a thread blocked on a task is blocked, and
            // adds threads at once instead of after its usual half-second starvation delay.
            _gate.Task.Wait(TimeSpan.FromSeconds(10));
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
