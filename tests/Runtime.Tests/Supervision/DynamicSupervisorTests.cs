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

        Node.Exit(temporary!, new Atom("crash"));
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

    private ChildSpec Spec(string id, RestartType restart = RestartType.Permanent) => Reporter.Spec(id, Inbox.Self, restart);
}
