using Otp;

namespace Runtime.Tests;

/// <summary>The code lock from the runtime's README, in both callback modes, run as written there.</summary>
public sealed class DoorTests : RuntimeTest
{
    public enum Mode
    {
        HandleEventFunction,
        StateFunctions,
    }

    [Test, CancelAfter(5000)]
    public async Task The_right_code_opens_the_door_which_locks_itself_again_after_ten_seconds([Values] Mode mode, CancellationToken ct)
    {
        var door = await Start(mode);

        StateMachine.Cast(Node, door, '4');
        StateMachine.Cast(Node, door, '2');
        Assert.That(await StateMachine.CallAsync<string>(Node, door, "state", cancellationToken: ct), Is.EqualTo("open"));

        Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.That(await StateMachine.CallAsync<string>(Node, door, "state", cancellationToken: ct), Is.EqualTo("locked"));
    }

    [Test, CancelAfter(5000)]
    public async Task Digits_typed_while_open_are_kept_for_when_the_door_is_locked_again([Values] Mode mode, CancellationToken ct)
    {
        var door = await Start(mode);
        StateMachine.Cast(Node, door, '4');
        StateMachine.Cast(Node, door, '2');
        StateMachine.Cast(Node, door, '4'); // postponed while open
        StateMachine.Cast(Node, door, '2');
        await StateMachine.CallAsync<string>(Node, door, "state", cancellationToken: ct);

        Clock.Advance(TimeSpan.FromSeconds(10)); // locks, then the postponed digits open it again

        Assert.That(await StateMachine.CallAsync<string>(Node, door, "state", cancellationToken: ct), Is.EqualTo("open"));
    }

    private Task<Pid> Start(Mode mode) => mode == Mode.StateFunctions
        ? StateMachine.StartAsync(Node, new MethodDoor("42"))
        : StateMachine.StartAsync(Node, new Door("42"));

    private sealed class Door(string code) : StateMachine<string, string>
    {
        protected override bool StateEnter => true;

        protected override StateMachineInit<string, string> Init() => Ok("locked", "");

        protected override EventResult<string, string> HandleEvent(StateEvent e, string state, string typed) => (e.Kind, e.Content, state) switch
        {
            (EventKind.Enter, _, "open") => KeepStateAndData(StateAction.StateTimeout(TimeSpan.FromSeconds(10), "lock")),
            (EventKind.Enter, _, _) => KeepState(""),
            (EventKind.Cast, char c, "locked") when typed + c == code => NextState("open", ""),
            (EventKind.Cast, char c, "locked") => KeepState(typed + c, StateAction.EventTimeout(TimeSpan.FromSeconds(5), "forget")),
            (EventKind.Timeout, "forget", _) => KeepState(""),
            (EventKind.StateTimeout, "lock", "open") => NextState("locked", ""),
            (EventKind.Call, "state", _) => KeepStateAndData(StateAction.Reply(e.From!, state)),
            (EventKind.Cast, _, "open") => KeepStateAndData(StateAction.Postpone()),
            _ => KeepStateAndData(),
        };
    }

    private sealed class MethodDoor(string code) : StateFunctionMachine<string>
    {
        protected override bool StateEnter => true;

        protected override StateMachineInit<StateFunction<string>, string> Init() => Ok(Locked, "");

        private EventResult<StateFunction<string>, string> Locked(StateEvent e, string typed) => (e.Kind, e.Content) switch
        {
            (EventKind.Enter, _) => KeepState(""),
            (EventKind.Cast, char c) when typed + c == code => NextState(Open, ""),
            (EventKind.Cast, char c) => KeepState(typed + c, StateAction.EventTimeout(TimeSpan.FromSeconds(5), "forget")),
            (EventKind.Timeout, "forget") => KeepState(""),
            _ => Common(e, "locked"),
        };

        private EventResult<StateFunction<string>, string> Open(StateEvent e, string typed) => (e.Kind, e.Content) switch
        {
            (EventKind.Enter, _) => KeepStateAndData(StateAction.StateTimeout(TimeSpan.FromSeconds(10), "lock")),
            (EventKind.StateTimeout, "lock") => NextState(Locked, ""),
            (EventKind.Cast, _) => KeepStateAndData(StateAction.Postpone()),
            _ => Common(e, "open"),
        };

        private static EventResult<StateFunction<string>, string> Common(StateEvent e, string name) =>
            e is { Kind: EventKind.Call, Content: "state" } ? KeepStateAndData(StateAction.Reply(e.From!, name)) : KeepStateAndData();
    }
}
