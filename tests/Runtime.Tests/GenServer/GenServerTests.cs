using Otp;

namespace Runtime.Tests;

public sealed class GenServerTests : RuntimeTest
{
    [Test, CancelAfter(5000)]
    public async Task Start_link_returns_once_init_has_run_and_calls_and_casts_reach_the_server(CancellationToken ct)
    {
        var pid = await GenServer.StartLinkAsync(Inbox, new TestServer());
        GenServer.Cast(Node, pid, "inc");

        Assert.That(await GenServer.CallAsync<int>(Inbox, pid, ("add", 2)), Is.EqualTo(3));
        Assert.That(Node.GetInfo(pid)!.Links, Does.Contain(Inbox.Self));
        Assert.That(Node.GetInfo(pid)!.Behaviour, Is.EqualTo("gen_server"));
    }

    [Test, CancelAfter(5000)]
    public async Task Init_returning_stop_fails_the_start_with_its_reason_and_the_process_exits(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var failed = Assert.ThrowsAsync<StartFailedException>(() =>
            GenServer.StartLinkAsync(Inbox, new TestServer(init: () => InitResult<int>.Stop(new Atom("no_way")))));

        Assert.That(failed!.Reason, Is.EqualTo(new Atom("no_way")));
        var exit = await Inbox.ReceiveAsync(TimeSpan.Zero, ct); // already there: the start returns after the exit
        Assert.That(exit, Is.InstanceOf<ExitMessage>().With.Property("Reason").EqualTo(new Atom("no_way")));
    }

    [Test, CancelAfter(5000)]
    public void Init_throwing_fails_the_start_with_the_exception()
    {
        var failed = Assert.ThrowsAsync<StartFailedException>(() =>
            GenServer.StartAsync(Node, new TestServer(init: () => throw new InvalidOperationException("bad init"))));

        Assert.That(failed!.Reason, Is.InstanceOf<InvalidOperationException>());
        Assert.That(failed.InnerException, Is.SameAs(failed.Reason));
    }

    [Test, CancelAfter(5000)]
    public void Init_returning_ignore_is_reported_as_ignored()
    {
        var failed = Assert.ThrowsAsync<StartFailedException>(() =>
            GenServer.StartAsync(Node, new TestServer(init: InitResult<int>.Ignore)));

        Assert.That(failed!.Ignored, Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task Init_with_continue_runs_handle_continue_before_the_first_message(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(init: () => InitResult<int>.Ok(1).WithContinue("bump")));

        Assert.That(await GenServer.CallAsync<int>(Node, pid, "get"), Is.EqualTo(101));
    }

    [Test, CancelAfter(5000)]
    public async Task A_continue_after_a_reply_runs_before_the_next_message(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        Assert.That(await GenServer.CallAsync<string>(Node, pid, "continue"), Is.EqualTo("ok"));
        Assert.That(await GenServer.CallAsync<int>(Node, pid, "get"), Is.EqualTo(100));
    }

    [Test, CancelAfter(5000)]
    public async Task A_call_fails_with_a_timeout_after_five_seconds_by_default(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        var call = GenServer.CallAsync<object>(Node, pid, "never");
        Clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.That(call.IsCompleted, Is.False);
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = Assert.ThrowsAsync<CallTimeoutException>(() => call);
        Assert.That(error!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(Node.IsAlive(pid), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_call_with_a_timeout_fails_after_that_timeout(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        var call = GenServer.CallAsync<object>(Node, pid, "never", TimeSpan.FromMilliseconds(100));
        Clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAsync<CallTimeoutException>(() => call);
    }

    [Test, CancelAfter(5000)]
    public async Task Call_to_a_dead_server_fails_with_noproc(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());
        await GenServer.StopAsync(Node, pid);

        Assert.ThrowsAsync<NoProcessException>(() => GenServer.CallAsync<int>(Node, pid, "get"));
        Assert.ThrowsAsync<NoProcessException>(() => GenServer.CallAsync<int>(Node, "nobody", "get"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_server_calling_itself_fails_with_calling_self(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        Assert.That(await GenServer.CallAsync<string>(Node, pid, "call_self"), Is.EqualTo("calling_self"));
        Assert.That(await GenServer.CallAsync<string>(Node, pid, "call_self_from_node", cancellationToken: ct), Is.EqualTo("calling_self"),
            "a call to itself given the node instead of its context is the same deadlock");
    }

    [Test, CancelAfter(5000)]
    public async Task A_server_stopping_itself_from_a_callback_fails_with_calling_self(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        Assert.That(await GenServer.CallAsync<string>(Node, pid, "stop_self", cancellationToken: ct), Is.EqualTo("calling_self"),
            "gen_server:stop on the server's own pid must fail with calling_self instead of waiting for its own exit");
        Assert.That(await GenServer.CallAsync<string>(Node, pid, "stop_self_from_context", cancellationToken: ct), Is.EqualTo("calling_self"),
            "the same from the server's context");
        Assert.That(Node.IsAlive(pid), Is.True, "the server carries on after the refused stop");
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_from_a_process_waits_for_the_exit_and_a_caller_can_give_up_waiting(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self, trapExit: true));
        await GenServer.StopAsync(Inbox, pid, new Atom("done"), cancellationToken: ct);
        Assert.That(await Inbox.NextValue<(string, object, int)>(ct), Is.EqualTo(("terminate", (object)new Atom("done"), 0)));

        var other = await GenServer.StartAsync(Node, new TestServer());
        var monitor = Inbox.Monitor(other);
        using var giveUp = new CancellationTokenSource();
        await giveUp.CancelAsync();
        Assert.That(() => GenServer.StopAsync(Inbox, other, cancellationToken: giveUp.Token), Throws.InstanceOf<OperationCanceledException>(),
            "a cancelled token stops the wait");
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Normal), "the server still stops");
    }

    [Test, CancelAfter(5000)]
    public async Task A_server_that_stops_during_a_call_fails_the_call_with_its_reason(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<int>(Node, pid, ("stop", new Atom("bye"))));

        Assert.That(error!.Reason, Is.EqualTo(new Atom("bye")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_crash_in_a_callback_exits_the_server_with_the_exception_and_reaches_linked_processes(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var observer = Node.CreateInbox();
        var pid = await GenServer.StartLinkAsync(Inbox, new TestServer(observer.Self));

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<int>(Inbox, pid, "crash"));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidOperationException>());
        var exit = await Inbox.Next<ExitMessage>(ct);
        Assert.That(exit.Reason, Is.SameAs(error.Reason));
        Assert.That(await observer.ReceiveAsync(ct), Is.EqualTo(("terminate", error.Reason, 0)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_cast_always_succeeds_even_to_a_missing_name(CancellationToken ct)
    {
        Assert.DoesNotThrow(() => GenServer.Cast(Node, "nobody", "inc"));
        var pid = await GenServer.StartAsync(Node, new TestServer());
        await GenServer.StopAsync(Node, pid);
        Assert.DoesNotThrow(() => GenServer.Cast(Node, pid, "inc"));
    }

    [Test, CancelAfter(5000)]
    public async Task Other_messages_go_to_handle_info(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self));
        Node.Send(pid, "plain");

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("info", "plain")));
    }

    [Test, CancelAfter(5000)]
    public async Task An_idle_timeout_delivers_timeout_to_handle_info(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self));
        await GenServer.CallAsync<string>(Node, pid, "idle");

        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("info", ExitReason.Timeout)));
    }

    [Test, CancelAfter(5000)]
    public async Task Any_message_cancels_the_idle_timeout(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self));
        await GenServer.CallAsync<string>(Node, pid, "idle");
        await GenServer.CallAsync<int>(Node, pid, "get");

        Clock.Advance(TimeSpan.FromSeconds(2));
        Node.Send(pid, "marker");

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("info", "marker")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_deferred_reply_reaches_the_caller_later(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        var parked = GenServer.CallAsync<string>(Node, pid, "park");
        Assert.That(await GenServer.CallAsync<string>(Node, pid, "release"), Is.EqualTo("ok"));

        Assert.That(await parked, Is.EqualTo("released"));
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_runs_terminate_with_the_reason_and_waits_for_the_exit(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self));
        GenServer.Cast(Node, pid, "inc");

        await GenServer.StopAsync(Node, pid, ExitReason.Shutdown);

        Assert.That(Node.IsAlive(pid), Is.False);
        Assert.That(await Inbox.ReceiveAsync(TimeSpan.Zero, ct), Is.EqualTo(("terminate", ExitReason.Shutdown, 1)));
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_with_a_reply_runs_terminate_then_replies(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self));

        Assert.That(await GenServer.CallAsync<string>(Node, pid, ("stop_reply", ExitReason.Normal)), Is.EqualTo("bye"));
        Assert.That(await Inbox.ReceiveAsync(TimeSpan.Zero, ct), Is.EqualTo(("terminate", ExitReason.Normal, 0)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_trapping_server_runs_terminate_when_its_parent_exits(CancellationToken ct)
    {
        var parent = Node.CreateInbox();
        var pid = await GenServer.StartLinkAsync(parent, new TestServer(Inbox.Self, trapExit: true));
        var monitor = Inbox.Monitor(pid);

        parent.Dispose(); // exits normal: a trapping server still stops when its parent exits

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("terminate", ExitReason.Normal, 0)));
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Normal));
    }

    [Test, CancelAfter(5000)]
    public async Task A_server_that_does_not_trap_exits_dies_without_terminate(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self));
        var monitor = Inbox.Monitor(pid);

        Node.Exit(pid, ExitReason.Shutdown);

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task A_reply_from_handle_cast_is_a_bad_return_value(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());
        var monitor = Inbox.Monitor(pid);

        GenServer.Cast(Node, pid, "reply_from_cast");

        var reason = await Inbox.DownReason(monitor, ct);
        Assert.That(reason, Is.InstanceOf<ValueTuple<Atom, string>>());
        Assert.That(((ValueTuple<Atom, string>)reason).Item1, Is.EqualTo(new Atom("bad_return_value")));
    }

    [Test, CancelAfter(5000)]
    public async Task An_unknown_call_stops_the_server_with_bad_call(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<int>(Node, pid, "what?"));

        Assert.That(error!.Reason, Is.EqualTo((new Atom("bad_call"), (object)"what?")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_local_name_is_registered_and_can_be_called_and_a_second_start_fails(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(), "counter");

        Assert.That(Node.WhereIs("counter"), Is.EqualTo(pid));
        Assert.That(GenServer.WhereIs(Node, "counter"), Is.EqualTo(pid));
        Assert.That(GenServer.WhereIs(Node, "nobody"), Is.Null);
        Assert.That(await GenServer.CallAsync<int>(Node, "counter", ("add", 5)), Is.EqualTo(5));
        var failed = Assert.ThrowsAsync<StartFailedException>(() => GenServer.StartAsync(Node, new TestServer(), "counter"));
        Assert.That(failed!.Reason, Is.EqualTo((new Atom("already_started"), (Pid?)pid)));
    }

    [Test, CancelAfter(5000)]
    public async Task Stop_on_a_dead_server_fails_with_noproc(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());
        await GenServer.StopAsync(Node, pid);

        Assert.ThrowsAsync<NoProcessException>(() => GenServer.StopAsync(Node, pid));
    }

    [Test, CancelAfter(5000)]
    public async Task Sys_reads_and_replaces_the_state_without_a_callback(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self));
        GenServer.Cast(Node, pid, "inc");

        Assert.That(await Sys.GetStateAsync<int>(Node, pid), Is.EqualTo(1));
        Assert.That(await Sys.ReplaceStateAsync<int>(Node, pid, n => n + 10), Is.EqualTo(11));
        Assert.That(() => Sys.ReplaceStateAsync<int>(Node, pid, _ => throw new InvalidOperationException("no")), Throws.InvalidOperationException);
        Assert.That(await GenServer.CallAsync<int>(Node, pid, "get"), Is.EqualTo(11));
        await Inbox.AssertNoMessage(); // HandleInfo saw none of it
    }

    [Test, CancelAfter(5000)]
    public async Task A_negative_call_timeout_is_refused(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        Assert.That(() => GenServer.CallAsync<int>(Node, pid, "get", TimeSpan.FromSeconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test, CancelAfter(5000)]
    public async Task A_negative_stop_timeout_is_refused_when_called_and_the_server_keeps_running(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        // The task is dropped on purpose: the refusal must come from the call itself, before any message is sent.
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = GenServer.StopAsync(Node, pid, timeout: TimeSpan.FromSeconds(-1)),
            "an invalid timeout is refused when StopAsync is called, not inside the task it returns");
        Assert.That(await GenServer.CallAsync<int>(Node, pid, "get", cancellationToken: ct), Is.Zero, "the server was not asked to stop");
    }

    [Test, CancelAfter(5000)]
    public async Task An_idle_timeout_from_init_fires_if_no_message_comes(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self, init: () => InitResult<int>.Ok(0).WithTimeout(TimeSpan.FromSeconds(3))));

        Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("info", ExitReason.Timeout)));
        Assert.That(Node.IsAlive(pid), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_zero_idle_timeout_fires_at_once_when_the_mailbox_is_empty(CancellationToken ct)
    {
        await GenServer.StartAsync(Node, new TestServer(Inbox.Self, init: () => InitResult<int>.Ok(0).WithTimeout(TimeSpan.Zero)));

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("info", ExitReason.Timeout)));
    }

    [Test, CancelAfter(5000)]
    public async Task An_exit_message_from_a_process_other_than_the_parent_goes_to_handle_info(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer(Inbox.Self, trapExit: true));

        Inbox.Exit(pid, new Atom("hello"));

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("info", new ExitMessage(Inbox.Self, new Atom("hello")))));
        Assert.That(Node.IsAlive(pid), Is.True);
    }
}
