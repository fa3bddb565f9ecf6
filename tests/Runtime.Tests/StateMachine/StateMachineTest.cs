using Otp;
using R = Otp.EventResult<string, int>;

namespace Runtime.Tests;

/// <summary>
/// What the state machine fixtures share: a <see cref="TestMachine"/> started linked to the inbox and reporting to the witness,
/// a basic handler, and helpers that read the events the machine handled, in order.
/// </summary>
public abstract class StateMachineTest : RuntimeTest
{
    /// <summary>A handler that answers "state" and "data" calls, moves on ("go", s) casts and calls, and keeps everything else.</summary>
    private protected static R Basic(StateEvent e, string state, int data) => (e.Kind, e.Content) switch
    {
        (EventKind.Call, "state") => R.KeepStateAndData(StateAction.Reply(e.From!, state)),
        (EventKind.Call, "data") => R.KeepStateAndData(StateAction.Reply(e.From!, data)),
        (EventKind.Call, ("go", string next)) => R.NextState(next, data, StateAction.Reply(e.From!, "ok")),
        (EventKind.Cast, ("go", string next)) => R.NextState(next, data),
        _ => R.KeepState(data + 1),
    };

    private protected Task<Pid> Start(
        Func<StateEvent, string, int, R>? handle = null,
        Func<StateMachineInit<string, int>>? init = null,
        bool stateEnter = false,
        Func<StateEvent, Task>? gate = null,
        Action<object, string, int>? terminate = null) =>
        StateMachine.StartLinkAsync(Inbox, new TestMachine(Witness.Self, handle ?? Basic, init, stateEnter, gate, terminate: terminate));

    private protected async Task<Seen> NextSeen(CancellationToken ct) => await Witness.Next<Seen>(ct);

    /// <summary>Every event handled so far (the machine has answered a call since, so nothing is in flight).</summary>
    private protected async Task<List<Seen>> SeenSoFar()
    {
        var seen = new List<Seen>();
        while (await Witness.ReceiveAsync<Seen>(timeout: TimeSpan.Zero) is { } next)
        {
            seen.Add(next);
        }

        return seen;
    }
}
