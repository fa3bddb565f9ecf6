using Otp;
using R = Otp.EventResult<string, int>;

namespace Runtime.Tests;

/// <summary>
/// The order of the steps of a state transition, as gen_statem's manual page lists them under <c>transition_option()</c>:
/// replies go out while the actions are processed (before a state enter call), inserted and retried events come next,
/// then zero time-outs, and only then the mailbox.
/// </summary>
public sealed class TransitionOrderTests : StateMachineTest
{
    [Test, CancelAfter(5000)]
    public async Task Replies_go_out_before_the_state_enter_call_runs(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var pid = await Start(
            (e, s, d) => (e.Kind, s) switch
            {
                (EventKind.Enter, "open") => throw new InvalidOperationException("the enter call of open fails"),
                (EventKind.Enter, _) => R.KeepStateAndData(),
                _ => Basic(e, s, d),
            },
            stateEnter: true);

        var reply = await StateMachine.CallAsync<string>(Node, pid, ("go", "open"), cancellationToken: ct);

        Assert.That(reply, Is.EqualTo("ok"), "the reply action is carried out before the state enter call, which then crashes the machine");
        Assert.That((await Inbox.Next<ExitMessage>(ct)).Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_and_reply_sends_its_replies_before_terminate_runs(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var pid = await Start(
            (e, s, d) => e.Kind == EventKind.Call ? R.StopAndReply(new Atom("done"), d, StateAction.Reply(e.From!, "bye")) : R.KeepStateAndData(),
            terminate: (_, _, _) => throw new InvalidOperationException("terminate fails"));

        var reply = await StateMachine.CallAsync<string>(Node, pid, "stop", cancellationToken: ct);

        Assert.That(reply, Is.EqualTo("bye"), "stop_and_reply answers the caller before terminate runs (and fails)");
        Assert.That((await Inbox.Next<ExitMessage>(ct)).Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Zero_timeouts_are_handled_after_inserted_events_and_before_messages_already_waiting(CancellationToken ct)
    {
        var hold = new SemaphoreSlim(0);
        var pid = await Start(
            (e, s, d) => (e.Kind, e.Content) switch
            {
                (EventKind.Cast, "zero") => R.KeepStateAndData(
                    StateAction.GenericTimeout("g", TimeSpan.Zero, "generic"),
                    StateAction.StateTimeout(TimeSpan.Zero, "state"),
                    StateAction.NextEvent("inserted")),
                (EventKind.Call, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
                _ => R.KeepStateAndData(),
            },
            gate: e => e.Content is "zero" ? hold.WaitAsync(ct) : Task.CompletedTask);

        StateMachine.Cast(Node, pid, "zero");
        await NextSeen(ct); // the handler of "zero" is held: the next message waits in the mailbox
        Node.Send(pid, "waiting");
        hold.Release();
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => $"{s.Kind}:{s.Content}");
        Assert.That(seen, Is.EqualTo(new[] { "Internal:inserted", "GenericTimeout:generic", "StateTimeout:state", "Info:waiting", "Call:ping" }),
            "inserted events first, then the zero time-outs in the order they were set, then the mailbox");
    }

    [Test, CancelAfter(5000)]
    public async Task A_zero_event_timeout_is_not_cancelled_by_a_message_waiting_in_the_mailbox(CancellationToken ct)
    {
        var hold = new SemaphoreSlim(0);
        var pid = await Start(
            (e, s, d) => (e.Kind, e.Content) switch
            {
                (EventKind.Cast, "zero") => R.KeepStateAndData(StateAction.EventTimeout(TimeSpan.Zero, "now")),
                (EventKind.Call, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
                _ => R.KeepStateAndData(),
            },
            gate: e => e.Content is "zero" ? hold.WaitAsync(ct) : Task.CompletedTask);

        StateMachine.Cast(Node, pid, "zero");
        await NextSeen(ct);
        Node.Send(pid, "waiting");
        hold.Release();
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => $"{s.Kind}:{s.Content}");
        Assert.That(seen, Is.EqualTo(new[] { "Timeout:now", "Info:waiting", "Call:ping" }),
            "a zero event time-out comes before any message not yet received");
    }

    [Test, CancelAfter(5000)]
    public async Task A_zero_event_timeout_is_cancelled_by_a_retried_postponed_event(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => (e.Kind, e.Content, s) switch
        {
            (EventKind.Cast, "later", "start") => R.KeepStateAndData(StateAction.Postpone()),
            (EventKind.Cast, "go", _) => R.NextState("open", d, StateAction.EventTimeout(TimeSpan.Zero, "never")),
            (EventKind.Call, _, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
            _ => R.KeepStateAndData(),
        });

        StateMachine.Cast(Node, pid, "later");
        StateMachine.Cast(Node, pid, "go");
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => $"{s.Kind}:{s.Content}");
        Assert.That(seen, Is.EqualTo(new[] { "Cast:later", "Cast:go", "Cast:later", "Call:ping" }), "the retried event cancels the zero event time-out");
    }

    [Test, CancelAfter(5000)]
    public async Task A_zero_event_timeout_is_cancelled_by_a_zero_state_timeout_set_before_it(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => (e.Kind, e.Content) switch
        {
            (EventKind.Cast, "state first") => R.KeepStateAndData(StateAction.StateTimeout(TimeSpan.Zero, "s1"), StateAction.EventTimeout(TimeSpan.Zero, "e1")),
            (EventKind.Cast, "event first") => R.KeepStateAndData(StateAction.EventTimeout(TimeSpan.Zero, "e2"), StateAction.StateTimeout(TimeSpan.Zero, "s2")),
            (EventKind.Call, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
            _ => R.KeepStateAndData(),
        });

        StateMachine.Cast(Node, pid, "state first");
        StateMachine.Cast(Node, pid, "event first");
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => $"{s.Kind}:{s.Content}");
        Assert.That(seen, Is.EqualTo(new[] { "Cast:state first", "StateTimeout:s1", "Cast:event first", "Timeout:e2", "StateTimeout:s2", "Call:ping" }),
            "the zero state time-out event is an event, so it cancels an event time-out queued after it");
    }

    [Test, CancelAfter(5000)]
    public async Task A_postpone_action_from_init_is_ignored(CancellationToken ct)
    {
        var pid = await StateMachine.StartAsync(Node, new TestMachine(Witness.Self, Basic, () => StateMachineInit<string, int>.Ok("start", 0, StateAction.Postpone())));

        Assert.That(await StateMachine.CallAsync<string>(Node, pid, "state", cancellationToken: ct), Is.EqualTo("start"),
            "gen_statem forces postpone to false in init: there is no event to postpone");
    }
}
