using Otp;

namespace Runtime.Tests;

public sealed class IntrospectionTests : RuntimeTest
{
    protected override bool UsesFakeClock => false;

    [Test, CancelAfter(5000)]
    public async Task Process_info_shows_status_mailbox_links_monitors_name_and_counts(CancellationToken ct)
    {
        var me = Inbox.Self;
        var pid = Node.Spawn(async ctx =>
        {
            await ctx.ReceiveAsync();            // one handled message
            ctx.Link(me);
            ctx.TrapExit = true;
            ctx.Send(me, "ready");
            await ctx.ReceiveAsync<string>(s => s == "never");
        });
        Node.Register("busy", pid);
        Node.Send(pid, "first");
        await Inbox.ReceiveAsync<string>(s => s == "ready", cancellationToken: ct);
        var monitor = Inbox.Monitor(pid);
        Node.Send(pid, "queued");

        var info = Node.GetInfo(pid)!;

        Assert.That(info.MessageQueueLength, Is.EqualTo(1));
        Assert.That(info.MessagesHandled, Is.EqualTo(1));
        Assert.That(info.Links, Is.EqualTo(new[] { me }));
        Assert.That(info.MonitoredBy, Is.EqualTo(new[] { me }));
        Assert.That(info.RegisteredName, Is.EqualTo("busy"));
        Assert.That(info.TrapExit, Is.True);
        Assert.That(info.Behaviour, Is.Null);
        Assert.That(Node.GetInfo(me)!.Monitors, Is.EqualTo(new[] { pid }));
        Inbox.Demonitor(monitor);
    }

    [Test, CancelAfter(5000)]
    public async Task The_status_is_waiting_while_in_receive_and_running_otherwise(CancellationToken ct)
    {
        var other = Node.CreateInbox();
        Assert.That(Node.GetInfo(other.Self)!.Status, Is.EqualTo(ProcessStatus.Running));

        var receive = other.ReceiveAsync(ct);
        Assert.That(Node.GetInfo(other.Self)!.Status, Is.EqualTo(ProcessStatus.Waiting));

        Node.Send(other.Self, "wake");
        Assert.That(await receive, Is.EqualTo("wake"));
        Assert.That(Node.GetInfo(other.Self)!.Status, Is.EqualTo(ProcessStatus.Running));
    }

    [Test, CancelAfter(5000)]
    public async Task The_process_list_holds_live_processes_only(CancellationToken ct)
    {
        var (dead, monitor) = Inbox.SpawnMonitor(_ => Task.CompletedTask);
        await Inbox.DownReason(monitor, ct);
        var alive = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());

        Assert.That(Node.Processes(), Does.Contain(alive).And.Contain(Inbox.Self).And.Not.Contain(dead));
        Assert.That(Node.GetInfo(dead), Is.Null);
        Assert.That(Observer.ProcessTable(Node).Select(p => p.Pid), Is.EqualTo(Node.Processes()));
    }

    [Test, CancelAfter(5000)]
    public async Task The_behaviour_of_servers_and_supervisors_is_shown(CancellationToken ct)
    {
        var server = await GenServer.StartAsync(Node, new TestServer());
        var sup = await Supervisor.StartAsync(Node, []);
        var dynamic = await DynamicSupervisor.StartAsync(Node);

        Assert.That(Node.GetInfo(server)!.Behaviour, Is.EqualTo("gen_server"));
        Assert.That(Node.GetInfo(sup)!.Behaviour, Is.EqualTo("supervisor"));
        Assert.That(Node.GetInfo(dynamic)!.Behaviour, Is.EqualTo("dynamic_supervisor"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervision_tree_can_be_walked(CancellationToken ct)
    {
        var observer = Inbox.Self;
        var root = await Supervisor.StartAsync(Node,
        [
            ChildSpec.Worker("cache", ctx => GenServer.StartLinkAsync(ctx, new TestServer(), "cache")),
            ChildSpec.Supervisor("workers", ctx => Supervisor.StartLinkAsync(ctx,
            [
                Reporter.Spec("w1", observer),
                ChildSpec.Supervisor("pool", c => DynamicSupervisor.StartLinkAsync(c)),
            ])),
        ]);

        var tree = await Observer.WalkTreeAsync(Node, root);

        Assert.That(tree.Pid, Is.EqualTo(root));
        Assert.That(tree.Children.Select(c => c.Id), Is.EqualTo(new[] { "cache", "workers" }));
        Assert.That(tree.Children[0].RegisteredName, Is.EqualTo("cache"));
        Assert.That(tree.Children[1].Children.Select(c => c.Id), Is.EqualTo(new[] { "w1", "pool" }));
        Assert.That(tree.Children[1].Children[1].Behaviour, Is.EqualTo("dynamic_supervisor"));
        Assert.That(tree.ToString(), Does.Contain("  cache ").And.Contain("    w1 "));
    }

    [Test, CancelAfter(5000)]
    public async Task Crashes_are_reported_and_clean_exits_are_not(CancellationToken ct)
    {
        var reports = new List<(Pid, object)>();
        var crashed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Node.ProcessCrashed += (pid, reason) =>
        {
            lock (reports)
            {
                reports.Add((pid, reason));
            }

            crashed.TrySetResult();
        };

        var clean = Node.Spawn(_ => Task.CompletedTask);
        await Node.WaitForExitAsync(clean, ct);
        var stopped = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        Node.Exit(stopped, ExitReason.Shutdown);
        var boom = new InvalidOperationException("boom");
        var bad = Node.Spawn(_ => throw boom);
        await crashed.Task.WaitAsync(ct);

        lock (reports)
        {
            Assert.That(reports, Is.EqualTo(new[] { (bad, (object)boom) }));
        }
    }

    [Test, CancelAfter(5000)]
    public async Task Walking_a_tree_whose_root_has_exited_fails_with_noproc(CancellationToken ct)
    {
        var root = await Supervisor.StartAsync(Node, []);
        await Supervisor.StopAsync(Node, root);

        Assert.ThrowsAsync<NoProcessException>(() => Observer.WalkTreeAsync(Node, root), "a dead root, like a free name, is noproc");
    }

    [Test, CancelAfter(5000)]
    public async Task State_can_be_read_and_replaced_from_a_process_and_from_the_node(CancellationToken ct)
    {
        var server = await Agent.StartAsync(Node, () => 1);

        var fromProcess = await Sys.GetStateAsync<int>(Inbox, server, cancellationToken: ct);
        var replaced = await Sys.ReplaceStateAsync(Inbox, server, (int n) => n + 1, cancellationToken: ct);
        var fromNode = await Sys.GetStateAsync<int>(Node, server, cancellationToken: ct);

        Assert.That((fromProcess, replaced, fromNode), Is.EqualTo((1, 2, 2)));
    }

    [Test, CancelAfter(5000)]
    public void A_process_asking_its_own_state_fails_with_calling_self()
    {
        Assert.ThrowsAsync<CallingSelfException>(() => Sys.GetStateAsync<object>(Inbox, Inbox.Self), "sys:get_state on oneself exits with calling_self in OTP");
        Assert.ThrowsAsync<CallingSelfException>(() => Sys.ReplaceStateAsync(Inbox, Inbox.Self, (object s) => s));
    }

    [Test, CancelAfter(5000)]
    public async Task A_caller_can_give_up_waiting_for_a_busy_servers_state(CancellationToken ct)
    {
        using var release = new ManualResetEventSlim();
        using var giveUp = new CancellationTokenSource();
        var server = await Agent.StartAsync(Node, () => 0);
        Agent.Cast(Node, server, (int n) =>
        {
            release.Wait(ct); // keeps the server busy
            return n;
        });

        var state = Sys.GetStateAsync<int>(Node, server, Timeout.InfiniteTimeSpan, giveUp.Token);
        await giveUp.CancelAsync();

        Assert.That(() => state, Throws.InstanceOf<OperationCanceledException>());
        release.Set();
        Assert.That(await Sys.GetStateAsync<int>(Inbox, server, cancellationToken: ct), Is.Zero, "the server should still answer");
    }

    [Test]
    public void A_negative_timeout_is_refused_naming_the_argument()
    {
        var error = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sys.GetStateAsync<int>(Node, Inbox.Self, TimeSpan.FromSeconds(-2)));

        Assert.That(error!.ParamName, Is.EqualTo("timeout"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_tree_can_be_walked_from_a_process(CancellationToken ct)
    {
        var root = await Supervisor.StartAsync(Node, [ChildSpec.Worker("cache", c => Agent.StartLinkAsync(c, () => 0))]);

        var tree = await Observer.WalkTreeAsync(Inbox, root, ct);

        Assert.That(tree.Children.Select(c => (c.Id, c.Behaviour)), Is.EqualTo(new[] { ((object)"cache", (string?)"agent") }));
    }
}
