using System;
using System.Threading;
using System.Threading.Tasks;

namespace Behaviours.Hidden;

/// <summary>The protocol of <see cref="Probe"/>: a behaviour written for the suite, unknown to the learner's server.</summary>
internal abstract record Op;

/// <summary>Adds N; replies with the new total.</summary>
internal sealed record Add(int N) : Op;

/// <summary>Replies with the total.</summary>
internal sealed record Read : Op;

/// <summary>Signals Entered, waits (bounded) at Gate, then adds 1 and replies with the new total.</summary>
internal sealed record Block(ManualResetEventSlim Gate, TaskCompletionSource Entered) : Op
{
    public static Block Create(ManualResetEventSlim gate) =>
        new(gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>Sets Event, then replies with the total.</summary>
internal sealed record Signal(ManualResetEventSlim Event) : Op;

/// <summary>Throws Error.</summary>
internal sealed record Crash(Exception Error) : Op;

/// <summary>
/// A behaviour that watches how the server drives it: how often Init and Handle run, whether two Handles ever overlap,
/// and which requests it saw. Init can be made to wait at a gate or to throw.
/// </summary>
internal sealed class Probe(int initial = 0, ManualResetEventSlim? initGate = null, Exception? initCrash = null)
    : IBehaviour<int, Op, int>
{
    // Bounded waits: a wrong server that runs behaviour code on the caller's thread still lets the test report it.
    private static readonly TimeSpan GateBound = TimeSpan.FromSeconds(10);

    private int _inits;
    private int _initsFinished;
    private int _handles;
    private int _inFlight;
    private int _maxInFlight;

    public int Inits => Volatile.Read(ref _inits);

    public int InitsFinished => Volatile.Read(ref _initsFinished);

    public int Handles => Volatile.Read(ref _handles);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public Op? LastRequest { get; private set; }

    public int Init()
    {
        Interlocked.Increment(ref _inits);
        initGate?.Wait(GateBound);
        Interlocked.Increment(ref _initsFinished);
        return initCrash is null ? initial : throw initCrash;
    }

    public (int Reply, int State) Handle(Op request, int state)
    {
        Interlocked.Increment(ref _handles);
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        try
        {
            LastRequest = request;
            switch (request)
            {
                case Add add:
                    return (state + add.N, state + add.N);
                case Read:
                    return (state, state);
                case Block block:
                    block.Entered.TrySetResult();
                    block.Gate.Wait(GateBound);
                    return (state + 1, state + 1);
                case Signal signal:
                    signal.Event.Set();
                    return (state, state);
                case Crash crash:
                    throw crash.Error;
                default:
                    throw new ArgumentOutOfRangeException(nameof(request));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
