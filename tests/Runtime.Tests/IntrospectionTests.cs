using Otp;

namespace Runtime.Tests;

public sealed class IntrospectionTests
{
    private Node _node = null!;
    private ProcessContext _inbox = null!;

    [SetUp]
    public void SetUp()
    {
        _node = new Node();
        _inbox = _node.CreateInbox();
    }

    [TearDown]
    public void TearDown()
    {
        _inbox.Dispose();
        _node.Dispose();
    }

    [Test, CancelAfter(5000)]
    public async Task Process_info_shows_status_mailbox_links_monitors_name_and_counts(CancellationToken ct)
    {
        var me = _inbox.Self;
        var pid = _node.Spawn(async ctx =>
        {
            await ctx.ReceiveAsync();            // one handled message
            ctx.Link(me);
            ctx.TrapExit = true;
            ctx.Send(me, "ready");
            await ctx.ReceiveAsync<string>(s => s == "never");
        });
        _node.Register("busy", pid);
        _node.Send(pid, "first");
        await _inbox.ReceiveAsync<string>(s => s == "ready", cancellationToken: ct);
        var monitor = _inbox.Monitor(pid);
        _node.Send(pid, "queued");

        var info = _node.GetInfo(pid)!;

        Assert.That(info.MessageQueueLength, Is.EqualTo(1));
        Assert.That(info.MessagesHandled, Is.EqualTo(1));
        Assert.That(info.Links, Is.EqualTo(new[] { me }));
        Assert.That(info.MonitoredBy, Is.EqualTo(new[] { me }));
        Assert.That(info.RegisteredName, Is.EqualTo("busy"));
        Assert.That(info.TrapExit, Is.True);
        Assert.That(info.Behaviour, Is.Null);
        Assert.That(_node.GetInfo(me)!.Monitors, Is.EqualTo(new[] { pid }));
        _inbox.Demonitor(monitor);
    }

    [Test, CancelAfter(5000)]
    public async Task The_status_is_waiting_while_in_receive_and_running_otherwise(CancellationToken ct)
    {
        var other = _node.CreateInbox();
        Assert.That(_node.GetInfo(other.Self)!.Status, Is.EqualTo(ProcessStatus.Running));

        var receive = other.ReceiveAsync(ct);
        Assert.That(_node.GetInfo(other.Self)!.Status, Is.EqualTo(ProcessStatus.Waiting));

        _node.Send(other.Self, "wake");
        Assert.That(await receive, Is.EqualTo("wake"));
        Assert.That(_node.GetInfo(other.Self)!.Status, Is.EqualTo(ProcessStatus.Running));
    }

    [Test, CancelAfter(5000)]
    public async Task The_process_list_holds_live_processes_only(CancellationToken ct)
    {
        var (dead, monitor) = _inbox.SpawnMonitor(_ => Task.CompletedTask);
        await _inbox.DownReason(monitor, ct);
        var alive = _node.Spawn(ctx => ctx.ReceiveAsync().AsTask());

        Assert.That(_node.Processes(), Does.Contain(alive).And.Contain(_inbox.Self).And.Not.Contain(dead));
        Assert.That(_node.GetInfo(dead), Is.Null);
        Assert.That(Observer.ProcessTable(_node).Select(p => p.Pid), Is.EqualTo(_node.Processes()));
    }

    [Test, CancelAfter(5000)]
    public async Task The_behaviour_of_servers_and_supervisors_is_shown(CancellationToken ct)
    {
        var server = await GenServer.StartAsync(_node, new TestServer());
        var sup = await Supervisor.StartAsync(_node, []);
        var dynamic = await DynamicSupervisor.StartAsync(_node);

        Assert.That(_node.GetInfo(server)!.Behaviour, Is.EqualTo("gen_server"));
        Assert.That(_node.GetInfo(sup)!.Behaviour, Is.EqualTo("supervisor"));
        Assert.That(_node.GetInfo(dynamic)!.Behaviour, Is.EqualTo("dynamic_supervisor"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervision_tree_can_be_walked(CancellationToken ct)
    {
        var observer = _inbox.Self;
        var root = await Supervisor.StartAsync(_node,
        [
            ChildSpec.Worker("cache", ctx => GenServer.StartLinkAsync(ctx, new TestServer(), "cache")),
            ChildSpec.Supervisor("workers", ctx => Supervisor.StartLinkAsync(ctx,
            [
                Reporter.Spec("w1", observer),
                ChildSpec.Supervisor("pool", c => DynamicSupervisor.StartLinkAsync(c)),
            ])),
        ]);

        var tree = await Observer.WalkTreeAsync(_node, root);

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
        _node.ProcessCrashed += (pid, reason) =>
        {
            lock (reports)
            {
                reports.Add((pid, reason));
            }

            crashed.TrySetResult();
        };

        var clean = _node.Spawn(_ => Task.CompletedTask);
        await _node.WaitForExitAsync(clean, ct);
        var stopped = _node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        _node.Exit(stopped, ExitReason.Shutdown);
        var boom = new InvalidOperationException("boom");
        var bad = _node.Spawn(_ => throw boom);
        await crashed.Task.WaitAsync(ct);

        lock (reports)
        {
            Assert.That(reports, Is.EqualTo(new[] { (bad, (object)boom) }));
        }
    }
}
