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

    [Test, CancelAfter(5000)]
    public async Task One_for_all_stops_the_children_restarted_in_a_round_again_before_retrying_a_failed_restart(CancellationToken ct)
    {
        var failures = 0;
        var observer = Inbox.Self;
        var c = ChildSpec.Worker("c", ctx => failures-- > 0
            ? throw new StartFailedException(new Atom("not_now"))
            : GenServer.StartLinkAsync(ctx, new Reporter("c", observer)));
        await Supervisor.StartAsync(Node, [Spec("a"), Spec("b"), c], new SupervisorOptions { Strategy = SupervisorStrategy.OneForAll, MaxRestarts = 5 });
        var pids = await StartedPids(3, ct);

        failures = 1; // the first restart of c fails; the retry goes through the supervisor's mailbox
        Node.Exit(pids["b"], new Atom("crash"));

        Assert.That(await Events(10, ct), Is.EqualTo(new[]
        {
            "terminated b", "terminated c", "terminated a", // the crash, then the others newest first
            "started a", "started b",                       // c fails to start: the round stops here
            "terminated b", "terminated a",                 // OTP's try_again_restart restarts the whole group again
            "started a", "started b", "started c",
        }), "a one_for_all retry stops the children restarted in the failed round, then starts all of them");
    }

    [Test, CancelAfter(5000)]
    public async Task Rest_for_one_retries_a_failed_restart_from_the_child_that_failed(CancellationToken ct)
    {
        var failures = 0;
        var observer = Inbox.Self;
        var c = ChildSpec.Worker("c", ctx => failures-- > 0
            ? throw new StartFailedException(new Atom("not_now"))
            : GenServer.StartLinkAsync(ctx, new Reporter("c", observer)));
        await Supervisor.StartAsync(Node, [Spec("a"), Spec("b"), c, Spec("d")], new SupervisorOptions { Strategy = SupervisorStrategy.RestForOne, MaxRestarts = 5 });
        var pids = await StartedPids(4, ct);

        failures = 1;
        Node.Exit(pids["b"], new Atom("crash"));

        Assert.That(await Events(6, ct), Is.EqualTo(new[] { "terminated b", "terminated d", "terminated c", "started b", "started c", "started d" }),
            "OTP's rest_for_one retry restarts the failed child and those after it; b, restarted before it, stays up");
    }

    [Test, CancelAfter(5000)]
    public async Task A_child_exiting_in_init_fails_the_supervisor_start_with_the_exit_reason_itself(CancellationToken ct)
    {
        var oops = new Atom("oops");
        var bad = ChildSpec.Worker("bad", ctx => GenServer.StartLinkAsync(ctx, new TestServer(init: () => throw new ExitException(oops))));

        var failed = Assert.ThrowsAsync<StartFailedException>(() => Supervisor.StartAsync(Node, [bad]));

        Assert.That(failed!.Reason, Is.EqualTo(ExitReason.ShutdownWith((new Atom("failed_to_start_child"), (object)"bad", (object)oops))),
            "the start error carries exit(oops)'s reason, not an exception wrapping it");
    }

    [Test, CancelAfter(5000)]
    public async Task A_start_function_that_exits_fails_start_child_with_the_exit_reason_itself(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, []);
        var oops = new Atom("oops");

        var exited = Assert.ThrowsAsync<StartFailedException>(() =>
            Supervisor.StartChildAsync(Node, sup, ChildSpec.Worker("x", ctx => { ctx.Exit(oops); return Task.FromResult(ctx.Self); })));
        var refused = Assert.ThrowsAsync<StartFailedException>(() =>
            Supervisor.StartChildAsync(Node, sup, ChildSpec.Worker("y", async ctx => { await Task.Yield(); throw new StartFailedException(oops); })));

        Assert.That(exited!.Reason, Is.EqualTo(oops), "start_child's {error, Reason} is the exit reason of the start function");
        Assert.That(refused!.Reason, Is.EqualTo(oops), "a StartFailedException from the start function keeps its reason");
        Assert.That(Node.IsAlive(sup), Is.True, "a failing start function does not take the supervisor down");
    }

    [Test, CancelAfter(5000)]
    public async Task A_shutdown_of_zero_sends_shutdown_before_killing(CancellationToken ct)
    {
        var zero = ShutdownSpec.After(TimeSpan.Zero);
        var sup = await Supervisor.StartAsync(Node, [Plain("plain") with { Shutdown = zero }, Stubborn("stubborn") with { Shutdown = zero }]);
        var children = (await Supervisor.WhichChildrenAsync(Node, sup)).ToDictionary(c => c.Id, c => c.Pid!);
        var plain = Inbox.Monitor(children["plain"]);
        var stubborn = Inbox.Monitor(children["stubborn"]);

        await Supervisor.TerminateChildAsync(Node, sup, "plain");
        await Supervisor.TerminateChildAsync(Node, sup, "stubborn");

        Assert.That(await Inbox.DownReason(plain, ct), Is.EqualTo(ExitReason.Shutdown), "a child that does not trap exits dies of the shutdown signal, as with any timeout");
        Assert.That(await Inbox.DownReason(stubborn, ct), Is.EqualTo(ExitReason.Killed), "a child that traps exits gets no grace: it is killed at once");
        Assert.That(ShutdownSpec.After(TimeSpan.Zero), Is.Not.EqualTo(ShutdownSpec.BrutalKill), "0 ms is a timeout, not brutal_kill");
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervisor_retrying_a_failing_restart_leaves_the_thread_pool_to_other_processes(CancellationToken ct)
    {
        // Several supervisors (more than there are pool threads) each retry a child that fails synchronously, forever.
        var supervisors = Environment.ProcessorCount * 8;
        for (var i = 0; i < supervisors; i++)
        {
            var started = false;
            var flaky = ChildSpec.Worker("flaky", ctx =>
            {
                if (started)
                {
                    Clock.Advance(TimeSpan.FromSeconds(1)); // one attempt a second: the intensity never runs out, nor piles up
                    throw new StartFailedException(new Atom("not_now"));
                }

                started = true;
                return Task.FromResult(ctx.SpawnLink(async c => await c.ReceiveAsync()));
            });
            var sup = await Supervisor.StartAsync(Node, [flaky], new SupervisorOptions { MaxRestarts = 10, MaxTime = TimeSpan.FromMilliseconds(1) });
            Node.Exit((await Supervisor.WhichChildrenAsync(Node, sup))[0].Pid!, new Atom("crash"));
        }

        var server = await GenServer.StartAsync(Node, new TestServer());

        Assert.That(await GenServer.CallAsync<int>(Node, server, ("add", 1), Timeout.InfiniteTimeSpan, ct), Is.EqualTo(1),
            "a call on the node is answered while supervisors keep retrying (OTP's try_again_restart goes through the mailbox)");
    }

    [TestCase("MaxRestarts", -1)]
    [TestCase("MaxTime", 0)]
    [TestCase("MaxTime", -5)]
    [TestCase("Strategy", 42)]
    public void Invalid_supervisor_flags_are_refused_before_anything_is_spawned(string field, int value)
    {
        var options = field switch
        {
            "MaxRestarts" => new SupervisorOptions { MaxRestarts = value },
            "MaxTime" => new SupervisorOptions { MaxTime = TimeSpan.FromSeconds(value) },
            _ => new SupervisorOptions { Strategy = (SupervisorStrategy)value },
        };
        var before = Node.Processes().Count;

        var refused = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => Supervisor.StartAsync(Node, [Spec("a")], options));

        Assert.That(refused!.Message, Does.Contain(field), "the error names the flag");
        Assert.That(Node.Processes(), Has.Count.EqualTo(before), "no supervisor was spawned");
    }

    [TestCase("Id")]
    [TestCase("Start")]
    [TestCase("Restart")]
    [TestCase("Type")]
    public async Task Invalid_child_specs_are_refused_before_the_supervisor_is_contacted(string field)
    {
        var valid = Spec("a");
        var spec = field switch
        {
            "Id" => valid with { Id = null! },
            "Start" => valid with { Start = null! },
            "Restart" => valid with { Restart = (RestartType)42 },
            _ => valid with { Type = (ChildType)42 },
        };
        var before = Node.Processes().Count;

        var atStart = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => Supervisor.StartAsync(Node, [spec]));
        Assert.That(atStart!.Message, Does.Contain(field), "the error names the field");
        Assert.That(Node.Processes(), Has.Count.EqualTo(before), "no supervisor was spawned");

        var sup = await Supervisor.StartAsync(Node, []);
        var handled = Node.GetInfo(sup)!.MessagesHandled;
        var atStartChild = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => Supervisor.StartChildAsync(Node, sup, spec));
        Assert.That(atStartChild!.Message, Does.Contain(field), "the error names the field");
        Assert.That(Node.GetInfo(sup)!.MessagesHandled, Is.EqualTo(handled), "the supervisor was not asked");
    }

    [Test]
    public void A_negative_shutdown_is_refused()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => ShutdownSpec.After(TimeSpan.FromMilliseconds(-1)));
        Assert.That(refused!.ParamName, Is.EqualTo("timeout"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_module_based_supervisor_starts_the_children_and_flags_its_init_returns(CancellationToken ct)
    {
        var sup = await Supervisor.StartLinkAsync(Inbox, new Shop(Inbox.Self, SupervisorStrategy.OneForAll), "shop");
        var pids = await StartedPids(2, ct);

        Node.Exit(pids["cart"], new Atom("crash"));

        Assert.That(await Events(4, ct), Is.EqualTo(new[] { "terminated cart", "terminated stock", "started cart", "started stock" }),
            "the strategy comes from Init: one_for_all restarts both");
        Assert.That(Node.WhereIs("shop"), Is.EqualTo(sup), "the name given at the start is registered");
        Assert.That(Node.GetInfo(sup)!.Behaviour, Is.EqualTo("supervisor"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_module_based_supervisor_whose_init_returns_ignore_is_kept_unstarted_by_its_parent(CancellationToken ct)
    {
        var alone = Assert.ThrowsAsync<StartFailedException>(() => Supervisor.StartAsync(Node, new Shop(Inbox.Self, ignore: true)));
        Assert.That(alone!.Ignored, Is.True, "Init's ignore fails a direct start with ignore");

        var parent = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Shop(Inbox.Self, ignore: true))]);

        var child = (await Supervisor.WhichChildrenAsync(Inbox, parent, ct)).Single();
        Assert.That(child, Is.EqualTo(new ChildInfo(typeof(Shop), null, ChildType.Supervisor, false)), "ignore keeps the spec, without a pid");
    }

    [Test, CancelAfter(5000)]
    public async Task A_child_spec_for_a_server_type_has_elixirs_defaults_and_with_overrides_them(CancellationToken ct)
    {
        var worker = ChildSpec.For(() => new TestServer());
        var supervisor = ChildSpec.For(() => new Shop(Inbox.Self));
        var overridden = worker with { Id = "other", Restart = RestartType.Transient, Shutdown = ShutdownSpec.BrutalKill };

        Assert.That((worker.Id, worker.Restart, worker.Type, worker.EffectiveShutdown), Is.EqualTo(((object)typeof(TestServer), RestartType.Permanent, ChildType.Worker, ShutdownSpec.Default)),
            "child_spec/1 of a GenServer: id the module, permanent, worker, 5000");
        Assert.That((supervisor.Id, supervisor.Type, supervisor.EffectiveShutdown), Is.EqualTo(((object)typeof(Shop), ChildType.Supervisor, ShutdownSpec.Infinity)),
            "child_spec/1 of a Supervisor: type supervisor, shutdown infinity");

        var sup = await Supervisor.StartAsync(Node, [worker, overridden]);
        Assert.That(await Supervisor.GetChildSpecAsync(Node, sup, "other", ct), Is.EqualTo(overridden), "get_childspec returns the spec as given");
        Assert.That((await Supervisor.WhichChildrenAsync(Node, sup, ct)).Select(c => c.Id), Is.EqualTo(new object[] { "other", typeof(TestServer) }));
        var missing = Assert.ThrowsAsync<SupervisorException>(() => Supervisor.GetChildSpecAsync(Inbox, sup, "nobody", ct));
        Assert.That(missing!.Reason, Is.EqualTo(new Atom("not_found")));
    }

    [Test, CancelAfter(5000)]
    public async Task Start_child_takes_a_server_type_and_its_argument_as_elixirs_tuple_shorthand(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, []);

        var pid = await Supervisor.StartChildAsync(Inbox, sup, () => new TestServer(), ct);

        Assert.That(await GenServer.CallAsync<int>(Inbox, pid!, ("add", 2), cancellationToken: ct), Is.EqualTo(2));
        Assert.That(await Supervisor.WhichChildrenAsync(Inbox, sup, ct), Is.EqualTo(new[] { new ChildInfo(typeof(TestServer), pid, ChildType.Worker, false) }));
    }

    [Test, CancelAfter(5000)]
    public async Task A_child_spec_whose_function_returns_an_instance_already_started_fails_to_restart_with_a_clear_reason(CancellationToken ct)
    {
        var server = new TestServer();
        var sup = await Supervisor.StartAsync(Node, [ChildSpec.For(() => server) with { Id = "once" }]);
        await Supervisor.TerminateChildAsync(Node, sup, "once", ct);

        var failed = Assert.ThrowsAsync<StartFailedException>(() => Supervisor.RestartChildAsync(Node, sup, "once", ct));

        Assert.That(failed!.Reason, Is.InstanceOf<InvalidOperationException>().With.Message.Contains("new instance"),
            "a server instance runs once; the error says to return a new one");
    }

    [Test, CancelAfter(5000)]
    public async Task A_caller_can_give_up_waiting_for_a_busy_supervisor(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, []);
        var gate = new TaskCompletionSource<Pid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Supervisor.StartChildAsync(Node, sup, ChildSpec.Worker("slow", _ => gate.Task), ct);
        using var giveUp = new CancellationTokenSource();

        var waiting = Supervisor.CountChildrenAsync(Inbox, sup, giveUp.Token);
        await giveUp.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>(), "the caller stops waiting when its token is cancelled");
        gate.SetResult(Inbox.SpawnLink(async c => await c.ReceiveAsync()));
        Assert.That(await slow, Is.Not.Null);
    }

    [Test, CancelAfter(5000)]
    public async Task The_shop_supervisor_of_the_readme_runs_as_written(CancellationToken ct)
    {
        var (ctx, node) = (Inbox, Node);

        var sup = await Supervisor.StartLinkAsync(ctx, new ShopSupervisor("eu"), name: "shop");
        var extra = await Supervisor.StartChildAsync(node, "shop", () => new Worker());
        var spec = await Supervisor.GetChildSpecAsync(node, "shop", typeof(Cache));
        var children = await Supervisor.WhichChildrenAsync(node, sup);

        Assert.That(children.Select(c => c.Id), Is.EqualTo(new object[] { typeof(Worker), "first", typeof(Cache) }));
        Assert.That(children[0].Pid, Is.EqualTo(extra));
        Assert.That(Node.WhereIs("cache"), Is.EqualTo(children[2].Pid), "the cache runs under its name");
        Assert.That(spec.Type, Is.EqualTo(ChildType.Worker));
        Assert.That(await GenServer.CallAsync<string>(node, "cache", "region", cancellationToken: ct), Is.EqualTo("eu"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_start_function_can_return_info_for_the_caller_of_start_child(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node, [], new SupervisorOptions { MaxRestarts = 3 });
        var observer = Inbox.Self;
        var spec = ChildSpec.WithInfo("port", async ctx => new StartedChild(await GenServer.StartLinkAsync(ctx, new Reporter("port", observer)), 8080));

        var started = await Supervisor.StartChildWithInfoAsync(Inbox, sup, spec, ct);

        Assert.That(started!.Info, Is.EqualTo(8080), "start_child returns {ok, Pid, Info}");
        Assert.That((await Supervisor.WhichChildrenAsync(Node, sup, ct)).Single().Pid, Is.EqualTo(started.Pid));
        Assert.That(await NextStart(ct), Is.EqualTo(((object)"port", started.Pid)));
        Node.Exit(started.Pid, new Atom("crash"));
        var (id, restarted) = await NextStart(ct);
        Assert.That((id, restarted == started.Pid), Is.EqualTo(((object)"port", false)), "a restart uses the same start function (and drops the info)");

        var plain = await Supervisor.StartChildWithInfoAsync(Node, sup, Spec("plain"), ct);
        Assert.That(plain!.Info, Is.Null, "a start function without info gives {ok, Pid}");
        var replaced = spec with { Id = "other", Start = ctx => GenServer.StartLinkAsync(ctx, new TestServer()) };
        Assert.That((await Supervisor.StartChildWithInfoAsync(Node, sup, replaced, ct))!.Info, Is.Null, "replacing Start drops the info function with it");
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

    /// <summary>A child that does not trap exits.</summary>
    private static ChildSpec Plain(string id) =>
        ChildSpec.Worker(id, ctx => ProcLib.StartLinkAsync(ctx.Node, ctx, link: true, async (self, ack) =>
        {
            ack.Started(self.Self);
            await self.ReceiveAsync();
        }));

    /// <summary>The next <paramref name="count"/> reports of Reporter children, as "started a" or "terminated a".</summary>
    private async Task<List<string>> Events(int count, CancellationToken ct)
    {
        var events = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var report = (System.Runtime.CompilerServices.ITuple)(await Inbox.ReceiveAsync(
                m => m is System.Runtime.CompilerServices.ITuple { Length: 3 } t && t[0] is "started" or "terminated", Timeout.InfiniteTimeSpan, ct))!;
            events.Add($"{report[0]} {report[1]}");
        }

        return events;
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

    /// <summary>A module-based supervisor of two reporters, as a learner writes one (Elixir: <c>use Supervisor</c>).</summary>
    private sealed class Shop(Pid observer, SupervisorStrategy strategy = SupervisorStrategy.OneForOne, bool ignore = false) : SupervisorBase
    {
        protected override SupervisorInit Init() => ignore
            ? Ignore()
            : Ok([Reporter.Spec("cart", observer), Reporter.Spec("stock", observer)], new SupervisorOptions { Strategy = strategy, MaxRestarts = 3 });
    }

    // The README's sample, as written there.
    private sealed class ShopSupervisor(string region) : SupervisorBase
    {
        protected override SupervisorInit Init() => Ok(
        [
            ChildSpec.For(() => new Cache(region), name: "cache"),
            ChildSpec.For(() => new Worker()) with { Id = "first", Restart = RestartType.Transient },
        ], new SupervisorOptions { Strategy = SupervisorStrategy.RestForOne, MaxRestarts = 3 });
    }

    private sealed class Cache(string region) : GenServer<string>
    {
        protected override InitResult<string> Init() => Ok(region);

        protected override HandleResult<string> HandleCall(object request, From from, string state) => Reply(state, state);
    }

    private sealed class Worker : GenServer<int>
    {
        protected override InitResult<int> Init() => Ok(0);
    }
}
