using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Backpressure.Hidden;

/// <summary>Step 1 beyond the visible tests: the mailbox's length in every state, floods of random sizes, bad arguments.</summary>
public sealed class MailboxAndFloodSuite
{
    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public void A_process_that_was_sent_nothing_has_an_empty_mailbox()
    {
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();

        Assert.That(Mailbox.Length(node, inbox.Self), Is.Zero, "Nothing sent, nothing waiting (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task The_length_follows_random_sends_and_receives(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();
        var waiting = 0;
        for (var round = 0; round < 20; round++)
        {
            var sends = random.Next(0, 50);
            for (var i = 0; i < sends; i++)
            {
                node.Send(inbox.Self, i);
            }

            waiting += sends;
            var receives = random.Next(0, waiting + 1);
            for (var i = 0; i < receives; i++)
            {
                await inbox.ReceiveAsync(cancellationToken);
            }

            waiting -= receives;
            Assert.That(Mailbox.Length(node, inbox.Self), Is.EqualTo(waiting),
                $"Round {round}: {waiting} messages wait; read the runtime's count each time (see README, step 1).");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_killed_process_has_no_mailbox_to_measure(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var victim = node.Spawn(async ctx => await ctx.ReceiveAsync(CancellationToken.None));
        node.Send(victim, "waiting");
        node.Exit(victim, ExitReason.Kill);
        await node.WaitForExitAsync(victim, cancellationToken);

        Assert.That(() => Mailbox.Length(node, victim), Throws.TypeOf<NoProcessException>(),
            "A dead process: NoProcessException, not its last count (see README, step 1).");
    }

    [Test]
    [Property("Step", 1)]
    public void Mailbox_length_refuses_a_null_node()
    {
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();

        Assert.That(() => Mailbox.Length(null!, inbox.Self), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"), "Step 1: Mailbox.Length refuses a null node with ArgumentNullException naming \"node\".");
    }

    [Test]
    [CancelAfter(20_000)]
    [Property("Step", 1)]
    public async Task A_flood_of_random_size_leaves_all_but_the_first_item_waiting(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var count = random.Next(1, 5000);
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var sent = Producer.Flood(node, consumer, Enumerable.Range(1, count));
        await work.StartedAsync(1, step: 1);

        Assert.That(sent, Is.EqualTo(count), "Flood returns how many it cast.");
        Assert.That(Mailbox.Length(node, consumer), Is.EqualTo(count - 1), $"{count} cast, one in hand: {count - 1} wait.");

        work.Open();
        await work.StartedAsync(count, step: 1);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 1);
        Assert.That(handled, Is.EqualTo(Enumerable.Range(1, count)), "Every cast handled once, in order.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_flood_of_nothing_sends_nothing(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        Assert.That(Producer.Flood(node, consumer, []), Is.Zero, "An empty flood casts nothing.");
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 1);
        Assert.That(handled, Is.Empty, "A consumer starts with nothing handled.");
        Assert.That(work.Starts, Is.Zero, "Step 1: an empty flood starts no work in the consumer.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_flood_to_a_dead_consumer_is_dropped_without_an_error(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));
        await GenServer.StopAsync(node, consumer, cancellationToken: cancellationToken);

        Assert.That(Producer.Flood(node, consumer, Enumerable.Range(1, 10)), Is.EqualTo(10),
            "A cast always succeeds, even to a dead process: that is part of why casts give no backpressure.");
    }

    [Test]
    [CancelAfter(20_000)]
    [Property("Step", 1)]
    public async Task Floods_from_several_producers_keep_each_producer_s_order(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        using var node = Nodes.Start();
        var work = new SlowWork();
        work.Open();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));
        var producers = random.Next(2, 6);
        var each = random.Next(1, 300);

        await Task.WhenAll(Enumerable.Range(1, producers).Select(p => Task.Run(() => Producer.Flood(node, consumer, Enumerable.Range(p * 1000, each)), cancellationToken)));
        await work.StartedAsync(producers * each, step: 1);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 1);

        Assert.That(handled, Has.Count.EqualTo(producers * each), "Step 1: every cast of every producer is handled, once.");
        for (var p = 1; p <= producers; p++)
        {
            Assert.That(handled.Where(v => v / 1000 == p), Is.EqualTo(Enumerable.Range(p * 1000, each)), $"Producer {p}'s casts arrive in the order sent.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task An_unknown_cast_stops_the_consumer_as_a_GenServer_does(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));
        var inbox = node.CreateInbox();
        var monitor = inbox.Monitor(consumer);

        GenServer.Cast(node, consumer, "what is this?");
        var down = await Waits.ForAsync(inbox.ReceiveAsync<DownMessage>(d => d.Ref == monitor, cancellationToken: cancellationToken).AsTask(),
            "the consumer to stop on a bad cast", step: 1);

        Assert.That(down!.Reason.ToString(), Does.Contain("bad_cast"), "Other casts go to the base class, which stops with bad_cast.");
    }

    [Test]
    [Property("Step", 1)]
    public void Flood_refuses_null_arguments()
    {
        using var node = Nodes.Start();
        var pid = node.CreateInbox().Self;

        Assert.That(() => Producer.Flood(null!, pid, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"), "Step 1: Flood refuses a null node with ArgumentNullException naming \"node\", even with nothing to send.");
        Assert.That(() => Producer.Flood(node, null!, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("consumer"), "Step 1: Flood refuses a null consumer with ArgumentNullException naming \"consumer\", even with nothing to send.");
        Assert.That(() => Producer.Flood(node, pid, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("items"), "Step 1: Flood refuses null items with ArgumentNullException naming \"items\".");
    }

    [Test]
    [Property("Step", 3)]
    public void A_consumer_refuses_a_max_demand_below_one_and_a_null_work()
    {
        Assert.That(() => new Consumer(_ => Task.CompletedTask, 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("maxDemand"), "Step 3: new Consumer(work, 0) throws ArgumentOutOfRangeException naming \"maxDemand\".");
        Assert.That(() => new Consumer(_ => Task.CompletedTask, -3), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 3: a negative max demand is refused with ArgumentOutOfRangeException.");
        Assert.That(() => new Consumer(_ => Task.CompletedTask, 1), Throws.Nothing, "A max demand of 1 is the smallest allowed.");
        Assert.That(() => new Consumer(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("work"), "Step 3: new Consumer(null) throws ArgumentNullException naming \"work\".");
    }
}
