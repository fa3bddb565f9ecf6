using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Tasks;

namespace GenServers.Tests;

/// <summary>
/// A callback module for the tests. Its state is the list of every message it has handled, in order, and each call
/// replies with that list, so a test sees exactly what the server did and in which order.
/// A message "crash" makes the callback that gets it throw; a call "block" makes the server wait until the test
/// calls <see cref="OpenGate"/>, so that a caller is kept waiting for its reply.
/// </summary>
internal sealed class Recorder : IGenServer<ImmutableList<string>, string, ImmutableList<string>, string>
{
    private readonly Func<ImmutableList<string>>? _init;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the module; <paramref name="init"/> replaces the default Init (an empty list).</summary>
    public Recorder(Func<ImmutableList<string>>? init = null)
    {
        _init = init;
    }

    /// <summary>Everything the callbacks handled, seen from outside the server (the test's probe).</summary>
    public ConcurrentQueue<string> Handled { get; } = new();

    /// <summary>Lets a blocked call finish.</summary>
    public void OpenGate() => _gate.TrySetResult();

    public ImmutableList<string> Init() => _init is null ? [] : _init();

    public (ImmutableList<string> Reply, ImmutableList<string> State) HandleCall(string request, ImmutableList<string> state)
    {
        if (request == "block")
        {
            // Bounded, so that a test that forgets to open the gate cannot hang the server for ever. Blocking on a
            // task (rather than an event) tells the thread pool that this thread is blocked, so it adds another at once.
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
            throw new InvalidOperationException($"{entry}: the callback threw");
        }

        Handled.Enqueue(entry);
        return state.Add(entry);
    }
}
