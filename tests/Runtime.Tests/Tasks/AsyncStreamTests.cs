using Otp;

namespace Runtime.Tests;

public sealed class AsyncStreamTests : RuntimeTest
{
    /// <summary>Items named "wait..." tell the observer they started and wait for a release message; the others return at once.</summary>
    private Task<string> Work(string item, ProcessContext ctx)
    {
        ctx.Send(Witness.Self, (item, ctx.Self));
        return item.StartsWith("wait", StringComparison.Ordinal) ? Waits(item, ctx) : Task.FromResult(item.ToUpperInvariant());

        static async Task<string> Waits(string item, ProcessContext ctx)
        {
            await ctx.ReceiveAsync(m => m is "release", Timeout.InfiniteTimeSpan);
            return item.ToUpperInvariant();
        }
    }

    private async Task<Pid> Started(string item, CancellationToken ct) =>
        (await Witness.ReceiveAsync(m => m is (string name, Pid) && name == item, Timeout.InfiniteTimeSpan, ct) is (string, Pid pid) ? pid : null)!;

    private static async Task<List<TaskResult<T>>> All<T>(IAsyncEnumerable<TaskResult<T>> stream, CancellationToken ct)
    {
        var results = new List<TaskResult<T>>();
        await foreach (var result in stream.WithCancellation(ct))
        {
            results.Add(result);
        }

        return results;
    }

    [Test, CancelAfter(5000)]
    public async Task An_ordered_stream_emits_ok_results_in_input_order(CancellationToken ct)
    {
        var results = await All(OtpTask.AsyncStream(Inbox, Enumerable.Range(1, 10), x => x * 10, new AsyncStreamOptions { MaxConcurrency = 3 }), ct);

        Assert.That(results, Is.EqualTo(Enumerable.Range(1, 10).Select(x => TaskResult<int>.Ok(x * 10))));
    }

    [Test, CancelAfter(5000)]
    public async Task An_ordered_stream_holds_back_results_that_finish_before_their_turn(CancellationToken ct)
    {
        var stream = OtpTask.AsyncStream<string, string>(Inbox, ["wait-a", "b", "c"], Work, new AsyncStreamOptions { MaxConcurrency = 3 });
        await using var results = stream.GetAsyncEnumerator(ct);

        var first = results.MoveNextAsync();
        var slow = await Started("wait-a", ct);
        await Witness.ExitOf(await Started("b", ct), ct);
        await Witness.ExitOf(await Started("c", ct), ct);
        Assert.That(first.IsCompleted, Is.False, "b and c are done, but a comes first");
        Node.Send(slow, "release");

        var order = new List<string>();
        for (var more = await first; more; more = await results.MoveNextAsync())
        {
            order.Add(results.Current.Value);
        }

        Assert.That(order, Is.EqualTo(new[] { "WAIT-A", "B", "C" }));
    }

    [Test, CancelAfter(5000)]
    public async Task An_unordered_stream_emits_results_as_they_complete(CancellationToken ct)
    {
        var stream = OtpTask.AsyncStream<string, string>(Inbox, ["wait-a", "b"], Work, new AsyncStreamOptions { MaxConcurrency = 2, Ordered = false });
        await using var results = stream.GetAsyncEnumerator(ct);

        Assert.That(await results.MoveNextAsync(), Is.True);
        Assert.That(results.Current.Value, Is.EqualTo("B"));
        Node.Send(await Started("wait-a", ct), "release");
        Assert.That(await results.MoveNextAsync(), Is.True);
        Assert.That(results.Current.Value, Is.EqualTo("WAIT-A"));
        Assert.That(await results.MoveNextAsync(), Is.False);
    }

    [Test, CancelAfter(5000)]
    public async Task No_more_than_max_concurrency_tasks_run_at_once(CancellationToken ct)
    {
        var stream = OtpTask.AsyncStream<string, string>(Inbox, ["wait-1", "wait-2", "wait-3"], Work, new AsyncStreamOptions { MaxConcurrency = 2, Ordered = false });
        await using var results = stream.GetAsyncEnumerator(ct);

        var first = results.MoveNextAsync();
        var one = await Started("wait-1", ct);
        await Started("wait-2", ct);
        await Witness.AssertNoMessage(); // the third waits for a free slot
        Node.Send(one, "release");

        Assert.That(await first, Is.True);
        Assert.That(await Started("wait-3", ct), Is.Not.Null);
    }

    [Test, CancelAfter(5000)]
    public async Task Enumerating_a_stream_twice_runs_the_tasks_again(CancellationToken ct)
    {
        var runs = 0;
        var stream = OtpTask.AsyncStream(Inbox, [1, 2], x => Interlocked.Increment(ref runs));

        await All(stream, ct);
        await All(stream, ct);

        Assert.That(runs, Is.EqualTo(4));
    }

    [Test, CancelAfter(5000)]
    public void A_max_concurrency_below_one_is_refused_when_the_stream_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OtpTask.AsyncStream(Inbox, [1], x => x, new AsyncStreamOptions { MaxConcurrency = 0 }));
    }

    [Test, CancelAfter(5000)]
    public void Invalid_options_are_refused_when_the_stream_is_made_naming_the_option_and_value()
    {
        var before = Node.Processes().Count;
        var invalid = new (AsyncStreamOptions Options, string Name, string Value)[]
        {
            (new AsyncStreamOptions { MaxConcurrency = 0 }, "MaxConcurrency", "0"),
            (new AsyncStreamOptions { Timeout = TimeSpan.FromSeconds(-2) }, "Timeout", "-00:00:02"),
            (new AsyncStreamOptions { OnTimeout = (StreamTimeoutAction)7 }, "OnTimeout", "7"),
        };

        foreach (var (options, name, value) in invalid)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => OtpTask.AsyncStream(Inbox, [1], x => x, options));
            Assert.That(error!.Message, Does.Contain(name).And.Contain(value), $"the error names {name} and its value");
            Assert.Throws<ArgumentOutOfRangeException>(() => TaskSupervisor.AsyncStreamNolink(Inbox, Inbox.Self, [1], x => x, options));
        }

        Assert.That(Node.Processes().Count, Is.EqualTo(before), "nothing was spawned");
    }

    [Test, CancelAfter(5000)]
    public async Task An_owner_that_traps_exits_finds_no_exit_messages_of_the_stream_tasks_afterwards(CancellationToken ct)
    {
        Inbox.TrapExit = true;

        var results = await All(OtpTask.AsyncStream(Inbox, [1, 0, 2], x => 10 / x), ct);

        Assert.That(results[1].Reason, Is.InstanceOf<DivideByZeroException>());
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task A_crashing_stream_task_takes_an_owner_that_does_not_trap_exits_down_with_its_reason(CancellationToken ct)
    {
        var owner = Node.Spawn(async ctx => await All(OtpTask.AsyncStream(ctx, [1, 0], x => 10 / x), CancellationToken.None));

        Assert.That(await Witness.ExitOf(owner, ct), Is.InstanceOf<DivideByZeroException>());
    }

    [Test, CancelAfter(5000)]
    public void The_default_concurrency_is_the_processor_count()
    {
        Assert.That(new AsyncStreamOptions().MaxConcurrency, Is.EqualTo(Environment.ProcessorCount));
        Assert.That(new AsyncStreamOptions().Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(new AsyncStreamOptions().Ordered, Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_task_past_its_timeout_fails_the_stream_and_every_running_task_is_killed(CancellationToken ct)
    {
        var stream = OtpTask.AsyncStream<string, string>(Inbox, ["wait-a", "wait-b"], Work, new AsyncStreamOptions { Timeout = TimeSpan.FromSeconds(1), MaxConcurrency = 2 });
        await using var results = stream.GetAsyncEnumerator(ct);

        var first = results.MoveNextAsync();
        var a = Witness.Monitor(await Started("wait-a", ct));
        var b = Witness.Monitor(await Started("wait-b", ct));
        Clock.Advance(TimeSpan.FromSeconds(1));

        var error = Assert.ThrowsAsync<TaskTimeoutException>(async () => await first);
        Assert.That(error!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(await Witness.DownReason(a, ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(await Witness.DownReason(b, ct), Is.EqualTo(ExitReason.Killed));
        Assert.That(Node.IsAlive(Inbox.Self), Is.True, "the tasks were unlinked before they were killed");
        await Inbox.AssertNoMessage();
    }

    [Test, CancelAfter(5000)]
    public async Task With_kill_task_a_late_task_is_killed_and_emits_exit_timeout_in_its_place(CancellationToken ct)
    {
        var options = new AsyncStreamOptions { Timeout = TimeSpan.FromSeconds(1), OnTimeout = StreamTimeoutAction.KillTask, MaxConcurrency = 2 };
        var stream = OtpTask.AsyncStream<string, string>(Inbox, ["wait-a", "b"], Work, options);
        await using var results = stream.GetAsyncEnumerator(ct);

        var first = results.MoveNextAsync();
        var late = Witness.Monitor(await Started("wait-a", ct));
        // b must have replied before the clock moves: its own one-second timer runs on the same clock.
        await Witness.ExitOf(await Started("b", ct), ct);
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await first, Is.True);
        Assert.That(results.Current, Is.EqualTo(TaskResult<string>.Exit(ExitReason.Timeout)));
        Assert.That(await results.MoveNextAsync(), Is.True);
        Assert.That(results.Current, Is.EqualTo(TaskResult<string>.Ok("B")));
        Assert.That(await Witness.DownReason(late, ct), Is.EqualTo(ExitReason.Killed));
    }

    [Test, CancelAfter(5000)]
    public async Task A_crashed_task_emits_exit_with_its_reason_when_the_owner_traps_exits(CancellationToken ct)
    {
        Inbox.TrapExit = true;

        var results = await All(OtpTask.AsyncStream(Inbox, [1, 0, 2], x => 10 / x), ct);

        Assert.That(results[0], Is.EqualTo(TaskResult<int>.Ok(10)));
        Assert.That(results[1].Reason, Is.InstanceOf<DivideByZeroException>());
        Assert.That(results[2], Is.EqualTo(TaskResult<int>.Ok(5)));
    }

    [Test, CancelAfter(5000)]
    public async Task Stopping_the_enumeration_early_kills_the_tasks_still_running(CancellationToken ct)
    {
        var stream = OtpTask.AsyncStream<string, string>(Inbox, ["a", "wait-b"], Work, new AsyncStreamOptions { MaxConcurrency = 2, Ordered = false });
        Pid? waiting = null;
        await foreach (var result in stream.WithCancellation(ct))
        {
            Assert.That(result.Value, Is.EqualTo("A"));
            waiting = await Started("wait-b", ct);
            break;
        }

        Assert.That(await Witness.ExitOf(waiting!, ct), Is.EqualTo(ExitReason.Killed).Or.EqualTo(ExitReason.NoProc));
        Assert.That(Node.IsAlive(waiting!), Is.False);
    }
}
