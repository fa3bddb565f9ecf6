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
}
