using Otp;

namespace Runtime.Tests;

public sealed class OtpTaskTests : RuntimeTest
{
    /// <summary>A task body that tells the observer it runs, then waits for any message and returns <paramref name="value"/>.</summary>
    private Func<ProcessContext, Task<T>> WaitsForRelease<T>(T value) => async ctx =>
    {
        ctx.Send(Witness.Self, ("waiting", ctx.Self));
        await ctx.ReceiveAsync(m => m is "release", Timeout.InfiniteTimeSpan);
        return value;
    };

    private async Task<Pid> NextWaiting(CancellationToken ct) => (await Witness.NextValue<(string, Pid)>(ct)).Item2;

    [Test, CancelAfter(5000)]
    public async Task Async_runs_the_function_in_a_process_linked_to_and_monitored_by_the_owner(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, WaitsForRelease(42));
        await NextWaiting(ct);

        var info = Node.GetInfo(task.Pid!)!;
        Assert.That(info.Links, Does.Contain(Inbox.Self));
        Assert.That(info.MonitoredBy, Does.Contain(Inbox.Self));
        Assert.That(info.Behaviour, Is.EqualTo("task"));
        Assert.That(task.Owner, Is.EqualTo(Inbox.Self));

        Node.Send(task.Pid!, "release");
        Assert.That(await OtpTask.AwaitAsync(task, cancellationToken: ct), Is.EqualTo(42));
    }

    [Test, CancelAfter(5000)]
    public async Task A_process_can_start_tasks_and_await_them_in_its_own_code(CancellationToken ct)
    {
        var (_, monitor) = Inbox.SpawnMonitor(async ctx =>
        {
            var tasks = new[] { OtpTask.Async(ctx, () => 1), OtpTask.Async(ctx, () => 2) };
            var sum = (await OtpTask.AwaitManyAsync(tasks)).Sum();
            ctx.Send(Inbox.Self, ("sum", sum));
        });

        Assert.That(await Inbox.NextValue<(string, int)>(ct), Is.EqualTo(("sum", 3)));
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Normal));
    }

    [Test, CancelAfter(5000)]
    public async Task Await_returns_the_result_of_a_plain_function(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, () => 6 * 7);

        Assert.That(await OtpTask.AwaitAsync(task, cancellationToken: ct), Is.EqualTo(42));
    }

    [Test, CancelAfter(5000)]
    public async Task Await_throws_a_task_timeout_after_five_seconds_by_default_and_the_task_keeps_running(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, WaitsForRelease("late"));

        var awaiting = OtpTask.AwaitAsync(task, cancellationToken: ct);
        Clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.That(awaiting.IsCompleted, Is.False);
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = Assert.ThrowsAsync<TaskTimeoutException>(() => awaiting);
        Assert.That(error!.Task, Is.EqualTo(task.Pid));
        Assert.That(error.Reason, Is.EqualTo(ExitReason.Timeout));
        Assert.That(Node.IsAlive(task.Pid!), Is.True);
    }

    [Test, CancelAfter(5000)]
    public void A_plain_function_returning_a_dotnet_task_is_refused_with_a_pointer_to_the_async_form()
    {
        var error = Assert.Throws<ArgumentException>(() => OtpTask.Async(Inbox, () => Task.FromResult(1)));

        Assert.That(error!.Message, Does.Contain("ctx =>"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_task_can_be_awaited_only_once(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, () => 1);
        await OtpTask.AwaitAsync(task, cancellationToken: ct);

        Assert.ThrowsAsync<InvalidOperationException>(() => OtpTask.AwaitAsync(task, cancellationToken: ct));
    }

    [Test, CancelAfter(5000)]
    public async Task Await_on_a_crashed_task_throws_with_its_reason_when_the_owner_traps_exits(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var task = OtpTask.Async<int>(Inbox, () => throw new InvalidOperationException("task failed"));

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => OtpTask.AwaitAsync(task, cancellationToken: ct));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidOperationException>());
        Assert.That((await Inbox.Next<ExitMessage>(ct)).From, Is.EqualTo(task.Pid));
    }

    [Test, CancelAfter(5000)]
    public async Task A_crashing_task_takes_an_owner_that_does_not_trap_exits_down_with_it(CancellationToken ct)
    {
        var owner = Node.Spawn(async ctx =>
        {
            var task = OtpTask.Async<int>(ctx, () => throw new InvalidOperationException("task failed"));
            await OtpTask.AwaitAsync(task);
        });

        Assert.That(await Witness.ExitOf(owner, ct), Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Yield_returns_null_when_the_time_runs_out_and_the_task_can_still_be_awaited(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, WaitsForRelease("done"));

        var yielding = OtpTask.YieldAsync(task, TimeSpan.FromMilliseconds(100), ct);
        Clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.That(await yielding, Is.Null);

        Node.Send(task.Pid!, "release");
        Assert.That(await OtpTask.AwaitAsync(task, cancellationToken: ct), Is.EqualTo("done"));
    }

    [Test, CancelAfter(5000)]
    public async Task Yield_returns_ok_with_the_reply_or_exit_with_the_reason(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var ok = OtpTask.Async(Inbox, () => "fine");
        var crash = OtpTask.Async<string>(Inbox, () => throw new InvalidOperationException());

        Assert.That(await OtpTask.YieldAsync(ok, cancellationToken: ct), Is.EqualTo(TaskResult<string>.Ok("fine")));
        var exit = await OtpTask.YieldAsync(crash, cancellationToken: ct);
        Assert.That(exit!.IsOk, Is.False);
        Assert.That(exit.Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Await_many_returns_the_replies_in_the_order_of_the_tasks(CancellationToken ct)
    {
        var tasks = Enumerable.Range(1, 3).Select(i => OtpTask.Async(Inbox, WaitsForRelease(i))).ToArray();
        var pids = new[] { await NextWaiting(ct), await NextWaiting(ct), await NextWaiting(ct) };
        foreach (var pid in pids.Reverse())
        {
            Node.Send(pid, "release");
        }

        Assert.That(await OtpTask.AwaitManyAsync(tasks, cancellationToken: ct), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test, CancelAfter(5000)]
    public async Task Await_many_throws_a_task_timeout_when_one_task_is_too_slow(CancellationToken ct)
    {
        var quick = OtpTask.Async(Inbox, () => 1);
        var slow = OtpTask.Async(Inbox, WaitsForRelease(2));
        await Witness.ExitOf(quick.Pid!, ct); // its reply is in the owner's mailbox now

        var awaiting = OtpTask.AwaitManyAsync([quick, slow], TimeSpan.FromSeconds(1), ct);
        Clock.Advance(TimeSpan.FromSeconds(1));

        var error = Assert.ThrowsAsync<TaskTimeoutException>(() => awaiting);
        Assert.That(error!.Task, Is.EqualTo(slow.Pid));
    }

    [Test, CancelAfter(5000)]
    public void Await_many_throws_with_the_reason_of_a_task_that_crashed()
    {
        Inbox.TrapExit = true;
        var fine = OtpTask.Async(Inbox, () => 1);
        var crash = OtpTask.Async<int>(Inbox, () => throw new InvalidOperationException());

        var error = Assert.ThrowsAsync<ProcessExitedException>(() => OtpTask.AwaitManyAsync([fine, crash]));

        Assert.That(error!.Reason, Is.InstanceOf<InvalidOperationException>());
    }

    [Test, CancelAfter(5000)]
    public async Task Shutdown_with_brutal_kill_kills_the_task_and_spares_the_owner(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, WaitsForRelease(1));
        await NextWaiting(ct);
        var monitor = Witness.Monitor(task.Pid!);

        var result = await OtpTask.ShutdownAsync(task, ShutdownSpec.BrutalKill);

        Assert.That(result, Is.Null);
        Assert.That(await Witness.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(Node.IsAlive(Inbox.Self), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task Shutdown_returns_the_reply_if_it_arrived_first(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, () => "made it");
        await Witness.ExitOf(task.Pid!, ct);

        Assert.That(await OtpTask.ShutdownAsync(task), Is.EqualTo(TaskResult<string>.Ok("made it")));
    }

    [Test, CancelAfter(5000)]
    public async Task Shutdown_kills_a_task_that_traps_exits_once_its_time_runs_out(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, async ctx =>
        {
            ctx.TrapExit = true; // it gets shutdown as a message, and ignores it
            ctx.Send(Witness.Self, ("waiting", ctx.Self));
            await ctx.ReceiveAsync(m => m is "never", Timeout.InfiniteTimeSpan);
            return 0;
        });
        await NextWaiting(ct);
        var monitor = Witness.Monitor(task.Pid!);

        var shutdown = OtpTask.ShutdownAsync(task, ShutdownSpec.After(TimeSpan.FromSeconds(1)));
        Clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(shutdown.IsCompleted, Is.False);
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await shutdown, Is.EqualTo(TaskResult<int>.Exit(ExitReason.Killed)), "{:exit, :killed}, as Elixir's Task.shutdown gives when it had to kill");
        Assert.That(await Witness.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
    }

    [Test, CancelAfter(5000)]
    public async Task Shutdown_gives_null_for_a_task_that_stops_on_shutdown_within_its_time(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, WaitsForRelease(1));
        await NextWaiting(ct);

        Assert.That(await OtpTask.ShutdownAsync(task, ShutdownSpec.After(TimeSpan.FromSeconds(1))), Is.Null);
    }

    [Test, CancelAfter(5000)]
    public async Task Shutdown_after_zero_sends_shutdown_first_and_is_not_a_brutal_kill(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, WaitsForRelease(1));
        await NextWaiting(ct);
        var monitor = Witness.Monitor(task.Pid!);

        var result = await OtpTask.ShutdownAsync(task, ShutdownSpec.After(TimeSpan.Zero));

        Assert.That(result, Is.Null, "a task that stops on shutdown gives nothing back");
        Assert.That(await Witness.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown),
            "a shutdown time of 0 ms still sends shutdown first (OTP's shutdown 0), unlike brutal_kill");
    }

    [Test, CancelAfter(5000)]
    public async Task Yield_many_returns_each_task_with_its_result_in_order_and_null_for_those_still_running(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var slow = OtpTask.Async(Inbox, WaitsForRelease(1));
        var fine = OtpTask.Async(Inbox, () => 2);
        var crash = OtpTask.Async<int>(Inbox, () => throw new InvalidOperationException());
        await NextWaiting(ct);
        await Witness.ExitOf(fine.Pid!, ct);
        await Witness.ExitOf(crash.Pid!, ct);

        var yielding = OtpTask.YieldManyAsync([slow, fine, crash], TimeSpan.FromSeconds(1), ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var results = await yielding;

        Assert.That(results.Select(r => r.Task), Is.EqualTo(new[] { slow, fine, crash }), "the tasks, in the order given");
        Assert.That(results[0].Result, Is.Null, "still running");
        Assert.That(results[1].Result, Is.EqualTo(TaskResult<int>.Ok(2)));
        Assert.That(results[2].Result!.Reason, Is.InstanceOf<InvalidOperationException>());
        Node.Send(slow.Pid!, "release");
        Assert.That(await OtpTask.AwaitAsync(slow, cancellationToken: ct), Is.EqualTo(1), "a task yield_many left running can still be awaited");
    }

    [Test, CancelAfter(5000)]
    public async Task Yield_many_with_a_limit_returns_as_soon_as_that_many_are_done(CancellationToken ct)
    {
        var slow = OtpTask.Async(Inbox, WaitsForRelease(1));
        var fine = OtpTask.Async(Inbox, () => 2);

        var results = await OtpTask.YieldManyAsync([slow, fine], new YieldManyOptions { Limit = 1, OnTimeout = YieldTimeoutAction.KillTask }, ct);

        Assert.That(results.Select(r => r.Result), Is.EqualTo(new[] { null, TaskResult<int>.Ok(2) }));
        Assert.That(Node.IsAlive(slow.Pid!), Is.True, "the limit was reached before the time-out, so on_timeout did not apply");
    }

    [Test, CancelAfter(5000)]
    public async Task Yield_many_with_kill_task_kills_the_tasks_still_running_when_the_time_runs_out(CancellationToken ct)
    {
        var slow = OtpTask.Async(Inbox, WaitsForRelease(1));
        await NextWaiting(ct);
        var monitor = Witness.Monitor(slow.Pid!);

        var yielding = OtpTask.YieldManyAsync([slow], new YieldManyOptions { Timeout = TimeSpan.FromSeconds(1), OnTimeout = YieldTimeoutAction.KillTask }, ct);
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That((await yielding).Single().Result, Is.Null, "killed as asked: no result");
        Assert.That(await Witness.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(Node.IsAlive(Inbox.Self), Is.True);
    }

    [Test, CancelAfter(5000)]
    public void Invalid_yield_many_options_are_refused_naming_the_option()
    {
        var task = OtpTask.Completed(Inbox, 1);

        var error = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OtpTask.YieldManyAsync([task], new YieldManyOptions { Limit = 0 }));

        Assert.That(error!.Message, Does.Contain("Limit"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_completed_task_has_no_process_and_awaits_its_value(CancellationToken ct)
    {
        var ready = OtpTask.Completed(Inbox, 1);
        var running = OtpTask.Async(Inbox, () => 2);

        Assert.That(ready.Pid, Is.Null);
        Assert.That(await OtpTask.AwaitManyAsync([ready, running], cancellationToken: ct), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(await OtpTask.ShutdownAsync(OtpTask.Completed(Inbox, 3)), Is.EqualTo(TaskResult<int>.Ok(3)), "shutdown of a completed task only ignores it");
    }

    [Test, CancelAfter(5000)]
    public async Task An_ignored_task_keeps_running_unlinked_and_its_reply_and_down_are_dropped(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, WaitsForRelease(1));
        await NextWaiting(ct);

        Assert.That(OtpTask.Ignore(task), Is.Null, "nothing had arrived yet");
        Assert.That(Node.GetInfo(task.Pid!)!.Links, Does.Not.Contain(Inbox.Self));
        Node.Send(task.Pid!, "release");
        await Witness.ExitOf(task.Pid!, ct);

        await Inbox.AssertNoMessage();
        Assert.Throws<InvalidOperationException>(() => OtpTask.Ignore(task), "an ignored task cannot be taken again");
    }

    [Test, CancelAfter(5000)]
    public async Task Ignore_returns_the_reply_that_already_arrived(CancellationToken ct)
    {
        var task = OtpTask.Async(Inbox, () => "done");
        await Witness.ExitOf(task.Pid!, ct);

        Assert.That(OtpTask.Ignore(task), Is.EqualTo(TaskResult<string>.Ok("done")));
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task A_task_child_spec_runs_a_temporary_worker_started_linked_to_its_supervisor(CancellationToken ct)
    {
        var spec = OtpTask.ChildSpec(async ctx =>
        {
            ctx.Send(Witness.Self, ("waiting", ctx.Self));
            await ctx.ReceiveAsync(m => m is "crash", Timeout.InfiniteTimeSpan);
            throw new InvalidOperationException("crash");
        });
        var sup = await Supervisor.StartAsync(Node, [spec]);
        var worker = await NextWaiting(ct);

        Assert.That(spec.Restart, Is.EqualTo(RestartType.Temporary));
        Assert.That(spec.Id, Is.EqualTo(typeof(OtpTask)));
        Assert.That(Node.GetInfo(worker)!.Links, Is.EqualTo(new[] { sup }));
        Assert.That(Node.GetInfo(worker)!.Behaviour, Is.EqualTo("task"));
        Node.Send(worker, "crash");
        await Witness.ExitOf(worker, ct);
        await Witness.AssertNoMessage(); // not restarted
    }

    [Test, CancelAfter(5000)]
    public async Task Start_runs_a_task_linked_to_nobody(CancellationToken ct)
    {
        var pid = await OtpTask.StartAsync(Node, ctx =>
        {
            ctx.Send(Witness.Self, ("ran", ctx.Self));
            return Task.CompletedTask;
        });

        Assert.That(await Witness.NextValue<(string, Pid)>(ct), Is.EqualTo(("ran", pid)));
    }

    [Test, CancelAfter(5000)]
    public async Task Shutdown_reports_the_exit_of_a_task_that_had_already_crashed(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        var task = OtpTask.Async<int>(Inbox, () => throw new InvalidOperationException());
        await Inbox.Next<ExitMessage>(ct);

        var result = await OtpTask.ShutdownAsync(task);

        Assert.That(result!.Reason, Is.InstanceOf<InvalidOperationException>());
    }
}
