using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace GenServers.Hidden;

[Property("Step", 3)]
public sealed class OrderSuite
{
    [Test]
    [CancelAfter(5000)]
    [Repeat(3)]
    public async Task A_random_mix_of_calls_casts_and_infos_is_handled_in_the_order_it_was_sent(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var server = await GenServer.StartAsync(new Probe(init: () => ["init"])).WaitAsync(cancellationToken);
        var expected = new List<string> { "init" };
        var calls = new List<(Task<ImmutableList<string>> Reply, int Length)>();

        for (var i = 0; i < 300; i++)
        {
            var text = i.ToString(CultureInfo.InvariantCulture);
            switch (random.Next(3))
            {
                case 0:
                    server.Cast(text);
                    expected.Add("cast " + text);
                    break;
                case 1:
                    server.Send(text);
                    expected.Add("info " + text);
                    break;
                default:
                    expected.Add("call " + text);
                    calls.Add((server.CallAsync(text), expected.Count));
                    break;
            }
        }

        var final = await server.CallAsync("end").WaitAsync(cancellationToken);
        expected.Add("call end");

        Assert.That(final, Is.EqualTo(expected), "Step 3: calls, casts and infos must be handled in the order they were sent, through one mailbox");
        foreach (var (reply, length) in calls)
        {
            Assert.That(await reply.WaitAsync(cancellationToken), Is.EqualTo(expected.Take(length)),
                "a call's reply is the state after exactly the messages sent before it");
        }
    }

    [Test]
    [CancelAfter(5000)]
    public async Task The_same_value_goes_to_the_callback_of_the_way_it_was_sent(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Probe()).WaitAsync(cancellationToken);

        server.Send("same");
        server.Cast("same");
        var reply = await server.CallAsync("same").WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(new[] { "info same", "cast same", "call same" }),
            "a message sent with Send goes to HandleInfo even when its type is the call or cast type");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Any_object_can_be_sent_as_info(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Probe()).WaitAsync(cancellationToken);

        server.Send(42);
        server.Send(TimeSpan.FromSeconds(1));
        server.Send(new object[] { 1 });
        var reply = await server.CallAsync("?").WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(new[] { "info 42", "info 00:00:01", "info System.Object[]", "call ?" }),
            "Step 3: Send must accept any object and hand it to HandleInfo as it is");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Concurrent_senders_lose_nothing_and_keep_each_senders_order(CancellationToken cancellationToken)
    {
        const int Senders = 6;
        const int PerSender = 200;
        var server = await GenServer.StartAsync(new Probe()).WaitAsync(cancellationToken);
        using var start = new ManualResetEventSlim();

        var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            start.Wait(cancellationToken);
            for (var i = 0; i < PerSender; i++)
            {
                var text = $"{s}:{i}";
                if (i % 2 == 0)
                {
                    server.Cast(text);
                }
                else
                {
                    server.Send(text);
                }
            }
        }, cancellationToken)).ToArray();
        start.Set();
        await Task.WhenAll(senders).WaitAsync(cancellationToken);
        var log = await server.CallAsync("end").WaitAsync(cancellationToken);

        Assert.That(log, Has.Count.EqualTo(Senders * PerSender + 1),
            "Step 3: every cast and message from the concurrent senders must be handled once, none lost");
        var next = new int[Senders];
        foreach (var entry in log.Take(Senders * PerSender))
        {
            var parts = entry.Split(' ', ':');
            var sender = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var seq = int.Parse(parts[2], CultureInfo.InvariantCulture);
            Assert.That(seq, Is.EqualTo(next[sender]), $"messages from sender {sender} were handled out of order");
            Assert.That(parts[0], Is.EqualTo(seq % 2 == 0 ? "cast" : "info"),
                "Step 3: a cast must go to HandleCast and a message sent with Send to HandleInfo");
            next[sender]++;
        }
    }

    [Test]
    [CancelAfter(5000)]
    public async Task A_cast_returns_before_the_server_handles_it(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = await GenServer.StartAsync(probe).WaitAsync(cancellationToken);
        try
        {
            var blocked = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            await probe.Blocked.WaitAsync(cancellationToken);

            server.Cast("while busy"); // must not wait for the busy server
            server.Send("also while busy");
            Assert.That(probe.Handled, Is.Empty,
                "Step 3: a cast or message must wait in the mailbox while the server is busy, not be handled in the caller");

            probe.OpenGate();
            await blocked.WaitAsync(cancellationToken);
        }
        finally
        {
            probe.OpenGate();
        }

        Assert.That(await server.CallAsync("end").WaitAsync(cancellationToken),
            Is.EqualTo(new[] { "call block", "cast while busy", "info also while busy", "call end" }),
            "Step 3: the cast and message sent while the server was busy must be handled after the busy call, in order");
    }
}
