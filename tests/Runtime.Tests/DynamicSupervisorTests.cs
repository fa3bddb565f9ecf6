using Microsoft.Extensions.Time.Testing;
using Otp;

namespace Runtime.Tests;

public sealed class DynamicSupervisorTests
{
    private FakeTimeProvider _time = null!;
    private Node _node = null!;
    private ProcessContext _inbox = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _node = new Node(_time);
        _inbox = _node.CreateInbox();
    }

    [TearDown]
    public void TearDown()
    {
        _inbox.Dispose();
        _node.Dispose();
    }

    [Test, CancelAfter(5000)]
    public async Task Children_are_started_on_demand_and_listed(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(_node);
        Assert.That(await DynamicSupervisor.CountChildrenAsync(_node, sup), Is.EqualTo(new ChildCounts(0, 0, 0, 0)));

        var a = await DynamicSupervisor.StartChildAsync(_node, sup, Spec("a"));
        var b = await DynamicSupervisor.StartChildAsync(_node, sup, Spec("b"));

        var children = await DynamicSupervisor.WhichChildrenAsync(_node, sup);
        Assert.That(children, Is.EqualTo(new[]
        {
            new ChildInfo(new Atom("undefined"), a, ChildType.Worker, false),
            new ChildInfo(new Atom("undefined"), b, ChildType.Worker, false),
        }));
    }

    [Test, CancelAfter(5000)]
    public async Task Max_children_limits_the_number_of_children(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(_node, new DynamicSupervisorOptions { MaxChildren = 1 });
        await DynamicSupervisor.StartChildAsync(_node, sup, Spec("a"));

        var refused = Assert.ThrowsAsync<SupervisorException>(() => DynamicSupervisor.StartChildAsync(_node, sup, Spec("b")));

        Assert.That(refused!.Reason, Is.EqualTo(new Atom("max_children")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_permanent_child_is_restarted_with_a_new_pid(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(_node);
        var first = await DynamicSupervisor.StartChildAsync(_node, sup, Spec("a"));
        await _inbox.NextValue<StartTuple>(ct);

        _node.Exit(first!, new Atom("crash"));
        var (_, _, second) = await _inbox.NextValue<StartTuple>(ct);

        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That((await DynamicSupervisor.WhichChildrenAsync(_node, sup)).Single().Pid, Is.EqualTo(second));
    }

    [Test, CancelAfter(5000)]
    public async Task Temporary_children_and_normally_exiting_transient_children_are_not_restarted(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(_node);
        var temporary = await DynamicSupervisor.StartChildAsync(_node, sup, Spec("t", RestartType.Temporary));
        var transient = await DynamicSupervisor.StartChildAsync(_node, sup, Spec("r", RestartType.Transient));

        _node.Exit(temporary!, new Atom("crash"));
        await GenServer.StopAsync(_node, transient!, ExitReason.Shutdown);
        // Both EXITs reached the supervisor before this call (links fire before monitors), so the count sees them.

        Assert.That(await DynamicSupervisor.CountChildrenAsync(_node, sup), Is.EqualTo(new ChildCounts(0, 0, 0, 0)));
    }

    [Test, CancelAfter(5000)]
    public async Task Terminate_child_takes_a_pid(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(_node);
        var child = await DynamicSupervisor.StartChildAsync(_node, sup, Spec("a"));

        await DynamicSupervisor.TerminateChildAsync(_node, sup, child!);

        Assert.That(_node.IsAlive(child!), Is.False);
        Assert.That(await DynamicSupervisor.WhichChildrenAsync(_node, sup), Is.Empty);
        var missing = Assert.ThrowsAsync<SupervisorException>(() => DynamicSupervisor.TerminateChildAsync(_node, sup, child!));
        Assert.That(missing!.Reason, Is.EqualTo(new Atom("not_found")));
    }

    [Test, CancelAfter(5000)]
    public async Task More_than_three_restarts_in_five_seconds_stop_the_supervisor(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(_node);
        var monitor = _inbox.Monitor(sup);
        await DynamicSupervisor.StartChildAsync(_node, sup, Spec("a"));
        var (_, _, pid) = await _inbox.NextValue<StartTuple>(ct);

        for (var i = 0; i < 3; i++)
        {
            _node.Exit(pid, new Atom("crash"));
            (_, _, pid) = await _inbox.NextValue<StartTuple>(ct);
        }

        _node.Exit(pid, new Atom("crash"));

        Assert.That(await _inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
    }

    [Test, CancelAfter(5000)]
    public async Task Stopping_the_supervisor_stops_its_children(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(_node);
        var child = await DynamicSupervisor.StartChildAsync(_node, sup, Spec("a"));

        await DynamicSupervisor.StopAsync(_node, sup);

        Assert.That(_node.IsAlive(child!), Is.False);
    }

    private ChildSpec Spec(string id, RestartType restart = RestartType.Permanent) => Reporter.Spec(id, _inbox.Self, restart);
}
