using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Behaviours.Hidden;

/// <summary>The generic loop server: Init, the loop, Stop, timeouts and crashes, driven by the suite's own behaviour.</summary>
public sealed class LoopServerSuite
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    [Property("Step", 3)]
    public void Start_refuses_a_null_behaviour()
    {
        Assert.That(() => LoopServer.Start<int, Op, int>(null!), Throws.ArgumentNullException,
            "Step 3: Start refuses a null behaviour with ArgumentNullException");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Init_runs_on_the_server_after_Start_has_returned(CancellationToken cancellationToken)
    {
        using var gate = new ManualResetEventSlim();
        var probe = new Probe(initial: 3, initGate: gate);

        var server = LoopServer.Start(probe);
        var finishedWhenStartReturned = probe.InitsFinished;
        var reading = server.CallAsync(new Read(), Timeout);
        gate.Set();

        Assert.That(finishedWhenStartReturned, Is.Zero, "Start must not run (or wait for) Init on the caller's thread");
        Assert.That(await reading.WaitAsync(cancellationToken), Is.EqualTo(3), "a request sent during Init waits for it");
        Assert.That(probe.Inits, Is.EqualTo(1), "Step 3: Init runs exactly once");
        server.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Init_runs_exactly_once_however_many_calls_race_it(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var initial = random.Next(-1000, 1000);
        var probe = new Probe(initial);
        var server = LoopServer.Start(probe);

        var replies = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => server.CallAsync(new Read(), Timeout), cancellationToken)))
            .WaitAsync(cancellationToken);
        server.Stop();
        await server.Completion.WaitAsync(cancellationToken);

        Assert.That(replies, Is.All.EqualTo(initial), "every request sees the state Init returned");
        Assert.That(probe.Inits, Is.EqualTo(1), "Init runs once per server, never per request");
        Assert.That(probe.Handles, Is.EqualTo(50), "Step 3: each of the 50 requests is handled exactly once");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Init_runs_even_when_the_server_is_stopped_at_once(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = LoopServer.Start(probe);
        server.Stop();

        await server.Completion.WaitAsync(cancellationToken);

        Assert.That(probe.Inits, Is.EqualTo(1), "Step 3: Init runs once, even when Stop comes before the loop starts");
        Assert.That(probe.Handles, Is.Zero, "Step 3: a server stopped at once handles no request");
        Assert.That(server.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 3: a stopped server ends normally: Completion runs to completion");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task The_server_hands_the_behaviour_the_very_request_sent(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = LoopServer.Start(probe);
        var request = new Add(7);

        await server.CallAsync(request, Timeout).WaitAsync(cancellationToken);

        Assert.That(probe.LastRequest, Is.SameAs(request), "the server passes requests on without looking at them");
        server.Stop();
    }

    [Test]
    [CancelAfter(10000)]
    [Property("Step", 3)]
    public async Task Many_concurrent_callers_each_get_their_own_reply_and_no_update_is_lost(CancellationToken cancellationToken)
    {
        const int Callers = 8;
        const int CallsEach = 50;
        var server = LoopServer.Start(new CounterBehaviour());

        var replies = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<int>();
            for (var i = 0; i < CallsEach; i++)
            {
                mine.Add(await server.CallAsync(new CounterRequest.Increment(), Timeout));
            }

            return mine;
        }, cancellationToken))).WaitAsync(cancellationToken);

        var all = replies.SelectMany(r => r).OrderBy(r => r).ToList();
        Assert.That(all, Is.EqualTo(Enumerable.Range(1, Callers * CallsEach)),
            "each increment is handled once, one at a time, and its caller gets the count it produced");
        Assert.That(replies, Has.All.Ordered.Ascending, "one caller's calls are handled in the order it made them");
        Assert.That(await server.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(Callers * CallsEach),
            "Step 3: the final count is one per increment: no update was lost");
        server.Stop();
    }

    [Test]
    [CancelAfter(10000)]
    [Property("Step", 3)]
    public async Task The_behaviour_is_never_run_by_two_threads_at_once(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = LoopServer.Start(probe);

        await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => Task.Run(() => server.CallAsync(new Add(i), Timeout), cancellationToken)))
            .WaitAsync(cancellationToken);

        Assert.That(probe.MaxInFlight, Is.EqualTo(1), "the loop hands one request at a time to Handle");
        Assert.That(await server.CallAsync(new Read(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(Enumerable.Range(0, 200).Sum()),
            "Step 3: the state holds every Add: no update was lost");
        server.Stop();
    }

    [Test]
    [CancelAfter(10000)]
    [Property("Step", 3)]
    public async Task The_callers_code_never_runs_on_the_servers_loop(CancellationToken cancellationToken)
    {
        // The caller of the first call, once it has its reply, waits for the server to handle the second request.
        // If completing the reply ran the caller's code right there on the server's loop (a TaskCompletionSource
        // created without RunContinuationsAsynchronously), the server could not go on, and the wait would fail.
        using var initGate = new ManualResetEventSlim();
        using var secondHandled = new ManualResetEventSlim();
        var server = LoopServer.Start(new Probe(initGate: initGate));
        var first = server.CallAsync(new Read(), Timeout);
        var second = server.CallAsync(new Signal(secondHandled), Timeout);
        var sawSecond = first.ContinueWith(
            _ => secondHandled.Wait(TimeSpan.FromSeconds(5)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        initGate.Set();

        Assert.That(await sawSecond.WaitAsync(cancellationToken), Is.True,
            "the server stalled while the caller's code ran on its loop: complete replies with RunContinuationsAsynchronously");
        await second.WaitAsync(cancellationToken);
        server.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Two_servers_of_one_behaviour_instance_keep_separate_states(CancellationToken cancellationToken)
    {
        // The state lives in the server's loop, not in the behaviour: one behaviour object can drive many servers.
        var counter = new CounterBehaviour(initialCount: 10);
        var first = LoopServer.Start(counter);
        var second = LoopServer.Start(counter);

        await first.CallAsync(new CounterRequest.Increment(5), Timeout).WaitAsync(cancellationToken);
        await second.CallAsync(new CounterRequest.Decrement(5), Timeout).WaitAsync(cancellationToken);

        Assert.That(await first.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(15),
            "Step 3: each server keeps its own state: the first went from 10 to 15");
        Assert.That(await second.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(5),
            "Step 3: each server keeps its own state: the second went from 10 to 5");
        first.Stop();
        second.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Stop_drains_the_requests_sent_before_it_and_refuses_later_ones_at_once(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = LoopServer.Start(probe);
        using var gate = new ManualResetEventSlim();
        var block = Block.Create(gate);
        var blocked = server.CallAsync(block, Timeout);
        await block.Entered.Task.WaitAsync(cancellationToken);
        var queued = server.CallAsync(new Add(10), Timeout);

        server.Stop();
        server.Stop();
        try
        {
            Assert.That(server.IsAlive, Is.True, "the server is still busy with the requests sent before Stop");
            var late = Assert.ThrowsAsync<ServerExitedException>(
                async () => await server.CallAsync(new Add(100), Timeout).WaitAsync(cancellationToken),
                "a call made after Stop must fail at once, without waiting for the server to finish");
            Assert.That(late?.InnerException, Is.Null, "a stop is not a crash");
        }
        finally
        {
            gate.Set();
        }

        Assert.That(await blocked.WaitAsync(cancellationToken), Is.EqualTo(1),
            "Step 3: the request being handled when Stop came still gets its reply");
        Assert.That(await queued.WaitAsync(cancellationToken), Is.EqualTo(11), "the request queued before Stop is handled");
        await server.Completion.WaitAsync(cancellationToken);
        Assert.That(server.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 3: a stopped server ends normally: Completion runs to completion");
        Assert.That(server.IsAlive, Is.False, "Step 3: IsAlive is false once the server has ended");
        Assert.That(probe.Handles, Is.EqualTo(2), "nothing sent after Stop is handled");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task A_stopped_server_fails_every_later_call_with_no_inner_exception(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new Probe());
        Assert.That(server.IsAlive, Is.True, "Step 3: a started server is alive");
        server.Stop();
        await server.Completion.WaitAsync(cancellationToken);

        for (var i = 0; i < 3; i++)
        {
            var exited = Assert.ThrowsAsync<ServerExitedException>(
                async () => await server.CallAsync(new Read(), Timeout, new FakeTimeProvider()).WaitAsync(cancellationToken),
                "Step 3: every call to a stopped server fails with ServerExitedException");
            Assert.That(exited?.InnerException, Is.Null,
                "Step 3: a call to a stopped server has no inner exception: a stop is not a crash");
            Assert.That(exited?.Message, Is.Not.Empty,
                "Step 3: the ServerExitedException's message says what happened");
        }

        Assert.That(() => server.Stop(), Throws.Nothing,
            "Step 3: Stop on a stopped server does nothing and does not throw");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task A_crash_fails_the_crashing_call_and_every_call_queued_behind_it(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var probe = new Probe();
        var server = LoopServer.Start(probe);
        var error = new InvalidOperationException("crash");
        using var gate = new ManualResetEventSlim();
        var block = Block.Create(gate);

        var before = server.CallAsync(block, Timeout, time);
        await block.Entered.Task.WaitAsync(cancellationToken);
        var crashing = server.CallAsync(new Crash(error), Timeout, time);
        var queued = Enumerable.Range(0, 5).Select(i => server.CallAsync(new Add(i), Timeout, time)).ToList();
        gate.Set();

        Assert.That(await before.WaitAsync(cancellationToken), Is.EqualTo(1), "a call answered before the crash keeps its reply");
        foreach (var call in queued.Prepend(crashing))
        {
            var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await call.WaitAsync(cancellationToken),
                "callers waiting on a crashed server hear about it at once (the fake clock never moves)");
            Assert.That(exited?.InnerException, Is.SameAs(error),
                "Step 4: each failed call carries the behaviour's exception as its inner exception");
        }

        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () => await server.Completion.WaitAsync(cancellationToken),
            "Step 4: a crash in Handle ends the server: Completion fails with that exception");
        Assert.That(thrown, Is.SameAs(error), "Completion fails with the behaviour's very exception");
        Assert.That(server.IsAlive, Is.False, "Step 4: a crashed server is no longer alive");
        Assert.That(probe.Handles, Is.EqualTo(2), "nothing is handled after the crash");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public void A_call_to_a_crashed_server_fails_at_once_with_the_crash_inside(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new Probe());
        var error = new FormatException("earlier crash");
        _ = server.CallAsync(new Crash(error), Timeout);
        Assert.ThrowsAsync<FormatException>(async () => await server.Completion.WaitAsync(cancellationToken),
            "Step 4: a crash in Handle ends the server: Completion fails with that exception");

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await server.CallAsync(new Read(), Timeout, new FakeTimeProvider()).WaitAsync(cancellationToken),
            "Step 4: a call to a crashed server fails at once with ServerExitedException (the fake clock never moves)");

        Assert.That(exited?.InnerException, Is.SameAs(error),
            "Step 4: the ServerExitedException carries the crash as its inner exception");
        Assert.That(exited?.Message, Does.Contain("ended"), "the error says the server ended");
        Assert.That(() => server.Stop(), Throws.Nothing,
            "Step 4: Stop on a crashed server does nothing and does not throw");
    }

    [Test]
    [CancelAfter(10000)]
    [Property("Step", 4)]
    public async Task A_reply_sent_just_before_a_crash_still_answers_its_call(CancellationToken cancellationToken)
    {
        // Repeated, because the race between a reply and the crash right after it goes both ways.
        for (var round = 0; round < 50; round++)
        {
            var server = LoopServer.Start(new Probe(initial: round));
            var answered = server.CallAsync(new Read(), Timeout);
            var crashing = server.CallAsync(new Crash(new InvalidOperationException()), Timeout);

            Assert.That(await answered.WaitAsync(cancellationToken), Is.EqualTo(round), $"round {round}");
            Assert.ThrowsAsync<ServerExitedException>(async () => await crashing.WaitAsync(cancellationToken),
                $"Step 4: the call whose request crashed the server fails with ServerExitedException (round {round})");
        }
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public void A_crash_in_Init_fails_Completion_and_every_call_and_no_request_is_handled(CancellationToken cancellationToken)
    {
        using var gate = new ManualResetEventSlim();
        var error = new ArgumentException("bad init");
        var probe = new Probe(initGate: gate, initCrash: error);
        var server = LoopServer.Start(probe);
        var sentDuringInit = server.CallAsync(new Add(1), Timeout, new FakeTimeProvider());
        gate.Set();

        var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await sentDuringInit.WaitAsync(cancellationToken),
            "Step 4: a call waiting when Init crashes fails with ServerExitedException, before its timeout");
        Assert.That(exited?.InnerException, Is.SameAs(error),
            "Step 4: the ServerExitedException carries Init's exception as its inner exception");
        var thrown = Assert.ThrowsAsync<ArgumentException>(async () => await server.Completion.WaitAsync(cancellationToken),
            "Step 4: a crash in Init ends the server: Completion fails with that exception");
        Assert.That(thrown, Is.SameAs(error), "Step 4: Completion fails with the very exception Init threw");
        Assert.That(probe.Handles, Is.Zero, "Step 4: after Init crashed no request is handled");
        Assert.That(probe.Inits, Is.EqualTo(1), "Step 4: Init runs once, and is not retried after it crashed");
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(3)]
    [Property("Step", 3)]
    public async Task A_call_waits_exactly_its_timeout_and_its_request_is_still_handled(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(2, 60_000));
        var time = new FakeTimeProvider();
        var server = LoopServer.Start(new Probe());
        using var gate = new ManualResetEventSlim();
        var block = Block.Create(gate);

        try
        {
            var calling = server.CallAsync(block, timeout, time);
            await block.Entered.Task.WaitAsync(cancellationToken);
            time.Advance(timeout - TimeSpan.FromMilliseconds(1));
            Assert.That(calling.IsCompleted, Is.False, $"the call gave up before {timeout}");
            time.Advance(TimeSpan.FromMilliseconds(1));

            var timedOut = Assert.ThrowsAsync<TimeoutException>(async () => await calling.WaitAsync(cancellationToken),
                $"Step 3: with no reply, the call fails with TimeoutException once {timeout} has passed");
            Assert.That(timedOut?.Message, Is.Not.Empty, "Step 3: the TimeoutException's message says what happened");
            Assert.That(server.IsAlive, Is.True, "a call that timed out leaves the server running");
        }
        finally
        {
            gate.Set();
        }

        Assert.That(await server.CallAsync(new Read(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(1),
            "the request of the call that timed out was still handled; its late reply is dropped");
        server.Stop();
        await server.Completion.WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task A_reply_in_time_is_not_turned_into_a_timeout_later(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var server = LoopServer.Start(new Probe(initial: 4));

        var reply = await server.CallAsync(new Read(), Timeout, time).WaitAsync(cancellationToken);
        time.Advance(Timeout * 2);

        Assert.That(reply, Is.EqualTo(4),
            "Step 3: a reply that came in time is returned, even when the clock later passes the timeout");
        Assert.That(await server.CallAsync(new Add(1), Timeout, time).WaitAsync(cancellationToken), Is.EqualTo(5),
            "Step 3: the server keeps working after the first call's timeout has passed");
        server.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task An_infinite_timeout_waits_as_long_as_it_takes(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var server = LoopServer.Start(new Probe());
        using var gate = new ManualResetEventSlim();
        var block = Block.Create(gate);

        var calling = server.CallAsync(block, System.Threading.Timeout.InfiniteTimeSpan, time);
        await block.Entered.Task.WaitAsync(cancellationToken);
        time.Advance(TimeSpan.FromDays(365));
        Assert.That(calling.IsCompleted, Is.False, "Timeout.InfiniteTimeSpan never times out (Elixir's :infinity)");
        gate.Set();

        Assert.That(await calling.WaitAsync(cancellationToken), Is.EqualTo(1),
            "Step 4: a call with an infinite timeout gets its reply once the server answers");
        server.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task A_negative_timeout_is_refused_and_nothing_is_sent(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = LoopServer.Start(probe);

        Assert.That(async () => await server.CallAsync(new Add(1), TimeSpan.FromSeconds(-5)).WaitAsync(cancellationToken),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("negative"),
            "the error says what is wrong with the timeout");
        Assert.That(await server.CallAsync(new Read(), Timeout).WaitAsync(cancellationToken), Is.Zero,
            "Step 4: the refused call's Add(1) must never reach the server: the state is still 0");
        Assert.That(probe.Handles, Is.EqualTo(1), "a refused call sends nothing");
        server.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task A_zero_timeout_is_allowed_and_its_request_is_handled(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new Probe());

        try
        {
            await server.CallAsync(new Add(1), TimeSpan.Zero, new FakeTimeProvider()).WaitAsync(cancellationToken);
        }
        catch (TimeoutException)
        {
            // Either outcome is right: a zero timeout gives the server no time, unless it was quicker still.
        }

        Assert.That(await server.CallAsync(new Read(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(1),
            "Step 4: a call with a zero timeout still sends its request, and the server handles it");
        server.Stop();
    }
}
