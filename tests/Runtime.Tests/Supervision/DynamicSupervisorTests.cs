using Otp;

namespace Runtime.Tests;

public sealed class DynamicSupervisorTests : RuntimeTest
{
    [Test, CancelAfter(5000)]
    public async Task Children_are_started_on_demand_and_listed(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node);
        Assert.That(await DynamicSupervisor.CountChildrenAsync(Node, sup), Is.EqualTo(new ChildCounts(0, 0, 0, 0)));

        var a = await DynamicSupervisor.StartChildAsync(Node, sup, Spec("a"));
        var b = await DynamicSupervisor.StartChildAsync(Node, sup, Spec("b"));

        var children = await DynamicSupervisor.WhichChildrenAsync(Node, sup);
        Assert.That(children, Is.EqualTo(new[]
        {
            new ChildInfo(new Atom("undefined"), a, ChildType.Worker, false),
            new ChildInfo(new Atom("undefined"), b, ChildType.Worker, false),
        }));
    }

    [Test, CancelAfter(5000)]
    public async Task Max_children_limits_the_number_of_children(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node, new DynamicSupervisorOptions { MaxChildren = 1 });
        await DynamicSupervisor.StartChildAsync(Node, sup, Spec("a"));

        var refused = Assert.ThrowsAsync<SupervisorException>(() => DynamicSupervisor.StartChildAsync(Node, sup, Spec("b")));

        Assert.That(refused!.Reason, Is.EqualTo(new Atom("max_children")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_permanent_child_is_restarted_with_a_new_pid(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node);
        var first = await DynamicSupervisor.StartChildAsync(Node, sup, Spec("a"));
        await Inbox.NextValue<StartTuple>(ct);

        Node.Exit(first!, new Atom("crash"));
        var (_, _, second) = await Inbox.NextValue<StartTuple>(ct);

        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That((await DynamicSupervisor.WhichChildrenAsync(Node, sup)).Single().Pid, Is.EqualTo(second));
    }

    [Test, CancelAfter(5000)]
    public async Task Temporary_children_and_normally_exiting_transient_children_are_not_restarted(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node);
        var temporary = await DynamicSupervisor.StartChildAsync(Node, sup, Spec("t", RestartType.Temporary));
        var transient = await DynamicSupervisor.StartChildAsync(Node, sup, Spec("r", RestartType.Transient));

        var temporaryExit = Witness.ExitOf(temporary!, ct); // a reporter traps exits: it stops in its own time
        Node.Exit(temporary!, new Atom("crash"));
        await temporaryExit;
        await GenServer.StopAsync(Node, transient!, ExitReason.Shutdown);
        // Both EXITs reached the supervisor before this call (links fire before monitors), so the count sees them.

        Assert.That(await DynamicSupervisor.CountChildrenAsync(Node, sup), Is.EqualTo(new ChildCounts(0, 0, 0, 0)));
    }

    [Test, CancelAfter(5000)]
    public async Task Terminate_child_takes_a_pid(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node);
        var child = await DynamicSupervisor.StartChildAsync(Node, sup, Spec("a"));

        await DynamicSupervisor.TerminateChildAsync(Node, sup, child!);

        Assert.That(Node.IsAlive(child!), Is.False);
        Assert.That(await DynamicSupervisor.WhichChildrenAsync(Node, sup), Is.Empty);
        var missing = Assert.ThrowsAsync<SupervisorException>(() => DynamicSupervisor.TerminateChildAsync(Node, sup, child!));
        Assert.That(missing!.Reason, Is.EqualTo(new Atom("not_found")));
    }

    [Test, CancelAfter(5000)]
    public async Task More_than_three_restarts_in_five_seconds_stop_the_supervisor(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node);
        var monitor = Inbox.Monitor(sup);
        await DynamicSupervisor.StartChildAsync(Node, sup, Spec("a"));
        var (_, _, pid) = await Inbox.NextValue<StartTuple>(ct);

        for (var i = 0; i < 3; i++)
        {
            Node.Exit(pid, new Atom("crash"));
            (_, _, pid) = await Inbox.NextValue<StartTuple>(ct);
        }

        Node.Exit(pid, new Atom("crash"));

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
    }

    [Test, CancelAfter(5000)]
    public async Task Stopping_the_supervisor_stops_its_children(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node);
        var child = await DynamicSupervisor.StartChildAsync(Node, sup, Spec("a"));

        await DynamicSupervisor.StopAsync(Node, sup);

        Assert.That(Node.IsAlive(child!), Is.False);
    }

    /// <summary>
    /// A spec whose first start runs a reporter and whose restarts fail, each after telling the witness it is trying and
    /// waiting for the test to let it go on, so the test knows where the supervisor stands.
    /// </summary>
    private ChildSpec FailsToRestart(SemaphoreSlim gate)
    {
        var starts = 0;
        return ChildSpec.Worker("flaky", async ctx =>
        {
            if (Interlocked.Increment(ref starts) == 1)
            {
                return await GenServer.StartLinkAsync(ctx, new Reporter("flaky", Inbox.Self));
            }

            ctx.Send(Witness.Self, "attempt");
            await gate.WaitAsync();
            throw new ExitException(new Atom("cannot_start"));
        });
    }

    [Test, CancelAfter(5000)]
    public async Task A_child_whose_restart_failed_is_listed_as_restarting_counted_and_held_against_max_children(CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(0);
        var sup = await DynamicSupervisor.StartAsync(Node, new DynamicSupervisorOptions { MaxRestarts = 1000, MaxChildren = 1 });
        var child = await DynamicSupervisor.StartChildAsync(Node, sup, FailsToRestart(gate));

        Node.Exit(child!, new Atom("crash"));
        Assert.That(await Witness.ReceiveAsync(cancellationToken: ct), Is.EqualTo("attempt"));
        var counting = DynamicSupervisor.CountChildrenAsync(Node, sup); // queued while the first restart is under way
        var listing = DynamicSupervisor.WhichChildrenAsync(Node, sup);
        var starting = DynamicSupervisor.StartChildAsync(Node, sup, Spec("other"));
        gate.Release();

        Assert.That(await counting, Is.EqualTo(new ChildCounts(1, 0, 0, 1)), "one spec, one worker, none active");
        Assert.That(await listing, Is.EqualTo(new[] { new ChildInfo(new Atom("undefined"), null, ChildType.Worker, true) }), "listed as restarting");
        var refused = Assert.ThrowsAsync<SupervisorException>(() => starting);
        Assert.That(refused!.Reason, Is.EqualTo(new Atom("max_children")), "the restarting child still counts toward max_children");
        gate.Release(int.MaxValue / 2);
    }

    [Test, CancelAfter(5000)]
    public async Task Terminate_child_with_the_old_pid_forgets_a_restarting_child_and_stops_the_retries(CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(0);
        var sup = await DynamicSupervisor.StartAsync(Node, new DynamicSupervisorOptions { MaxRestarts = 1000 });
        var child = await DynamicSupervisor.StartChildAsync(Node, sup, FailsToRestart(gate));

        Node.Exit(child!, new Atom("crash"));
        Assert.That(await Witness.ReceiveAsync(cancellationToken: ct), Is.EqualTo("attempt"));
        gate.Release();
        Assert.That(await Witness.ReceiveAsync(cancellationToken: ct), Is.EqualTo("attempt"), "a failed restart is tried again");
        var terminating = DynamicSupervisor.TerminateChildAsync(Node, sup, child!); // queued while the retry is under way
        gate.Release();
        await terminating;

        Assert.That(await DynamicSupervisor.CountChildrenAsync(Node, sup), Is.EqualTo(new ChildCounts(0, 0, 0, 0)));
        gate.Release(100);
        await Witness.AssertNoMessage(); // no further attempt
        var missing = Assert.ThrowsAsync<SupervisorException>(() => DynamicSupervisor.TerminateChildAsync(Node, sup, child!));
        Assert.That(missing!.Reason, Is.EqualTo(new Atom("not_found")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_start_function_that_exits_fails_start_child_with_its_exit_reason()
    {
        var sup = await DynamicSupervisor.StartAsync(Node);
        var exits = ChildSpec.Worker("x", ctx =>
        {
            ctx.Exit(new Atom("oops"));
            return Task.FromResult<Pid>(null!);
        });
        var nested = ChildSpec.Worker("y", ctx => GenServer.StartLinkAsync(ctx, new Reporter("y", Inbox.Self, failStart: true)));

        var error = Assert.ThrowsAsync<StartFailedException>(() => DynamicSupervisor.StartChildAsync(Node, sup, exits));
        var nestedError = Assert.ThrowsAsync<StartFailedException>(() => DynamicSupervisor.StartChildAsync(Node, sup, nested));

        Assert.That(error!.Reason, Is.EqualTo(new Atom("oops")), "{error, oops}, as Elixir's start_child returns for exit(oops)");
        Assert.That(nestedError!.Reason, Is.EqualTo(new Atom("cannot_start")), "the reason the child's init stopped with");
        Assert.That(await DynamicSupervisor.CountChildrenAsync(Node, sup), Is.EqualTo(new ChildCounts(0, 0, 0, 0)));
    }

    [TestCase(-1, 5, null, "MaxRestarts")]
    [TestCase(3, 0, null, "MaxTime")]
    [TestCase(3, -1, null, "MaxTime")]
    [TestCase(3, 5, -1, "MaxChildren")]
    public void Invalid_options_are_refused_before_a_process_is_spawned(int maxRestarts, int maxSeconds, int? maxChildren, string option)
    {
        var before = Node.Processes().Count;
        var options = new DynamicSupervisorOptions { MaxRestarts = maxRestarts, MaxTime = TimeSpan.FromSeconds(maxSeconds), MaxChildren = maxChildren };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DynamicSupervisor.StartAsync(Node, options));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DynamicSupervisor.StartLinkAsync(Inbox, options));

        Assert.That(error!.Message, Does.Contain(option), "the message names the option");
        Assert.That(error.ActualValue?.ToString(), Is.Not.Null, "the exception carries the value");
        Assert.That(Node.Processes().Count, Is.EqualTo(before), "nothing was spawned");
    }

    [Test, CancelAfter(5000)]
    public async Task While_children_keep_failing_to_restart_other_processes_on_the_node_are_answered(CancellationToken ct)
    {
        // More supervisors retrying at once than the thread pool has threads: each must give its thread back between attempts.
        var echo = await GenServer.StartAsync(Node, new Reporter("echo", Witness.Self));
        var supervisors = new List<Pid>();
        for (var i = 0; i < Environment.ProcessorCount * 8; i++)
        {
            var starts = 0;
            var spec = ChildSpec.Worker(i, ctx => Interlocked.Increment(ref starts) == 1
                ? GenServer.StartLinkAsync(ctx, new Reporter(i, Witness.Self))
                : throw new ExitException(new Atom("cannot_start")));
            var sup = await DynamicSupervisor.StartAsync(Node, new DynamicSupervisorOptions { MaxRestarts = int.MaxValue });
            var child = await DynamicSupervisor.StartChildAsync(Node, sup, spec);
            Node.Exit(child!, ExitReason.Kill);
            supervisors.Add(sup);
        }

        Assert.That(await GenServer.CallAsync<string>(Node, echo, "ping", cancellationToken: ct), Is.EqualTo("pong"));
        foreach (var sup in supervisors)
        {
            Assert.That((await DynamicSupervisor.CountChildrenAsync(Node, sup, ct)).Active, Is.Zero);
            await DynamicSupervisor.StopAsync(Node, sup).WaitAsync(ct);
        }
    }

    /// <summary>A module-based supervisor: its flags come from Init, including the extra arguments every child's spec gets.</summary>
    private sealed class Rooms(int maxRooms) : DynamicSupervisorBase
    {
        protected override DynamicSupervisorOptions? Init() => maxRooms switch
        {
            0 => Ignore(),
            _ => new DynamicSupervisorOptions { MaxChildren = maxRooms, MaxRestarts = maxRooms, ExtraArguments = "lobby" },
        };
    }

    [Test, CancelAfter(5000)]
    public async Task A_module_based_supervisor_takes_its_flags_and_extra_arguments_from_init(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node, new Rooms(1), name: "rooms");

        var room = await DynamicSupervisor.StartChildAsync(Node, "rooms", (string hall) => Reporter.Spec(hall, Inbox.Self));

        Assert.That(await Inbox.NextValue<StartTuple>(ct), Is.EqualTo(("started", (object)"lobby", room!)), "the spec was made from the extra arguments");
        var full = Assert.ThrowsAsync<SupervisorException>(() => DynamicSupervisor.StartChildAsync(Node, sup, Spec("more")));
        Assert.That(full!.Reason, Is.EqualTo(new Atom("max_children")), "max_children came from Init");
        Assert.That(Node.GetInfo(sup)!.Behaviour, Is.EqualTo("dynamic_supervisor"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_module_based_supervisor_goes_under_another_supervisor_through_its_own_child_spec(CancellationToken ct)
    {
        var top = await Supervisor.StartAsync(Node, [ChildSpec.For(() => new Rooms(2))]);

        var children = await Supervisor.WhichChildrenAsync(Node, top, ct);

        Assert.That(children.Single().Id, Is.EqualTo(typeof(Rooms)), "the default id is the module (the type), as Elixir's child_spec/1 gives");
        Assert.That(children.Single().Type, Is.EqualTo(ChildType.Supervisor), "a DynamicSupervisor goes in as a supervisor");
        Assert.That(Node.GetInfo(children.Single().Pid!)!.Behaviour, Is.EqualTo("dynamic_supervisor"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_child_made_from_extra_arguments_is_restarted_from_the_same_spec(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node, new DynamicSupervisorOptions { ExtraArguments = ("lobby", 2) });
        var first = await DynamicSupervisor.StartChildAsync(Node, sup, ((string Hall, int Floor) at) => Reporter.Spec($"{at.Hall}-{at.Floor}", Inbox.Self));
        await Inbox.NextValue<StartTuple>(ct);

        Node.Exit(first!, new Atom("crash"));

        var (_, id, second) = await Inbox.NextValue<StartTuple>(ct);
        Assert.That(id, Is.EqualTo("lobby-2"));
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test, CancelAfter(5000)]
    public async Task Extra_arguments_of_another_type_fail_the_start_and_say_why()
    {
        var sup = await DynamicSupervisor.StartAsync(Node, new DynamicSupervisorOptions { ExtraArguments = 42 });

        var error = Assert.ThrowsAsync<StartFailedException>(() => DynamicSupervisor.StartChildAsync(Node, sup, (string hall) => Spec(hall)));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidCastException>());
        Assert.That(((Exception)error.Reason).Message, Does.Contain("42").And.Contain("String"));
    }

    [Test, CancelAfter(5000)]
    public void A_module_based_supervisor_whose_init_ignores_or_returns_invalid_flags_does_not_start()
    {
        var ignored = Assert.ThrowsAsync<StartFailedException>(() => DynamicSupervisor.StartAsync(Node, new Rooms(0)));
        var invalid = Assert.ThrowsAsync<StartFailedException>(() => DynamicSupervisor.StartLinkAsync(Inbox, new Rooms(-1)));

        Assert.That(ignored!.Ignored, Is.True);
        Assert.That(invalid!.Reason, Is.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("MaxRestarts"), "Init's flags are checked as start options are");
    }

    [Test, CancelAfter(5000)]
    public async Task A_process_can_manage_a_dynamic_supervisor_from_its_own_code(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartLinkAsync(Inbox);

        var child = await DynamicSupervisor.StartChildAsync(Inbox, sup, Spec("a"), ct);

        Assert.That((await DynamicSupervisor.WhichChildrenAsync(Inbox, sup, ct)).Single().Pid, Is.EqualTo(child));
        Assert.That(await DynamicSupervisor.CountChildrenAsync(Inbox, sup, ct), Is.EqualTo(new ChildCounts(1, 1, 0, 1)));
        await DynamicSupervisor.TerminateChildAsync(Inbox, sup, child!, ct);
        Assert.That(await DynamicSupervisor.WhichChildrenAsync(Inbox, sup, ct), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task A_dynamic_supervisor_and_a_task_supervisor_can_be_children_of_a_supervisor(CancellationToken ct)
    {
        var root = await Supervisor.StartAsync(Node,
        [
            DynamicSupervisor.ChildSpec(new DynamicSupervisorOptions { Name = "rooms" }),
            TaskSupervisor.ChildSpec(),
        ]);

        var children = await Supervisor.WhichChildrenAsync(Node, root);
        Assert.That(children.Select(c => c.Id), Is.EquivalentTo(new object[] { "rooms", typeof(TaskSupervisor) }), "ids: the name, else the module");
        Assert.That(children.Select(c => c.Type), Is.All.EqualTo(ChildType.Supervisor));
        var room = await DynamicSupervisor.StartChildAsync(Node, "rooms", Spec("a"), ct);
        Assert.That(Node.GetInfo(room!)!.Links, Does.Contain(Node.WhereIs("rooms")));
    }

    [Test, CancelAfter(5000)]
    public async Task Retries_of_a_failing_restart_count_against_the_intensity_until_the_supervisor_gives_up(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node, new DynamicSupervisorOptions { MaxRestarts = 10 });
        var monitor = Inbox.Monitor(sup);
        var starts = 0;
        var spec = ChildSpec.Worker("flaky", ctx => Interlocked.Increment(ref starts) == 1
            ? GenServer.StartLinkAsync(ctx, new Reporter("flaky", Witness.Self))
            : throw new ExitException(new Atom("cannot_start")));
        var child = await DynamicSupervisor.StartChildAsync(Node, sup, spec, ct);

        Node.Exit(child!, ExitReason.Kill);

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
        Assert.That(starts, Is.EqualTo(1 + 10), "the first start, then ten attempts: an eleventh restart within the period is one too many and is not tried");
    }

    private ChildSpec Spec(string id, RestartType restart = RestartType.Permanent) => Reporter.Spec(id, Inbox.Self, restart);
}
