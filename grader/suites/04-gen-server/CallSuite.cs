using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace GenServers.Hidden;

[Property("Step", 2)]
public sealed class CallSuite
{
    private static async Task<(Server<string, ImmutableList<string>, string> Server, Probe Probe, FakeTimeProvider Time)> StartAsync(
        CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var probe = new Probe();
        return (await GenServer.StartAsync(probe, time).WaitAsync(cancellationToken), probe, time);
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(5)]
    public async Task A_call_times_out_exactly_at_its_random_timeout_and_the_server_lives_on(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(1, 120_000));
        var (server, probe, time) = await StartAsync(cancellationToken);
        try
        {
            var calling = server.CallAsync("block", timeout);
            time.Advance(timeout - TimeSpan.FromMilliseconds(1));
            Assert.That(calling.IsCompleted, Is.False, $"gave up before {timeout}");
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.That(async () => await calling.WaitAsync(cancellationToken), Throws.TypeOf<TimeoutException>(),
                $"Step 2: the call must fail with TimeoutException once its timeout ({timeout}) has passed on the server's clock");
            Assert.That(server.IsAlive, Is.True, "a timeout is the caller's business: the server goes on");
        }
        finally
        {
            probe.OpenGate();
        }

        Assert.That(await server.CallAsync("next").WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block", "call next" }),
            "Step 2: after a timeout the server must go on: the blocked call was handled, then the next one");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task The_default_timeout_is_five_seconds(CancellationToken cancellationToken)
    {
        var (server, probe, time) = await StartAsync(cancellationToken);
        try
        {
            var calling = server.CallAsync("block", null);
            time.Advance(TimeSpan.FromMilliseconds(4999));
            Assert.That(calling.IsCompleted, Is.False,
                "Step 2: with no timeout given, a call must wait 5 s on the server's TimeProvider: it gave up sooner");
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.That(async () => await calling.WaitAsync(cancellationToken), Throws.TypeOf<TimeoutException>(),
                "Step 2: with no timeout given, a call must fail with TimeoutException after 5 s on the server's TimeProvider");
        }
        finally
        {
            probe.OpenGate();
        }
    }

    [Test]
    [CancelAfter(5000)]
    public async Task A_zero_timeout_to_a_busy_server_times_out_at_once(CancellationToken cancellationToken)
    {
        var (server, probe, _) = await StartAsync(cancellationToken);
        try
        {
            var blocked = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            await probe.Blocked.WaitAsync(cancellationToken);

            Assert.That(async () => await server.CallAsync("now", TimeSpan.Zero).WaitAsync(cancellationToken),
                Throws.TypeOf<TimeoutException>(), "Step 2: a zero timeout to a busy server must fail with TimeoutException at once");
            probe.OpenGate();
            Assert.That(await blocked.WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block" }),
                "Step 2: the blocked call must get its reply once the server is free");
        }
        finally
        {
            probe.OpenGate();
        }

        Assert.That(await server.CallAsync("later").WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block", "call now", "call later" }),
            "the call that timed out was still delivered and handled");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task An_infinite_timeout_waits_for_the_reply_however_long_it_takes(CancellationToken cancellationToken)
    {
        var (server, probe, time) = await StartAsync(cancellationToken);
        try
        {
            var calling = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            time.Advance(TimeSpan.FromDays(3));
            Assert.That(calling.IsCompleted, Is.False, "Step 2: a call with Timeout.InfiniteTimeSpan must never time out");
            probe.OpenGate();
            Assert.That(await calling.WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block" }),
                "Step 2: a call with an infinite timeout must get its reply when the server answers");
        }
        finally
        {
            probe.OpenGate();
        }
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Each_call_keeps_its_own_timeout(CancellationToken cancellationToken)
    {
        var (server, probe, time) = await StartAsync(cancellationToken);
        try
        {
            var shortCall = server.CallAsync("block", TimeSpan.FromSeconds(1));
            var longCall = server.CallAsync("queued", TimeSpan.FromSeconds(3));
            time.Advance(TimeSpan.FromSeconds(1));

            Assert.That(async () => await shortCall.WaitAsync(cancellationToken), Throws.TypeOf<TimeoutException>(),
                "Step 2: the call with a 1 s timeout must fail with TimeoutException after 1 s on the server's clock");
            Assert.That(longCall.IsCompleted, Is.False, "one caller's timeout must not end another's call");
            probe.OpenGate();
            Assert.That(await longCall.WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block", "call queued" }),
                "Step 2: the call with the longer timeout must still get its reply");
        }
        finally
        {
            probe.OpenGate();
        }
    }

    [Test]
    [CancelAfter(5000)]
    public async Task A_reply_that_came_in_time_is_not_turned_into_a_timeout_later(CancellationToken cancellationToken)
    {
        var (server, _, time) = await StartAsync(cancellationToken);

        var reply = await server.CallAsync("quick", TimeSpan.FromSeconds(1)).WaitAsync(cancellationToken);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.That(reply, Is.EqualTo(new[] { "call quick" }), "Step 2: a call answered in time must return HandleCall's reply");
        Assert.That(server.IsAlive, Is.True, "Step 2: the server must keep running after a call answered in time");
        Assert.That(await server.CallAsync("again").WaitAsync(cancellationToken), Has.Count.EqualTo(2),
            "Step 2: the timer of a call answered in time must change nothing: the next call sees both calls");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Many_concurrent_callers_each_get_their_own_reply(CancellationToken cancellationToken)
    {
        var (server, _, _) = await StartAsync(cancellationToken);
        var ids = Enumerable.Range(0, 300).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var replies = await Task.WhenAll(ids.Select(id => Task.Run(() => server.CallAsync(id), cancellationToken)))
            .WaitAsync(cancellationToken);

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.That(replies[i][^1], Is.EqualTo("call " + ids[i]), $"caller {i} got somebody else's reply");
        }

        var everything = await server.CallAsync("end").WaitAsync(cancellationToken);
        Assert.That(everything.Take(ids.Length), Is.EquivalentTo(ids.Select(id => "call " + id)), "each call handled once");
        Assert.That(replies.Select(r => r.Count), Is.Unique, "each call saw the state after one more call than the one before it");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task A_callers_code_after_the_reply_does_not_run_on_the_server(CancellationToken cancellationToken)
    {
        var (server, probe, _) = await StartAsync(cancellationToken);
        var handled = new TaskCompletionSource();
        probe.OnHandled = entry =>
        {
            if (entry == "cast ping")
            {
                handled.TrySetResult();
            }
        };

        bool sawIt;
        try
        {
            var blocked = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            // The blocked call holds the server, so the caller below is surely awaiting before its reply is sent.
            var continuation = server.CallAsync("x", Timeout.InfiniteTimeSpan).ContinueWith(
                _ =>
                {
                    GlobalQueue.Post(() => server.Cast("ping"));
                    return handled.Task.Wait(TimeSpan.FromSeconds(5));
                },
                cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            probe.OpenGate();
            sawIt = await continuation.WaitAsync(cancellationToken);
            await blocked.WaitAsync(cancellationToken);
        }
        finally
        {
            probe.OpenGate();
        }

        Assert.That(sawIt, Is.True, "the caller's continuation ran on the server's loop and blocked it");
    }
}
