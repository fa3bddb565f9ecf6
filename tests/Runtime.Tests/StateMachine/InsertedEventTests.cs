using Otp;
using R = Otp.EventResult<string, int>;

namespace Runtime.Tests;

/// <summary>Inserted calls (<c>{next_event, {call, From}, Request}</c>) and <c>repeat_state</c> from a state enter call.</summary>
public sealed class InsertedEventTests : StateMachineTest
{
    [Test, CancelAfter(5000)]
    public async Task An_inserted_call_carries_its_caller_so_the_handler_of_the_inserted_event_answers_it(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => (e.Kind, e.Content, s) switch
        {
            (EventKind.Call, "ask", "start") => R.NextState("knows", d, StateAction.NextCall(e.From!, "ask")),
            (EventKind.Call, "ask", "knows") => R.KeepStateAndData(StateAction.Reply(e.From!, "answered in knows")),
            _ => R.KeepStateAndData(),
        });

        var reply = await StateMachine.CallAsync<string>(Node, pid, "ask", cancellationToken: ct);

        Assert.That(reply, Is.EqualTo("answered in knows"));
        Assert.That((await SeenSoFar()).Select(s => $"{s.Kind}:{s.State}"), Is.EqualTo(new[] { "Call:start", "Call:knows" }));
    }

    [Test, CancelAfter(5000)]
    public async Task Repeat_state_from_a_state_enter_call_runs_the_enter_call_again_with_the_same_previous_state(CancellationToken ct)
    {
        var pid = await Start(
            (e, s, d) => (e.Kind, s) switch
            {
                (EventKind.Enter, "open") when d < 2 => R.RepeatState(d + 1),
                (EventKind.Enter, _) => R.KeepStateAndData(),
                _ => Basic(e, s, d),
            },
            stateEnter: true);

        await StateMachine.CallAsync<string>(Node, pid, ("go", "open"), cancellationToken: ct);

        Assert.That(await StateMachine.CallAsync<int>(Node, pid, "data", cancellationToken: ct), Is.EqualTo(2));
        var enters = (await SeenSoFar()).Where(s => s.Kind == EventKind.Enter).Select(s => $"{s.Content}->{s.State}");
        Assert.That(enters, Is.EqualTo(new[] { "start->start", "start->open", "start->open", "start->open" }));
    }

    [Test]
    public void A_call_is_not_inserted_with_next_event_which_has_no_caller() =>
        Assert.That(() => StateAction.NextEvent("x", EventKind.Call), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("kind"));
}
