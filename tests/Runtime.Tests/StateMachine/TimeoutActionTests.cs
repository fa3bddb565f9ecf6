using Otp;
using R = Otp.EventResult<string, int>;

namespace Runtime.Tests;

/// <summary>
/// The time-out actions of gen_statem's <c>timeout_action()</c> beyond starting one: absolute times (<c>{abs, true}</c>),
/// <c>update</c>, <c>cancel</c>, and the rule that the last action for a timer in one transition wins.
/// </summary>
public sealed class TimeoutActionTests : StateMachineTest
{
    /// <summary>Answers every call with "pong" after the actions the test gives for its content.</summary>
    private static Func<StateEvent, string, int, R> Calls(Func<object, StateAction[]> actions) => (e, s, d) => e.Kind == EventKind.Call
        ? R.KeepStateAndData([.. actions(e.Content), StateAction.Reply(e.From!, "pong")])
        : R.KeepStateAndData();

    [Test, CancelAfter(5000)]
    public async Task An_absolute_state_timeout_fires_at_its_point_on_the_node_clock(CancellationToken ct)
    {
        var at = Clock.GetUtcNow() + TimeSpan.FromSeconds(5);
        var pid = await Start(Calls(_ => []), () => StateMachineInit<string, int>.Ok("start", 0, StateAction.StateTimeout(at, "abs")));

        Clock.Advance(TimeSpan.FromSeconds(4));
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);
        Assert.That((await SeenSoFar()).Select(s => s.Kind), Has.No.Member(EventKind.StateTimeout), "not before its time");

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.StateTimeout, "abs", "start")));
    }

    [Test, CancelAfter(5000)]
    public async Task An_absolute_timeout_already_past_fires_at_once(CancellationToken ct)
    {
        var pid = await Start(Calls(c => c is "late" ? [StateAction.GenericTimeout("g", Clock.GetUtcNow() - TimeSpan.FromSeconds(1), "past")] : []));

        await StateMachine.CallAsync<string>(Node, pid, "late", cancellationToken: ct);
        await NextSeen(ct);

        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.GenericTimeout, "past", "start")));
    }

    [Test, CancelAfter(5000)]
    public async Task Updating_a_running_timeout_changes_its_content_without_restarting_it(CancellationToken ct)
    {
        var pid = await Start(Calls(c => c switch
        {
            "arm" => [StateAction.StateTimeout(TimeSpan.FromSeconds(10), "old"), StateAction.GenericTimeout("g", TimeSpan.FromSeconds(10), "old")],
            "update" => [StateAction.UpdateStateTimeout("new"), StateAction.UpdateGenericTimeout("g", "new")],
            _ => [],
        }));

        await StateMachine.CallAsync<string>(Node, pid, "arm", cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(6));
        await StateMachine.CallAsync<string>(Node, pid, "update", cancellationToken: ct);
        await SeenSoFar();
        Clock.Advance(TimeSpan.FromSeconds(4));

        var fired = new[] { await NextSeen(ct), await NextSeen(ct) };
        Assert.That(fired.Select(s => $"{s.Kind}:{s.Content}"), Is.EquivalentTo(new[] { "StateTimeout:new", "GenericTimeout:new" }),
            "both fire at the time first set (10 s), with the updated content");
    }

    [Test, CancelAfter(5000)]
    public async Task Updating_a_timeout_that_does_not_run_starts_it_as_a_zero_timeout(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => e.Content is "update"
            ? R.KeepStateAndData(StateAction.UpdateGenericTimeout("g", "fresh"), StateAction.UpdateEventTimeout("idle"))
            : e.Kind == EventKind.Call ? R.KeepStateAndData(StateAction.Reply(e.From!, "pong")) : R.KeepStateAndData());

        StateMachine.Cast(Node, pid, "update");
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => $"{s.Kind}:{s.Content}");
        Assert.That(seen, Is.EqualTo(new[] { "Cast:update", "GenericTimeout:fresh", "Call:ping" }),
            "the generic update inserts a zero time-out; the event update does too, and the generic time-out's event cancels it");
    }

    [Test, CancelAfter(5000)]
    public async Task The_last_action_for_a_timer_in_a_transition_wins(CancellationToken ct)
    {
        var pid = await Start(Calls(c => c switch
        {
            "set" => [
                StateAction.GenericTimeout("g", TimeSpan.FromSeconds(1), "first"), StateAction.GenericTimeout("g", TimeSpan.FromSeconds(3), "second"),
                StateAction.StateTimeout(TimeSpan.FromSeconds(1), "dropped"), StateAction.CancelStateTimeout(),
                StateAction.CancelEventTimeout(), StateAction.EventTimeout(TimeSpan.FromSeconds(2), "idle")],
            _ => [],
        }));

        await StateMachine.CallAsync<string>(Node, pid, "set", cancellationToken: ct);
        await SeenSoFar();
        Clock.Advance(TimeSpan.FromSeconds(2));
        var idle = await NextSeen(ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await NextSeen(ct);
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        Assert.That(idle, Is.EqualTo(new Seen(EventKind.Timeout, "idle", "start")), "the event time-out set after its cancel runs");
        Assert.That(second, Is.EqualTo(new Seen(EventKind.GenericTimeout, "second", "start")), "the generic time-out set again runs with its last time");
        Assert.That((await SeenSoFar()).Select(s => s.Kind), Is.EqualTo(new[] { EventKind.Call }), "the cancelled state time-out never fires");
    }

    [Test, CancelAfter(5000)]
    public async Task Cancelling_the_event_timeout_stops_it(CancellationToken ct)
    {
        var pid = await Start(Calls(c => c switch
        {
            "arm" => [StateAction.EventTimeout(TimeSpan.FromSeconds(1), "idle"), StateAction.CancelEventTimeout()],
            _ => [],
        }));

        await StateMachine.CallAsync<string>(Node, pid, "arm", cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        Assert.That((await SeenSoFar()).Select(s => s.Kind), Has.No.Member(EventKind.Timeout));
    }
}
