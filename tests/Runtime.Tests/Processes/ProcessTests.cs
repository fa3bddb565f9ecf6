using Microsoft.Extensions.Time.Testing;
using Otp;

namespace Runtime.Tests;

public sealed class ProcessTests : RuntimeTest
{
    protected override bool UsesFakeClock => false;

    [Test, CancelAfter(5000)]
    public async Task A_spawned_process_receives_messages_in_order(CancellationToken ct)
    {
        var me = Inbox.Self;
        var pid = Node.Spawn(async ctx =>
        {
            for (var i = 0; i < 3; i++)
            {
                ctx.Send(me, await ctx.ReceiveAsync());
            }
        });
        Node.Send(pid, 1);
        Node.Send(pid, 2);
        Node.Send(pid, 3);

        Assert.That(new[] { await Inbox.ReceiveAsync(ct), await Inbox.ReceiveAsync(ct), await Inbox.ReceiveAsync(ct) }, Is.EqualTo(new object[] { 1, 2, 3 }));
    }

    [Test, CancelAfter(5000)]
    public async Task Receive_with_a_timeout_returns_null_when_the_clock_passes_the_deadline(CancellationToken ct)
    {
        var time = new FakeTimeProvider();
        using var node = new Node(time);
        var inbox = node.CreateInbox();

        var receive = inbox.ReceiveAsync(TimeSpan.FromSeconds(1), ct);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(receive.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await receive, Is.Null);
    }

    [Test, CancelAfter(5000)]
    public async Task Receive_with_a_timeout_returns_a_message_that_arrives_in_time(CancellationToken ct)
    {
        var time = new FakeTimeProvider();
        using var node = new Node(time);
        var inbox = node.CreateInbox();

        var receive = inbox.ReceiveAsync(TimeSpan.FromSeconds(1), ct);
        node.Send(inbox.Self, "hello");
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.That(await receive, Is.EqualTo("hello"));
    }

    [Test]
    public async Task Receive_with_a_zero_timeout_only_looks()
    {
        Assert.That(await Inbox.ReceiveAsync(TimeSpan.Zero), Is.Null);
        Node.Send(Inbox.Self, "x");
        Assert.That(await Inbox.ReceiveAsync(TimeSpan.Zero), Is.EqualTo("x"));
    }

    [Test, CancelAfter(5000)]
    public async Task Selective_receive_takes_the_first_match_and_keeps_the_rest_in_order(CancellationToken ct)
    {
        foreach (var m in new object[] { "a", 1, "b", 2 })
        {
            Node.Send(Inbox.Self, m);
        }

        Assert.That(await Inbox.ReceiveAsync<object>(m => m is int, cancellationToken: ct), Is.EqualTo(1));
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("a"));
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("b"));
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(2));
    }

    [Test, CancelAfter(5000)]
    public async Task Selective_receive_waits_for_a_later_matching_message(CancellationToken ct)
    {
        var receive = Inbox.ReceiveAsync<string>(s => s == "wanted", cancellationToken: ct);
        Node.Send(Inbox.Self, "other");
        Node.Send(Inbox.Self, "wanted");

        Assert.That(await receive, Is.EqualTo("wanted"));
        Assert.That(Inbox.MessageQueueLength, Is.EqualTo(1));
    }

    [Test, CancelAfter(5000)]
    public async Task Receive_can_be_cancelled(CancellationToken ct)
    {
        using var cts = new CancellationTokenSource();
        var receive = Inbox.ReceiveAsync(cts.Token);
        await cts.CancelAsync();

        Assert.That(async () => await receive, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test, CancelAfter(5000)]
    public async Task A_body_that_returns_exits_normal(CancellationToken ct)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pid = Node.Spawn(async _ => await gate.Task);
        var monitor = Inbox.Monitor(pid);
        gate.SetResult();

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Normal));
        Assert.That(Node.IsAlive(pid), Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task A_body_that_throws_exits_with_the_exception(CancellationToken ct)
    {
        var boom = new InvalidOperationException("boom");
        var (_, monitor) = Inbox.SpawnMonitor(_ => throw boom);

        Assert.That(await Inbox.DownReason(monitor, ct), Is.SameAs(boom));
    }

    [Test, CancelAfter(5000)]
    public async Task Exit_ends_the_process_with_any_value_as_reason(CancellationToken ct)
    {
        var (_, monitor) = Inbox.SpawnMonitor(ctx =>
        {
            ctx.Exit(new Atom("my_reason"));
            return Task.CompletedTask;
        });

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(new Atom("my_reason")));
    }

    [Test, CancelAfter(5000)]
    public async Task Monitoring_a_dead_process_gives_DOWN_with_noproc_at_once(CancellationToken ct)
    {
        var (pid, first) = Inbox.SpawnMonitor(_ => Task.CompletedTask);
        await Inbox.DownReason(first, ct);

        var second = Inbox.Monitor(pid);

        var down = await Inbox.ReceiveAsync(TimeSpan.Zero, ct);
        Assert.That(down, Is.EqualTo(new DownMessage(second, pid, ExitReason.NoProc)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_monitor_delivers_DOWN_exactly_once(CancellationToken ct)
    {
        var pid = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var monitor = Inbox.Monitor(pid);
        Node.Exit(pid, ExitReason.Kill);

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task Demonitor_stops_the_DOWN_message(CancellationToken ct)
    {
        var pid = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var monitor = Inbox.Monitor(pid);
        var other = Inbox.Monitor(pid);

        Assert.That(Inbox.Demonitor(monitor), Is.True);
        Node.Send(pid, "stop");

        Assert.That(await Inbox.DownReason(other, ct), Is.EqualTo(ExitReason.Normal));
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task Demonitor_with_flush_removes_a_DOWN_already_delivered(CancellationToken ct)
    {
        var (pid, monitor) = Inbox.SpawnMonitor(_ => Task.CompletedTask);
        var witness = Inbox.Monitor(pid);
        await Inbox.DownReason(witness, ct); // DOWNs go out in order of monitoring; the first one is queued

        Assert.That(Inbox.Demonitor(monitor, flush: true), Is.False);
        Assert.That(Inbox.MessageQueueLength, Is.Zero);
    }

    [Test, CancelAfter(5000)]
    public async Task Demonitor_of_a_monitor_another_process_holds_changes_nothing(CancellationToken ct)
    {
        // erlang:demonitor/1 turns off a monitor the caller obtained; another process's reference is not the caller's.
        var pid = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var witnessMonitor = Witness.Monitor(pid);

        Assert.That(Inbox.Demonitor(witnessMonitor), Is.False, "the inbox does not hold that monitor");
        Node.Send(pid, "stop");

        Assert.That(await Witness.DownReason(witnessMonitor, ct), Is.EqualTo(ExitReason.Normal), "the witness's monitor is still on");
    }

    [Test, CancelAfter(5000)]
    public async Task An_abnormal_exit_travels_along_a_link_and_kills_the_other_side(CancellationToken ct)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var victim = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var crasher = Node.Spawn(async ctx =>
        {
            ctx.Link(victim);
            await gate.Task;
            throw new InvalidOperationException("crash");
        });
        var monitor = Inbox.Monitor(victim);
        Inbox.Monitor(crasher);
        gate.SetResult();

        Assert.That(await Inbox.DownReason(monitor, ct), Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Links_work_both_ways(CancellationToken ct)
    {
        var me = Inbox.Self;
        var parent = Node.Spawn(async ctx =>
        {
            ctx.Send(me, ctx.SpawnLink(c => c.ReceiveAsync().AsTask()));
            await ctx.ReceiveAsync();
        });
        var child = await Inbox.Next<Pid>(ct);
        var parentDown = Inbox.Monitor(parent);
        var childDown = Inbox.Monitor(child);

        Node.Exit(parent, new Atom("gone"));

        Assert.That(await Inbox.DownReason(parentDown, ct), Is.EqualTo(new Atom("gone")));
        Assert.That(await Inbox.DownReason(childDown, ct), Is.EqualTo(new Atom("gone")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_normal_exit_does_not_kill_linked_processes(CancellationToken ct)
    {
        var survivor = Node.Spawn(async ctx =>
        {
            var child = ctx.SpawnLink(c => c.ReceiveAsync().AsTask());
            var m = ctx.Monitor(child);
            ctx.Send(child, "finish");
            await ctx.ReceiveAsync<DownMessage>(d => d.Ref == m);
            await ctx.ReceiveAsync();
        });
        Inbox.Monitor(survivor);

        await Inbox.AssertNoMessage();
        Assert.That(Node.IsAlive(survivor), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task Trapping_exits_turns_a_linked_crash_into_an_EXIT_message(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var child = Inbox.SpawnLink(_ => throw new InvalidOperationException("crash"));

        var exit = await Inbox.Next<ExitMessage>(ct);

        Assert.That(exit.From, Is.EqualTo(child));
        Assert.That(exit.Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Trapping_exits_also_delivers_normal_exits_of_linked_processes(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var child = Inbox.SpawnLink(_ => Task.CompletedTask);

        Assert.That(await Inbox.Next<ExitMessage>(ct), Is.EqualTo(new ExitMessage(child, ExitReason.Normal)));
    }

    [Test, CancelAfter(5000)]
    public async Task Kill_cannot_be_trapped_and_linked_processes_see_killed(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var child = Inbox.SpawnLink(ctx =>
        {
            ctx.TrapExit = true;
            return ctx.ReceiveAsync<string>(s => s == "never").AsTask();
        });

        Node.Exit(child, ExitReason.Kill);

        Assert.That(await Inbox.Next<ExitMessage>(ct), Is.EqualTo(new ExitMessage(child, ExitReason.Killed)));
    }

    [Test, CancelAfter(5000)]
    public async Task An_exit_signal_with_reason_normal_is_ignored_unless_trapped(CancellationToken ct)
    {
        var me = Inbox.Self;
        var plain = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var trapping = Node.Spawn(async ctx =>
        {
            ctx.TrapExit = true;
            ctx.Send(me, "trapping");
            var exit = await ctx.ReceiveAsync<ExitMessage>();
            ctx.Exit(new Atom("got_" + exit!.Reason));
        });
        var monitor = Inbox.Monitor(trapping);
        await Inbox.ReceiveAsync<string>(s => s == "trapping", cancellationToken: ct);

        Inbox.Exit(plain, ExitReason.Normal);
        Inbox.Exit(trapping, ExitReason.Normal);

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(new Atom("got_normal")));
        Assert.That(Node.IsAlive(plain), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_process_that_sends_itself_exit_normal_exits(CancellationToken ct)
    {
        var (_, monitor) = Inbox.SpawnMonitor(async ctx =>
        {
            ctx.Exit(ctx.Self, ExitReason.Normal);
            await ctx.ReceiveAsync();
        });

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Normal));
    }

    [Test, CancelAfter(5000)]
    public async Task An_exit_signal_with_another_reason_ends_a_process_that_does_not_trap(CancellationToken ct)
    {
        var pid = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var monitor = Inbox.Monitor(pid);

        Inbox.Exit(pid, ExitReason.Shutdown);

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
    }

    [Test, CancelAfter(5000)]
    public async Task Unlink_stops_exit_signals(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var child = Inbox.SpawnLink(ctx => ctx.ReceiveAsync().AsTask());
        Inbox.Unlink(child);
        var monitor = Inbox.Monitor(child);

        Node.Exit(child, ExitReason.Kill);

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task Linking_to_a_dead_process_gives_noproc(CancellationToken ct)
    {
        var (dead, monitor) = Inbox.SpawnMonitor(_ => Task.CompletedTask);
        await Inbox.DownReason(monitor, ct);

        Assert.That(() => Inbox.Link(dead), Throws.InstanceOf<NoProcessException>());
        Inbox.TrapExit = true;
        Inbox.Link(dead);
        Assert.That(await Inbox.Next<ExitMessage>(ct), Is.EqualTo(new ExitMessage(dead, ExitReason.NoProc)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_registered_name_is_released_when_the_process_exits(CancellationToken ct)
    {
        var pid = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        Node.Register("worker", pid);
        Assert.That(Node.WhereIs("worker"), Is.EqualTo(pid));
        Assert.That(Node.Registered(), Is.EqualTo(new[] { "worker" }));

        var monitor = Inbox.Monitor(pid);
        Node.Send("worker", "stop");
        await Inbox.DownReason(monitor, ct);

        Assert.That(Node.WhereIs("worker"), Is.Null);
        Assert.That(() => Node.Send("worker", "x"), Throws.InstanceOf<NoProcessException>());
    }

    [Test]
    public void A_name_can_be_held_by_one_process_only_and_a_process_has_one_name()
    {
        var first = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var second = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        Node.Register("a", first);

        Assert.That(() => Node.Register("a", second), Throws.ArgumentException);
        Assert.That(() => Node.Register("b", first), Throws.ArgumentException);
        Assert.That(Node.Unregister("a"), Is.True);
        Assert.That(Node.TryRegister("a", second), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task Monitoring_a_free_name_gives_noproc(CancellationToken ct)
    {
        var monitor = Inbox.Monitor("nobody");
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.NoProc));
    }

    [Test, CancelAfter(5000)]
    public async Task The_exit_token_is_cancelled_when_a_busy_process_is_killed(CancellationToken ct)
    {
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pid = Node.Spawn(async ctx =>
        {
            started.SetResult(ctx.ExitToken);
            await Task.Delay(Timeout.Infinite, ctx.ExitToken);
        });
        var token = await started.Task.WaitAsync(ct);

        Node.Exit(pid, ExitReason.Kill);

        Assert.That(token.IsCancellationRequested, Is.True);
        Assert.That(Node.IsAlive(pid), Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task A_process_killed_while_busy_sends_nothing_afterwards(CancellationToken ct)
    {
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var me = Inbox.Self;
        var pid = Node.Spawn(async ctx =>
        {
            busy.SetResult();
            await release.Task; // busy with something that is not the runtime
            ctx.Send(me, "from a dead process");
        });
        await busy.Task.WaitAsync(ct);
        var exit = Node.WaitForExitAsync(pid, ct);

        Node.Exit(pid, ExitReason.Kill);
        Assert.That(await exit, Is.EqualTo(ExitReason.Killed));
        release.SetResult();

        Node.Send(me, "marker"); // anything the dead process could still send would arrive before or around this
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("marker"));
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task Exit_signals_cascade_along_a_long_chain_of_links(CancellationToken ct)
    {
        const int length = 2000;
        var me = Inbox.Self;
        var chain = new List<Pid> { Node.Spawn(ctx => ctx.ReceiveAsync().AsTask()) };
        for (var i = 0; i < length; i++)
        {
            var before = chain[^1];
            chain.Add(Node.Spawn(async ctx =>
            {
                ctx.Link(before);
                ctx.Send(me, "linked");
                await ctx.ReceiveAsync();
            }));
        }

        for (var i = 0; i < length; i++)
        {
            await Inbox.ReceiveAsync<string>(s => s == "linked", cancellationToken: ct);
        }

        var last = Inbox.Monitor(chain[^1]);
        Node.Exit(chain[0], new Atom("boom"));

        Assert.That(await Inbox.DownReason(last, ct), Is.EqualTo(new Atom("boom")));
    }
}
