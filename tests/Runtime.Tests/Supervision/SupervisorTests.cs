using Otp;

namespace Runtime.Tests;

public sealed class SupervisorTests : RuntimeTest
{
    [Test, CancelAfter(5000)]
    public async Task Children_start_in_order_and_stop_in_reverse_order(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("a"), Spec("b"), Spec("c")]);
        Assert.That(await StartedIds(3, ct), Is.EqualTo(new[] { "a", "b", "c" }));

        await Supervisor.StopAsync(Node, sup);

        var stopped = new List<object>();
        for (var i = 0; i < 3; i++)
        {
            var (_, id, reason) = await Inbox.NextValue<Tuple3>(ct);
            stopped.Add(id);
            Assert.That(reason, Is.EqualTo(ExitReason.Shutdown));
        }

        Assert.That(stopped, Is.EqualTo(new[] { "c", "b", "a" }));
    }

    [Test, CancelAfter(5000)]
    public async Task One_for_one_restarts_only_the_child_that_exited(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("a"), Spec("b")]);
        var pids = await StartedPids(2, ct);

        Node.Exit(pids["a"], new Atom("crash"));

        var (id, newPid) = await NextStart(ct);
        Assert.That(id, Is.EqualTo("a"));
        Assert.That(newPid, Is.Not.EqualTo(pids["a"]));
        var children = await Supervisor.WhichChildrenAsync(Node, sup);
        Assert.That(children.Select(c => c.Pid), Is.EqualTo(new[] { pids["b"], newPid })); // newest first, as OTP lists them
    }

    [Test, CancelAfter(5000)]
    public async Task One_for_all_restarts_every_child_in_order(CancellationToken ct)
    {
        await Supervisor.StartAsync(Node, [Spec("a"), Spec("b"), Spec("c")], new SupervisorOptions { Strategy = SupervisorStrategy.OneForAll });
        var pids = await StartedPids(3, ct);

        Node.Exit(pids["b"], new Atom("crash"));

        Assert.That(await StartedIds(3, ct), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test, CancelAfter(5000)]
    public async Task Rest_for_one_restarts_the_child_and_those_started_after_it(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("a"), Spec("b"), Spec("c")], new SupervisorOptions { Strategy = SupervisorStrategy.RestForOne });
        var pids = await StartedPids(3, ct);

        Node.Exit(pids["b"], new Atom("crash"));

        Assert.That(await StartedIds(2, ct), Is.EqualTo(new[] { "b", "c" }));
        var children = await Supervisor.WhichChildrenAsync(Node, sup);
        Assert.That(children[^1].Pid, Is.EqualTo(pids["a"]));
    }

    [Test, CancelAfter(5000)]
    public async Task Which_children_lists_the_newest_child_first(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("a"), Spec("b")]);
        await Supervisor.StartChildAsync(Node, sup, Spec("c"));

        Assert.That((await Supervisor.WhichChildrenAsync(Node, sup)).Select(c => c.Id), Is.EqualTo(new[] { "c", "b", "a" }));
    }

    [Test, CancelAfter(5000)]
    public async Task A_temporary_child_is_never_restarted_and_its_spec_is_removed(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("t", RestartType.Temporary)]);
        var pids = await StartedPids(1, ct);
        var monitor = Inbox.Monitor(pids["t"]);

        Node.Exit(pids["t"], new Atom("crash"));
        await Inbox.DownReason(monitor, ct);

        Assert.That(await Supervisor.WhichChildrenAsync(Node, sup), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task A_transient_child_is_restarted_only_after_an_abnormal_exit(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("t", RestartType.Transient)], new SupervisorOptions { MaxRestarts = 5 });
        var pids = await StartedPids(1, ct);

        Node.Exit(pids["t"], new Atom("crash"));
        var (_, restarted) = await NextStart(ct);

        await GenServer.StopAsync(Node, restarted, ExitReason.Normal);
        var children = await Supervisor.WhichChildrenAsync(Node, sup);

        Assert.That(children.Single().Pid, Is.Null);
        Assert.That((await Supervisor.CountChildrenAsync(Node, sup)).Active, Is.Zero);
    }

    [Test, CancelAfter(5000)]
    public async Task Exceeding_the_restart_intensity_makes_the_supervisor_exit_with_shutdown(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("a")]); // OTP's default: 1 restart in 5 seconds
        var monitor = Inbox.Monitor(sup);
        var first = (await StartedPids(1, ct))["a"];

        Node.Exit(first, new Atom("crash"));
        var (_, second) = await NextStart(ct);
        Clock.Advance(TimeSpan.FromSeconds(4));
        Node.Exit(second, new Atom("crash"));

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
    }

    [Test, CancelAfter(5000)]
    public async Task Restarts_spread_beyond_the_period_are_allowed(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("a")]);
        var pid = (await StartedPids(1, ct))["a"];

        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(6));
            Node.Exit(pid, new Atom("crash"));
            (_, pid) = await NextStart(ct);
        }

        Assert.That(Node.IsAlive(sup), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_child_failing_to_start_aborts_the_start_and_stops_those_already_started(CancellationToken ct)
    {
        var failed = Assert.ThrowsAsync<StartFailedException>(() =>
            Supervisor.StartAsync(Node, [Spec("a"), Spec("b"), Reporter.Spec("bad", Inbox.Self, failStart: true), Spec("d")]));

        Assert.That(failed!.Reason, Is.EqualTo(ExitReason.ShutdownWith((new Atom("failed_to_start_child"), (object)"bad", (object)new Atom("cannot_start")))));
        Assert.That(await StartedIds(2, ct), Is.EqualTo(new[] { "a", "b" }));
        var (_, first, _) = await Inbox.NextValue<Tuple3>(ct);
        var (_, second, _) = await Inbox.NextValue<Tuple3>(ct);
        Assert.That(new[] { first, second }, Is.EqualTo(new[] { "b", "a" }));
    }

    [Test, CancelAfter(5000)]
    public async Task Children_can_be_started_terminated_restarted_deleted_and_counted(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Spec("a")]);
        await StartedPids(1, ct);

        var b = await Supervisor.StartChildAsync(Node, sup, Spec("b"));
        Assert.That((await NextStart(ct)).Pid, Is.EqualTo(b));
        Assert.That(await Supervisor.CountChildrenAsync(Node, sup), Is.EqualTo(new ChildCounts(2, 2, 0, 2)));
        var duplicate = Assert.ThrowsAsync<StartFailedException>(() => Supervisor.StartChildAsync(Node, sup, Spec("b")));
        Assert.That(duplicate!.Reason, Is.EqualTo((new Atom("already_started"), b)));

        await Supervisor.TerminateChildAsync(Node, sup, "b");
        Assert.That(Node.IsAlive(b!), Is.False);
        Assert.That((await Supervisor.WhichChildrenAsync(Node, sup))[0], Is.EqualTo(new ChildInfo("b", null, ChildType.Worker, false)));
        Assert.That(await Supervisor.CountChildrenAsync(Node, sup), Is.EqualTo(new ChildCounts(2, 1, 0, 2)));

        var again = await Supervisor.RestartChildAsync(Node, sup, "b");
        Assert.That(Node.IsAlive(again!), Is.True);
        Assert.That(Assert.ThrowsAsync<SupervisorException>(() => Supervisor.RestartChildAsync(Node, sup, "b"))!.Reason, Is.EqualTo(new Atom("running")));
        Assert.That(Assert.ThrowsAsync<SupervisorException>(() => Supervisor.DeleteChildAsync(Node, sup, "b"))!.Reason, Is.EqualTo(new Atom("running")));

        await Supervisor.TerminateChildAsync(Node, sup, "b");
        await Supervisor.DeleteChildAsync(Node, sup, "b");
        Assert.That((await Supervisor.WhichChildrenAsync(Node, sup)).Select(c => c.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(Assert.ThrowsAsync<SupervisorException>(() => Supervisor.TerminateChildAsync(Node, sup, "zz"))!.Reason, Is.EqualTo(new Atom("not_found")));
    }

    [Test, CancelAfter(5000)]
    public async Task Brutal_kill_kills_a_child_that_traps_exits(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Stubborn("s") with { Shutdown = ShutdownSpec.BrutalKill }]);
        var child = (await Supervisor.WhichChildrenAsync(Node, sup))[0].Pid!;
        var monitor = Inbox.Monitor(child);

        await Supervisor.TerminateChildAsync(Node, sup, "s");

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
    }

    [Test, CancelAfter(5000)]
    public async Task A_child_that_ignores_shutdown_is_killed_when_its_shutdown_time_runs_out(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [Stubborn("s") with { Shutdown = ShutdownSpec.After(TimeSpan.FromSeconds(2)) }]);
        var child = (await Supervisor.WhichChildrenAsync(Node, sup))[0].Pid!;
        var monitor = Inbox.Monitor(child);

        var terminate = Supervisor.TerminateChildAsync(Node, sup, "s");
        Assert.That(await Inbox.Next<ExitMessage>(ct), Is.EqualTo(new ExitMessage(sup, ExitReason.Shutdown))); // forwarded by the child
        Clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.That(Node.IsAlive(child), Is.True);
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        await terminate;
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervisor_stops_its_children_when_its_parent_exits(CancellationToken ct)
    {
        var parent = Node.CreateInbox();
        var sup = await Supervisor.StartLinkAsync(parent, [Spec("a")]);
        var child = (await StartedPids(1, ct))["a"];
        var monitor = Inbox.Monitor(sup);

        Node.Exit(parent.Self, new Atom("parent_crash"));

        Assert.That(await Inbox.NextValue<Tuple3>(ct), Is.EqualTo(("terminated", "a", ExitReason.Shutdown)));
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(new Atom("parent_crash")));
        Assert.That(Node.IsAlive(child), Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervisor_can_supervise_a_supervisor(CancellationToken ct)
    {
        var inner = ChildSpec.Supervisor("inner", ctx => Supervisor.StartLinkAsync(ctx, [Spec("leaf")]));
        var root = await Supervisor.StartAsync(Node, [inner], new SupervisorOptions { Name = "root" });

        var leaf = (await StartedPids(1, ct))["leaf"];
        var counts = await Supervisor.CountChildrenAsync(Node, "root");

        Assert.That(counts, Is.EqualTo(new ChildCounts(1, 1, 1, 0)));
        Assert.That(Node.GetInfo(leaf)!.Parent, Is.EqualTo((await Supervisor.WhichChildrenAsync(Node, root))[0].Pid));
    }

    private ChildSpec Spec(string id, RestartType restart = RestartType.Permanent) => Reporter.Spec(id, Inbox.Self, restart);

    /// <summary>A child that traps exits, forwards the EXIT it gets to the test, and does not stop.</summary>
    private ChildSpec Stubborn(string id)
    {
        var observer = Inbox.Self;
        return ChildSpec.Worker(id, ctx => ProcLib.StartLinkAsync(ctx.Node, ctx, link: true, async (self, ack) =>
        {
            self.TrapExit = true;
            ack.Started(self.Self);
            while (true)
            {
                self.Send(observer, await self.ReceiveAsync());
            }
        }));
    }

    private async Task<(object Id, Pid Pid)> NextStart(CancellationToken ct)
    {
        var (_, id, pid) = await Inbox.NextValue<StartTuple>(ct);
        return (id, pid);
    }

    private async Task<List<object>> StartedIds(int count, CancellationToken ct)
    {
        var ids = new List<object>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await NextStart(ct)).Id);
        }

        return ids;
    }

    private async Task<Dictionary<object, Pid>> StartedPids(int count, CancellationToken ct)
    {
        var pids = new Dictionary<object, Pid>();
        for (var i = 0; i < count; i++)
        {
            var (id, pid) = await NextStart(ct);
            pids[id] = pid;
        }

        return pids;
    }
}
