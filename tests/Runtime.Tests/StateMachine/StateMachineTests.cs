using Otp;
using R = Otp.EventResult<string, int>;

namespace Runtime.Tests;

public sealed class StateMachineTests : StateMachineTest
{
    [Test, CancelAfter(5000)]
    public async Task A_call_is_answered_by_a_reply_action_and_casts_and_infos_arrive_with_their_kind(CancellationToken ct)
    {
        var pid = await Start();

        StateMachine.Cast(Node, pid, "a cast");
        Node.Send(pid, "a message");
        var data = await StateMachine.CallAsync<int>(Inbox, pid, "data", cancellationToken: ct);

        Assert.That(data, Is.EqualTo(2));
        Assert.That(await SeenSoFar(), Is.EqualTo(new[]
        {
            new Seen(EventKind.Cast, "a cast", "start"),
            new Seen(EventKind.Info, "a message", "start"),
            new Seen(EventKind.Call, "data", "start"),
        }));
        Assert.That(Node.GetInfo(pid)!.Behaviour, Is.EqualTo("gen_statem"));
    }

    [Test, CancelAfter(5000)]
    public async Task Next_state_changes_the_state_and_keep_state_does_not(CancellationToken ct)
    {
        var pid = await Start();

        Assert.That(await StateMachine.CallAsync<string>(Node, pid, ("go", "open"), cancellationToken: ct), Is.EqualTo("ok"));
        StateMachine.Cast(Node, pid, "bump");

        Assert.That(await StateMachine.CallAsync<string>(Node, pid, "state", cancellationToken: ct), Is.EqualTo("open"));
        Assert.That(await StateMachine.CallAsync<int>(Node, pid, "data", cancellationToken: ct), Is.EqualTo(1));
    }

    [Test, CancelAfter(5000)]
    public async Task A_reply_can_be_sent_from_a_later_event_with_the_kept_caller(CancellationToken ct)
    {
        From? parked = null;
        var pid = await Start((e, s, d) => (e.Kind, e.Content) switch
        {
            (EventKind.Call, "park") => Park(e.From!),
            (EventKind.Cast, "release") => R.KeepStateAndData(StateAction.Reply(parked!, "late")),
            _ => R.KeepStateAndData(),
        });

        var call = StateMachine.CallAsync<string>(Node, pid, "park", cancellationToken: ct);
        await NextSeen(ct);
        StateMachine.Cast(Node, pid, "release");

        Assert.That(await call, Is.EqualTo("late"));

        R Park(From from)
        {
            parked = from;
            return R.KeepStateAndData();
        }
    }

    [Test, CancelAfter(5000)]
    public async Task A_state_timeout_fires_when_the_machine_stays_in_the_state(CancellationToken ct)
    {
        var pid = await Start(init: () => StateMachineInit<string, int>.Ok("start", 0, StateAction.StateTimeout(TimeSpan.FromSeconds(1), "tick")));
        StateMachine.Cast(Node, pid, "bump"); // an event that keeps the state does not cancel it
        await StateMachine.CallAsync<int>(Node, pid, "data", cancellationToken: ct);
        await SeenSoFar();

        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.StateTimeout, "tick", "start")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_state_change_cancels_the_state_timeout(CancellationToken ct)
    {
        var pid = await Start(init: () => StateMachineInit<string, int>.Ok("start", 0, StateAction.StateTimeout(TimeSpan.FromSeconds(1), "tick")));
        await StateMachine.CallAsync<string>(Node, pid, ("go", "other"), cancellationToken: ct);

        Clock.Advance(TimeSpan.FromSeconds(2));
        await StateMachine.CallAsync<string>(Node, pid, "state", cancellationToken: ct); // a timer that fired would be handled before this

        Assert.That((await SeenSoFar()).Select(s => s.Kind), Has.No.Member(EventKind.StateTimeout));
    }

    [Test, CancelAfter(5000)]
    public async Task Setting_a_state_timeout_again_restarts_it_and_infinity_cancels_it(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => (e.Kind, e.Content) switch
        {
            (EventKind.Call, TimeSpan t) => R.KeepStateAndData(StateAction.StateTimeout(t, t.TotalSeconds), StateAction.Reply(e.From!, "set")),
            (EventKind.Call, "cancel") => R.KeepStateAndData(StateAction.CancelStateTimeout(), StateAction.Reply(e.From!, "cancelled")),
            _ => R.KeepStateAndData(),
        });

        await StateMachine.CallAsync<string>(Node, pid, TimeSpan.FromSeconds(1), cancellationToken: ct);
        await StateMachine.CallAsync<string>(Node, pid, TimeSpan.FromSeconds(3), cancellationToken: ct);
        await SeenSoFar();
        Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.StateTimeout, 3.0, "start")));

        await StateMachine.CallAsync<string>(Node, pid, TimeSpan.FromSeconds(1), cancellationToken: ct);
        await StateMachine.CallAsync<string>(Node, pid, "cancel", cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await StateMachine.CallAsync<string>(Node, pid, "cancel", cancellationToken: ct);
        Assert.That((await SeenSoFar()).Select(s => s.Kind), Has.No.Member(EventKind.StateTimeout));
    }

    [Test, CancelAfter(5000)]
    public async Task An_event_timeout_fires_when_no_event_arrives_in_time(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => e.Content is "arm"
            ? R.KeepStateAndData(StateAction.EventTimeout(TimeSpan.FromSeconds(1), "idle"), StateAction.Reply(e.From!, "armed"))
            : R.KeepStateAndData());

        await StateMachine.CallAsync<string>(Node, pid, "arm", cancellationToken: ct);
        await SeenSoFar();
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.Timeout, "idle", "start")));
    }

    [Test, CancelAfter(5000)]
    public async Task Any_event_cancels_the_event_timeout(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => e.Content is "arm"
            ? R.KeepStateAndData(StateAction.EventTimeout(TimeSpan.FromSeconds(1), "idle"), StateAction.Reply(e.From!, "armed"))
            : e.Kind == EventKind.Call ? R.KeepStateAndData(StateAction.Reply(e.From!, "pong")) : R.KeepStateAndData());

        await StateMachine.CallAsync<string>(Node, pid, "arm", cancellationToken: ct);
        Node.Send(pid, "any message");
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        Assert.That((await SeenSoFar()).Select(s => s.Kind), Has.No.Member(EventKind.Timeout));
    }

    [Test, CancelAfter(5000)]
    public async Task A_zero_event_timeout_fires_at_once_unless_an_inserted_event_comes_first(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => (e.Kind, e.Content) switch
        {
            (EventKind.Cast, "zero") => R.KeepStateAndData(StateAction.EventTimeout(TimeSpan.Zero, "now")),
            (EventKind.Cast, "busy") => R.KeepStateAndData(StateAction.NextEvent("inserted"), StateAction.EventTimeout(TimeSpan.Zero, "never")),
            (EventKind.Call, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
            _ => R.KeepStateAndData(),
        });

        StateMachine.Cast(Node, pid, "zero");
        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.Cast, "zero", "start")));
        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.Timeout, "now", "start")));

        StateMachine.Cast(Node, pid, "busy");
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);
        Assert.That((await SeenSoFar()).Select(s => s.Content), Is.EqualTo(new object[] { "busy", "inserted", "ping" }));
    }

    [Test, CancelAfter(5000)]
    public async Task Generic_timeouts_survive_events_and_state_changes_and_fire_with_their_name(CancellationToken ct)
    {
        var pid = await Start(init: () => StateMachineInit<string, int>.Ok(
            "start", 0, StateAction.GenericTimeout("a", TimeSpan.FromSeconds(1), "first"), StateAction.GenericTimeout("b", TimeSpan.FromSeconds(2), "second")));
        StateMachine.Cast(Node, pid, "bump");
        await StateMachine.CallAsync<string>(Node, pid, ("go", "elsewhere"), cancellationToken: ct);
        await SeenSoFar();

        Clock.Advance(TimeSpan.FromSeconds(1));
        var first = await NextSeen(ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await NextSeen(ct);

        Assert.That(first, Is.EqualTo(new Seen(EventKind.GenericTimeout, "first", "elsewhere")));
        Assert.That(second, Is.EqualTo(new Seen(EventKind.GenericTimeout, "second", "elsewhere")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_generic_timeout_event_carries_its_name_and_a_cancelled_one_never_fires(CancellationToken ct)
    {
        var names = new List<object?>();
        var pid = await Start((e, s, d) =>
        {
            names.Add(e.TimeoutName);
            return (e.Kind, e.Content) switch
            {
                (EventKind.Call, "arm") => R.KeepStateAndData(
                    StateAction.GenericTimeout("keep", TimeSpan.FromSeconds(1), "kept"),
                    StateAction.GenericTimeout("drop", TimeSpan.FromSeconds(1), "dropped"),
                    StateAction.Reply(e.From!, "armed")),
                (EventKind.Call, "cancel") => R.KeepStateAndData(StateAction.CancelGenericTimeout("drop"), StateAction.Reply(e.From!, "ok")),
                (EventKind.Call, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
                _ => R.KeepStateAndData(),
            };
        });

        await StateMachine.CallAsync<string>(Node, pid, "arm", cancellationToken: ct);
        await StateMachine.CallAsync<string>(Node, pid, "cancel", cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var timeouts = (await SeenSoFar()).Where(s => s.Kind == EventKind.GenericTimeout).ToList();
        Assert.That(timeouts, Is.EqualTo(new[] { new Seen(EventKind.GenericTimeout, "kept", "start") }));
        Assert.That(names, Does.Contain("keep").And.No.Member("drop"));
    }

    [Test, CancelAfter(5000)]
    public async Task Postponed_events_are_retried_in_order_after_the_next_state_change_before_newer_events(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => (e.Kind, e.Content, s) switch
        {
            (EventKind.Cast, "unlock", _) => R.NextState("open", d),
            (EventKind.Cast, "noop", _) => R.KeepStateAndData(),
            (EventKind.Cast, _, "start") => R.KeepStateAndData(StateAction.Postpone()),
            (EventKind.Call, _, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
            _ => R.KeepStateAndData(),
        });

        StateMachine.Cast(Node, pid, "a");
        StateMachine.Cast(Node, pid, "b");
        StateMachine.Cast(Node, pid, "noop"); // keeps the state: nothing is retried
        StateMachine.Cast(Node, pid, "unlock");
        StateMachine.Cast(Node, pid, "c");
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => $"{s.Content}@{s.State}");
        Assert.That(seen, Is.EqualTo(new[] { "a@start", "b@start", "noop@start", "unlock@start", "a@open", "b@open", "c@open", "ping@open" }));
    }

    [Test, CancelAfter(5000)]
    public async Task Inserted_events_are_handled_in_order_before_anything_in_the_mailbox(CancellationToken ct)
    {
        using var hold = new SemaphoreSlim(0);
        var pid = await Start(
            (e, s, d) => e.Content is "x" ? R.KeepStateAndData(StateAction.NextEvent("i1"), StateAction.NextEvent("i2", EventKind.Info)) : R.KeepStateAndData(),
            gate: e => e.Content is "x" ? hold.WaitAsync(ct) : Task.CompletedTask);

        StateMachine.Cast(Node, pid, "x");
        await NextSeen(ct); // the handler of x is running, held by the gate
        StateMachine.Cast(Node, pid, "y"); // so y is in the mailbox before x's inserted events exist
        hold.Release();

        var order = new[] { await NextSeen(ct), await NextSeen(ct), await NextSeen(ct) };
        Assert.That(order, Is.EqualTo(new[]
        {
            new Seen(EventKind.Internal, "i1", "start"),
            new Seen(EventKind.Info, "i2", "start"),
            new Seen(EventKind.Cast, "y", "start"),
        }));
    }

    [Test, CancelAfter(5000)]
    public async Task Inserted_events_come_before_retried_postponed_ones(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => (e.Kind, e.Content, s) switch
        {
            (EventKind.Cast, "unlock", _) => R.NextState("open", d, StateAction.NextEvent("inserted")),
            (EventKind.Cast, _, "start") => R.KeepStateAndData(StateAction.Postpone()),
            (EventKind.Call, _, _) => R.KeepStateAndData(StateAction.Reply(e.From!, "pong")),
            _ => R.KeepStateAndData(),
        });

        StateMachine.Cast(Node, pid, "postponed");
        StateMachine.Cast(Node, pid, "unlock");
        await StateMachine.CallAsync<string>(Node, pid, "ping", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => s.Content);
        Assert.That(seen, Is.EqualTo(new object[] { "postponed", "unlock", "inserted", "postponed", "ping" }));
    }

    [Test, CancelAfter(5000)]
    public async Task State_enter_runs_at_start_and_on_every_state_change_with_the_previous_state(CancellationToken ct)
    {
        var pid = await Start(
            (e, s, d) => e.Kind == EventKind.Enter ? R.KeepStateAndData() : Basic(e, s, d),
            stateEnter: true);

        await StateMachine.CallAsync<string>(Node, pid, ("go", "open"), cancellationToken: ct);
        await StateMachine.CallAsync<string>(Node, pid, ("go", "open"), cancellationToken: ct); // same state: no enter
        await StateMachine.CallAsync<string>(Node, pid, ("go", "closed"), cancellationToken: ct);

        var enters = (await SeenSoFar()).Where(s => s.Kind == EventKind.Enter).Select(s => $"{s.Content}->{s.State}");
        Assert.That(enters, Is.EqualTo(new[] { "start->start", "start->open", "open->closed" }));
    }

    [Test, CancelAfter(5000)]
    public async Task Repeat_state_runs_the_state_enter_call_again_without_retrying_postponed_events(CancellationToken ct)
    {
        var pid = await Start(
            (e, s, d) => (e.Kind, e.Content) switch
            {
                (EventKind.Enter, _) => R.KeepStateAndData(),
                (EventKind.Cast, "later") => R.KeepStateAndData(StateAction.Postpone()),
                (EventKind.Call, "repeat") => R.RepeatState(d + 1, StateAction.Reply(e.From!, "again")),
                _ => R.KeepStateAndData(),
            },
            stateEnter: true);

        StateMachine.Cast(Node, pid, "later");
        await StateMachine.CallAsync<string>(Node, pid, "repeat", cancellationToken: ct);

        var seen = (await SeenSoFar()).Select(s => $"{s.Kind}:{s.Content}");
        Assert.That(seen, Is.EqualTo(new[] { "Enter:start", "Cast:later", "Call:repeat", "Enter:start" }));
    }

    [Test, CancelAfter(5000)]
    public async Task A_state_enter_call_can_set_a_state_timeout_for_the_state_it_enters(CancellationToken ct)
    {
        var pid = await Start(
            (e, s, d) => (e.Kind, s) switch
            {
                (EventKind.Enter, "open") => R.KeepStateAndData(StateAction.StateTimeout(TimeSpan.FromSeconds(10), "close")),
                (EventKind.StateTimeout, "open") => R.NextState("closed", d),
                (EventKind.Enter, _) => R.KeepStateAndData(),
                _ => Basic(e, s, d),
            },
            stateEnter: true);

        await StateMachine.CallAsync<string>(Node, pid, ("go", "open"), cancellationToken: ct);
        Clock.Advance(TimeSpan.FromSeconds(10));

        while ((await NextSeen(ct)).Kind != EventKind.StateTimeout)
        {
        }

        Assert.That(await NextSeen(ct), Is.EqualTo(new Seen(EventKind.Enter, "open", "closed")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_state_enter_call_that_changes_the_state_stops_the_machine_with_bad_state_enter_return(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var pid = await Start((e, s, d) => e.Kind == EventKind.Enter && s == "start" ? R.NextState("elsewhere", d) : R.KeepStateAndData(), stateEnter: true);

        var exit = await Inbox.Next<ExitMessage>(ct);

        Assert.That(exit.From, Is.EqualTo(pid));
        Assert.That(exit.Reason, Is.InstanceOf<ValueTuple<Atom, string>>());
        Assert.That(((ValueTuple<Atom, string>)exit.Reason).Item1, Is.EqualTo(new Atom("bad_state_enter_return")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_state_enter_call_may_not_postpone_or_insert_events(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        await Start((e, s, d) => e.Kind == EventKind.Enter ? R.KeepStateAndData(StateAction.Postpone()) : R.KeepStateAndData(), stateEnter: true);
        await Start((e, s, d) => e.Kind == EventKind.Enter ? R.KeepStateAndData(StateAction.NextEvent("x")) : R.KeepStateAndData(), stateEnter: true);

        var reasons = new[] { (await Inbox.Next<ExitMessage>(ct)).Reason, (await Inbox.Next<ExitMessage>(ct)).Reason };

        Assert.That(reasons, Has.All.InstanceOf<ValueTuple<Atom, string>>());
        Assert.That(reasons.Select(r => ((ValueTuple<Atom, string>)r).Item1), Has.All.EqualTo(new Atom("bad_state_enter_action")));
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_and_reply_runs_terminate_answers_the_caller_and_exits_with_the_reason(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var pid = await Start((e, s, d) => e.Kind == EventKind.Call
            ? R.StopAndReply(new Atom("done"), 7, StateAction.Reply(e.From!, "bye"))
            : R.KeepStateAndData());

        var reply = await StateMachine.CallAsync<string>(Node, pid, "stop", cancellationToken: ct);

        Assert.That(reply, Is.EqualTo("bye"));
        Assert.That(await Witness.Next<Terminated>(ct), Is.EqualTo(new Terminated(new Atom("done"), "start", 7)));
        Assert.That((await Inbox.Next<ExitMessage>(ct)).Reason, Is.EqualTo(new Atom("done")));
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_from_outside_runs_terminate_and_exits_with_the_reason(CancellationToken ct)
    {
        var pid = await Start();

        await StateMachine.StopAsync(Node, pid, ExitReason.Shutdown);

        Assert.That(await Witness.Next<Terminated>(ct), Is.EqualTo(new Terminated(ExitReason.Shutdown, "start", 0)));
        Assert.That(Node.IsAlive(pid), Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task A_crash_in_the_handler_runs_terminate_and_fails_the_caller_with_the_exception(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var pid = await Start((e, s, d) => throw new InvalidOperationException("bad event"));

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => StateMachine.CallAsync<string>(Node, pid, "anything", cancellationToken: ct));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidOperationException>());
        Assert.That((await Witness.Next<Terminated>(ct)).Reason, Is.InstanceOf<InvalidOperationException>());
        Assert.That((await Inbox.Next<ExitMessage>(ct)).Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task A_call_with_a_timeout_fails_when_no_reply_action_comes_in_time(CancellationToken ct)
    {
        var pid = await Start((e, s, d) => R.KeepStateAndData());

        var call = StateMachine.CallAsync<string>(Node, pid, "unanswered", TimeSpan.FromMilliseconds(200), ct);
        Clock.Advance(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAsync<CallTimeoutException>(() => call);
    }

    [Test, CancelAfter(5000)]
    public void Init_returning_stop_or_ignore_fails_the_start()
    {
        Inbox.TrapExit = true; // the failed machine's exit reaches its linked parent
        var stopped = Assert.ThrowsAsync<StartFailedException>(() => Start(init: () => StateMachineInit<string, int>.Stop(new Atom("nope"))));
        var ignored = Assert.ThrowsAsync<StartFailedException>(() => Start(init: StateMachineInit<string, int>.Ignore));

        Assert.That(stopped!.Reason, Is.EqualTo(new Atom("nope")));
        Assert.That(ignored!.Ignored, Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task Init_can_insert_events_handled_before_the_mailbox(CancellationToken ct)
    {
        var pid = await Start(init: () => StateMachineInit<string, int>.Ok("start", 0, StateAction.NextEvent("boot")));

        await StateMachine.CallAsync<string>(Node, pid, "state", cancellationToken: ct);

        Assert.That((await SeenSoFar()).Select(s => s.Content), Is.EqualTo(new object[] { "boot", "state" }));
    }

    [Test, CancelAfter(5000)]
    public async Task A_machine_that_traps_exits_runs_terminate_when_its_parent_exits(CancellationToken ct)
    {
        var parent = Node.Spawn(async ctx =>
        {
            var machine = await StateMachine.StartLinkAsync(ctx, new TestMachine(Witness.Self, Basic, trapExit: true));
            ctx.Send(Inbox.Self, machine);
            await ctx.ReceiveAsync(m => m is "go", Timeout.InfiniteTimeSpan);
            ctx.Exit(new Atom("parent_gone"));
        });
        var pid = await Inbox.Next<Pid>(ct);
        var monitor = Inbox.Monitor(pid);

        Node.Send(parent, "go");

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(new Atom("parent_gone")));
        Assert.That(await Witness.Next<Terminated>(ct), Is.EqualTo(new Terminated(new Atom("parent_gone"), "start", 0)));
        Assert.That(Node.IsAlive(parent), Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task Sys_reads_and_replaces_the_state_and_data_without_running_the_handler(CancellationToken ct)
    {
        var pid = await Start();
        await StateMachine.CallAsync<string>(Node, pid, ("go", "open"), cancellationToken: ct);
        await SeenSoFar();

        var before = await Sys.GetStateAsync<(string, int)>(Node, pid);
        var after = await Sys.ReplaceStateAsync<(string, int)>(Node, pid, sd => ("closed", sd.Item2 + 5));

        Assert.That(before, Is.EqualTo(("open", 0)));
        Assert.That(after, Is.EqualTo(("closed", 5)));
        Assert.That(await StateMachine.CallAsync<string>(Node, pid, "state", cancellationToken: ct), Is.EqualTo("closed"));
        Assert.That((await SeenSoFar()).Select(s => s.Content), Is.EqualTo(new object[] { "state" }));
    }

    [Test, CancelAfter(5000)]
    public async Task A_machine_started_with_a_name_is_reached_by_that_name(CancellationToken ct)
    {
        var pid = await StateMachine.StartAsync(Node, new TestMachine(Witness.Self, Basic), "door");

        Assert.That(Node.WhereIs("door"), Is.EqualTo(pid));
        Assert.That(await StateMachine.CallAsync<string>(Node, "door", "state", cancellationToken: ct), Is.EqualTo("start"));
        Assert.ThrowsAsync<StartFailedException>(() => StateMachine.StartAsync(Node, new TestMachine(Witness.Self, Basic), "door"));
    }
}
