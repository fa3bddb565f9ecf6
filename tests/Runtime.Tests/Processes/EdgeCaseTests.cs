using Otp;

namespace Runtime.Tests;

/// <summary>Timeouts of starts and stops, cancellation, ignore, failed restarts and concurrency.</summary>
public sealed class EdgeCaseTests : RuntimeTest
{
    [Test, CancelAfter(5000)]
    public async Task A_start_that_outlives_its_timeout_fails_with_timeout_and_the_process_is_killed(CancellationToken ct)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var me = Inbox.Self;
        var start = ProcLib.StartLinkAsync(Node, null, link: false, async (ctx, ack) =>
        {
            ctx.Send(me, ctx.Self);
            await gate.Task;
            ack.Started(ctx.Self);
        }, TimeSpan.FromSeconds(1));
        var pid = await Inbox.Next<Pid>(ct);
        var monitor = Inbox.Monitor(pid);

        Clock.Advance(TimeSpan.FromSeconds(1));

        var failed = Assert.ThrowsAsync<StartFailedException>(() => start);
        Assert.That(failed!.Reason, Is.EqualTo(ExitReason.Timeout));
        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Killed));
        gate.SetResult();
    }

    [Test, CancelAfter(5000)]
    public async Task A_call_can_be_cancelled_by_the_caller(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());
        using var cts = new CancellationTokenSource();

        var call = GenServer.CallAsync<object>(Node, pid, "never", Timeout.InfiniteTimeSpan, cts.Token);
        await cts.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await GenServer.CallAsync<int>(Node, pid, "get"), Is.Zero);
    }

    [Test, CancelAfter(5000)]
    public async Task A_stop_that_outlives_its_timeout_fails_with_a_timeout(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());
        var parked = GenServer.CallAsync<string>(Node, pid, "park", Timeout.InfiniteTimeSpan);
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Keep the server busy with a stubborn request: a call that blocks its loop until released.
        var blocker = new BlockingServer(busy.Task);
        var blocked = await GenServer.StartAsync(Node, blocker);
        var hold = GenServer.CallAsync<string>(Node, blocked, "hold", Timeout.InfiniteTimeSpan);
        await blocker.Holding.WaitAsync(ct);

        var stop = GenServer.StopAsync(Node, blocked, null, TimeSpan.FromSeconds(1));
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.ThrowsAsync<CallTimeoutException>(() => stop);
        busy.SetResult();
        Assert.That(await hold, Is.EqualTo("held"));
        await GenServer.CallAsync<string>(Node, pid, "release");
        Assert.That(await parked, Is.EqualTo("released"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_supervisor_keeps_a_child_that_returned_ignore_as_not_running(CancellationToken ct)
    {
        var sup = await Supervisor.StartAsync(Node,
        [
            ChildSpec.Worker("ignored", ctx => GenServer.StartLinkAsync(ctx, new TestServer(init: InitResult<int>.Ignore))),
        ]);

        Assert.That(await Supervisor.WhichChildrenAsync(Node, sup), Is.EqualTo(new[] { new ChildInfo("ignored", null, ChildType.Worker, false) }));
        Assert.That(await Supervisor.RestartChildAsync(Node, sup, "ignored"), Is.Null);
    }

    [Test, CancelAfter(5000)]
    public async Task A_dynamic_child_that_returns_ignore_is_not_kept(CancellationToken ct)
    {
        var sup = await DynamicSupervisor.StartAsync(Node);

        var pid = await DynamicSupervisor.StartChildAsync(Node, sup,
            ChildSpec.Worker("x", ctx => GenServer.StartLinkAsync(ctx, new TestServer(init: InitResult<int>.Ignore))));

        Assert.That(pid, Is.Null);
        Assert.That(await DynamicSupervisor.CountChildrenAsync(Node, sup), Is.EqualTo(new ChildCounts(0, 0, 0, 0)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_restart_that_fails_is_tried_again_until_the_intensity_gives_up(CancellationToken ct)
    {
        var attempts = 0;
        var me = Inbox.Self;
        var spec = ChildSpec.Worker("flaky", ctx =>
        {
            attempts++;
            return attempts == 1
                ? GenServer.StartLinkAsync(ctx, new TestServer())
                : GenServer.StartLinkAsync(ctx, new TestServer(init: () => InitResult<int>.Stop(new Atom("no"))));
        });
        var sup = await Supervisor.StartAsync(Node, [spec], new SupervisorOptions { MaxRestarts = 3 });
        var monitor = Inbox.Monitor(sup);
        var child = (await Supervisor.WhichChildrenAsync(Node, sup))[0].Pid!;

        Node.Exit(child, new Atom("crash"));

        Assert.That(await Inbox.DownReason(monitor, ct), Is.EqualTo(ExitReason.Shutdown));
        Assert.That(attempts, Is.EqualTo(4)); // the first start, then three restarts allowed; the fourth is refused
    }

    [Test, CancelAfter(5000)]
    public async Task A_retried_one_for_all_restart_stops_the_children_restarted_in_the_failed_round_and_starts_all_again(CancellationToken ct)
    {
        var attempts = 0;
        var observer = Inbox.Self;
        var flaky = ChildSpec.Worker("b", ctx =>
        {
            attempts++;
            return attempts == 2
                ? GenServer.StartLinkAsync(ctx, new TestServer(init: () => InitResult<int>.Stop(new Atom("not_yet"))))
                : GenServer.StartLinkAsync(ctx, new Reporter("b", observer));
        });
        var sup = await Supervisor.StartAsync(Node, [Reporter.Spec("a", observer), flaky, Reporter.Spec("c", observer)],
            new SupervisorOptions { Strategy = SupervisorStrategy.OneForAll, MaxRestarts = 5 });
        var started = new List<object>();
        for (var i = 0; i < 3; i++)
        {
            started.Add((await Inbox.NextValue<StartTuple>(ct)).Id);
        }

        var b = (await Supervisor.WhichChildrenAsync(Node, sup)).Single(c => Equals(c.Id, "b")).Pid!;
        Node.Exit(b, new Atom("crash"));

        // a restarts, b fails once (c is left stopped); the retry (OTP's try_again_restart) stops a again and starts all three.
        for (var i = 0; i < 4; i++)
        {
            started.Add((await Inbox.NextValue<StartTuple>(ct)).Id);
        }

        Assert.That(started, Is.EqualTo(new[] { "a", "b", "c", "a", "a", "b", "c" }));
        var children = await Supervisor.WhichChildrenAsync(Node, sup);
        Assert.That(children.All(c => c.Pid is not null && !c.Restarting), Is.True);
        Assert.That(attempts, Is.EqualTo(3));
    }

    [Test, CancelAfter(5000)]
    public async Task Concurrent_callers_all_get_their_own_replies(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());

        var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => GenServer.CallAsync<int>(Node, pid, ("add", 1)), ct)).ToArray();
        var replies = await Task.WhenAll(calls);

        Assert.That(replies.Order(), Is.EqualTo(Enumerable.Range(1, 200)));
    }

    [Test, CancelAfter(5000)]
    public async Task Messages_from_each_sender_arrive_in_the_order_sent(CancellationToken ct)
    {
        const int senders = 4;
        const int each = 2000;
        var me = Inbox.Self;
        for (var s = 0; s < senders; s++)
        {
            var sender = s;
            Node.Spawn(ctx =>
            {
                for (var i = 0; i < each; i++)
                {
                    ctx.Send(me, (sender, i));
                }

                return Task.CompletedTask;
            });
        }

        var next = new int[senders];
        for (var n = 0; n < senders * each; n++)
        {
            var (sender, i) = await Inbox.NextValue<(int, int)>(ct);
            Assert.That(i, Is.EqualTo(next[sender]));
            next[sender]++;
        }
    }

    [Test, CancelAfter(5000)]
    public async Task Shutdown_infinity_waits_for_the_child_however_long_it_takes(CancellationToken ct)
    {
        var observer = Inbox.Self;
        var sup = await Supervisor.StartAsync(Node,
        [
            ChildSpec.Supervisor("inner", ctx => Supervisor.StartLinkAsync(ctx, [Reporter.Spec("leaf", observer)])),
        ]);
        await Inbox.NextValue<StartTuple>(ct);

        await Supervisor.TerminateChildAsync(Node, sup, "inner");

        Assert.That(await Inbox.NextValue<Tuple3>(ct), Is.EqualTo(("terminated", "leaf", ExitReason.Shutdown)));
    }

    [Test]
    public void Timeouts_must_be_zero_or_more_or_infinite()
    {
        Assert.That(() => Inbox.ReceiveAsync(TimeSpan.FromSeconds(-2)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => ShutdownSpec.After(TimeSpan.FromMilliseconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>()); // 0 is OTP's valid 0 ms
    }

    private sealed class BlockingServer(Task release) : GenServer<int>
    {
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Holding => _holding.Task;

        protected override InitResult<int> Init() => Ok(0);

        protected override async ValueTask<HandleResult<int>> HandleCallAsync(object request, From from, int state)
        {
            _holding.SetResult();
            await release;
            return Reply("held", state);
        }
    }
}
