using Otp;

namespace Runtime.Tests;

public sealed class TaskSupervisorTests : RuntimeTest
{
    protected override bool UsesFakeClock => false;

    private Pid _supervisor = null!;

    [SetUp]
    public async Task SetUp()
    {
        _supervisor = await TaskSupervisor.StartAsync(Node);
    }

    private Func<ProcessContext, Task<int>> WaitsForRelease(int value) => async ctx =>
    {
        ctx.Send(Witness.Self, ("waiting", ctx.Self));
        await ctx.ReceiveAsync(m => m is "release", Timeout.InfiniteTimeSpan);
        return value;
    };

    [Test, CancelAfter(5000)]
    public async Task A_nolink_task_is_a_child_of_the_supervisor_monitored_but_not_linked_by_its_owner(CancellationToken ct)
    {
        var task = await TaskSupervisor.RunNolinkAsync(Inbox, _supervisor, WaitsForRelease(7));
        await Witness.NextValue<(string, Pid)>(ct);

        var info = Node.GetInfo(task.Pid!)!;
        Assert.That(info.Links, Is.EqualTo(new[] { _supervisor }));
        Assert.That(info.MonitoredBy, Does.Contain(Inbox.Self));
        Assert.That(await TaskSupervisor.ChildrenAsync(Node, _supervisor), Is.EqualTo(new[] { task.Pid! }));

        Node.Send(task.Pid!, "release");
        Assert.That(await OtpTask.AwaitAsync(task, cancellationToken: ct), Is.EqualTo(7));
    }

    [Test, CancelAfter(5000)]
    public async Task A_crashing_nolink_task_fails_await_but_leaves_the_owner_alive(CancellationToken ct)
    {
        var task = await TaskSupervisor.RunNolinkAsync<int>(Inbox, _supervisor, () => throw new InvalidOperationException("bad"));

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => OtpTask.AwaitAsync(task, cancellationToken: ct));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidOperationException>());
        Assert.That(Node.IsAlive(Inbox.Self), Is.True);
        Assert.That(Inbox.TrapExit, Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task Yield_on_a_crashed_nolink_task_returns_its_exit(CancellationToken ct)
    {
        var task = await TaskSupervisor.RunNolinkAsync<int>(Inbox, _supervisor, () => throw new InvalidOperationException("bad"));

        var result = await OtpTask.YieldAsync(task, cancellationToken: ct);

        Assert.That(result!.IsOk, Is.False);
        Assert.That(result.Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervised_async_task_is_linked_to_both_the_owner_and_the_supervisor(CancellationToken ct)
    {
        var task = await TaskSupervisor.RunAsync(Inbox, _supervisor, WaitsForRelease(1));
        await Witness.NextValue<(string, Pid)>(ct);

        Assert.That(Node.GetInfo(task.Pid!)!.Links, Is.EquivalentTo(new[] { _supervisor, Inbox.Self }));
        Node.Send(task.Pid!, "release");
        Assert.That(await OtpTask.AwaitAsync(task, cancellationToken: ct), Is.EqualTo(1));
    }

    [Test, CancelAfter(5000)]
    public async Task Start_child_runs_a_fire_and_forget_task_that_terminate_child_stops(CancellationToken ct)
    {
        var pid = await TaskSupervisor.StartChildAsync(Node, _supervisor, async ctx => await ctx.ReceiveAsync(ct));
        var monitor = Witness.Monitor(pid);

        Assert.That(await TaskSupervisor.ChildrenAsync(Node, _supervisor), Is.EqualTo(new[] { pid }));
        await TaskSupervisor.TerminateChildAsync(Node, _supervisor, pid);

        Assert.That(await Witness.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
        Assert.That(await TaskSupervisor.ChildrenAsync(Node, _supervisor), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task A_temporary_task_that_crashes_is_not_restarted(CancellationToken ct)
    {
        var pid = await TaskSupervisor.StartChildAsync(Node, _supervisor, _ => throw new InvalidOperationException());

        await Witness.ExitOf(pid, ct);

        Assert.That(await TaskSupervisor.ChildrenAsync(Node, _supervisor), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task Stopping_the_supervisor_stops_its_tasks(CancellationToken ct)
    {
        var task = await TaskSupervisor.RunNolinkAsync(Inbox, _supervisor, WaitsForRelease(1));

        await DynamicSupervisor.StopAsync(Node, _supervisor);

        Assert.That(await Inbox.DownReason(task.Ref, ct), Is.EqualTo(ExitReason.Shutdown));
    }

    [Test, CancelAfter(5000)]
    public async Task A_nolink_stream_emits_the_exit_of_a_crashed_task_without_harming_the_owner(CancellationToken ct)
    {
        var results = new List<TaskResult<int>>();
        await foreach (var result in TaskSupervisor.AsyncStreamNolink(Inbox, _supervisor, [1, 0, 5], x => 10 / x).WithCancellation(ct))
        {
            results.Add(result);
        }

        Assert.That(results[0], Is.EqualTo(TaskResult<int>.Ok(10)));
        Assert.That(results[1].Reason, Is.InstanceOf<DivideByZeroException>());
        Assert.That(results[2], Is.EqualTo(TaskResult<int>.Ok(2)));
        Assert.That(Node.IsAlive(Inbox.Self), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task The_shutdown_option_says_how_the_supervisor_stops_a_task(CancellationToken ct)
    {
        var gentle = await TaskSupervisor.RunNolinkAsync(Inbox, _supervisor, WaitsForRelease(1));
        var brutal = await TaskSupervisor.RunNolinkAsync(Inbox, _supervisor, WaitsForRelease(2), ShutdownSpec.BrutalKill);

        await DynamicSupervisor.StopAsync(Node, _supervisor);

        Assert.That(await Inbox.DownReason(gentle.Ref, ct), Is.EqualTo(ExitReason.Shutdown));
        Assert.That(await Inbox.DownReason(brutal.Ref, ct), Is.EqualTo(ExitReason.Killed), "shutdown: :brutal_kill");
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervised_linked_stream_runs_its_tasks_under_the_supervisor(CancellationToken ct)
    {
        var results = new List<TaskResult<int>>();
        await foreach (var result in TaskSupervisor.AsyncStream(Inbox, _supervisor, [1, 2, 3], x => x * 2).WithCancellation(ct))
        {
            results.Add(result);
        }

        Assert.That(results, Is.EqualTo(new[] { 2, 4, 6 }.Select(TaskResult<int>.Ok)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_crashing_task_of_a_supervised_linked_stream_takes_an_owner_that_does_not_trap_exits_down(CancellationToken ct)
    {
        var owner = Node.Spawn(async ctx =>
        {
            await foreach (var _ in TaskSupervisor.AsyncStream(ctx, _supervisor, [0], x => 10 / x))
            {
            }
        });

        Assert.That(await Witness.ExitOf(owner, ct), Is.InstanceOf<DivideByZeroException>());
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervised_linked_stream_leaves_no_exit_messages_in_a_trapping_owner(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var results = new List<TaskResult<int>>();
        await foreach (var result in TaskSupervisor.AsyncStream(Inbox, _supervisor, [1, 0], x => 10 / x).WithCancellation(ct))
        {
            results.Add(result);
        }

        Assert.That(results[1].Reason, Is.InstanceOf<DivideByZeroException>());
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervised_stream_of_awaiting_functions_gives_each_its_own_process(CancellationToken ct)
    {
        var stream = TaskSupervisor.AsyncStreamNolink(Inbox, _supervisor, [1, 2], (int x, ProcessContext ctx) => Task.FromResult((x, ctx.Self)));
        var results = new List<(int, Pid)>();
        await foreach (var result in stream.WithCancellation(ct))
        {
            results.Add(result.Value);
        }

        Assert.That(results.Select(r => r.Item1), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(results[0].Item2, Is.Not.EqualTo(results[1].Item2));
        Assert.That(results.Select(r => r.Item2), Does.Not.Contain(Inbox.Self));
    }
}
