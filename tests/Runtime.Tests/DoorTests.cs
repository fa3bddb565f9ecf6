using Microsoft.Extensions.Time.Testing;
using Otp;

namespace Runtime.Tests;

/// <summary>The code lock from the runtime's README, run as written there.</summary>
public sealed class DoorTests
{
    private FakeTimeProvider _time = null!;
    private Node _node = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _node = new Node(_time);
    }

    [TearDown]
    public void TearDown() => _node.Dispose();

    [Test, CancelAfter(5000)]
    public async Task The_right_code_opens_the_door_which_locks_itself_again_after_ten_seconds(CancellationToken ct)
    {
        var door = await StateMachine.StartAsync(_node, new Door("42"));

        StateMachine.Cast(_node, door, '4');
        StateMachine.Cast(_node, door, '2');
        Assert.That(await StateMachine.CallAsync<string>(_node, door, "state", cancellationToken: ct), Is.EqualTo("open"));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(await StateMachine.CallAsync<string>(_node, door, "state", cancellationToken: ct), Is.EqualTo("locked"));
    }

    [Test, CancelAfter(5000)]
    public async Task Digits_typed_while_open_are_kept_for_when_the_door_is_locked_again(CancellationToken ct)
    {
        var door = await StateMachine.StartAsync(_node, new Door("42"));
        StateMachine.Cast(_node, door, '4');
        StateMachine.Cast(_node, door, '2');
        StateMachine.Cast(_node, door, '4'); // postponed while open
        StateMachine.Cast(_node, door, '2');
        await StateMachine.CallAsync<string>(_node, door, "state", cancellationToken: ct);

        _time.Advance(TimeSpan.FromSeconds(10)); // locks, then the postponed digits open it again

        Assert.That(await StateMachine.CallAsync<string>(_node, door, "state", cancellationToken: ct), Is.EqualTo("open"));
    }

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
}
