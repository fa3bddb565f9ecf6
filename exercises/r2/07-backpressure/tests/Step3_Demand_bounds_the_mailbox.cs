using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Backpressure.Tests;

/// <summary>
/// Step 3: the consumer grants credits, the producer sends no more items than it was granted. Before reading a
/// mailbox, the tests make sure the producer has handled every demand already sent to it: a Sys.GetStateAsync is a
/// system message, handled after those.
/// </summary>
public sealed class Step3_Demand_bounds_the_mailbox
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_demand_producer_sends_exactly_as_many_items_as_it_was_asked_for(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var inbox = node.CreateInbox(); // the test plays the consumer
        var source = new CountingSource(100);
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));

        Assert.That(source.Read, Is.Zero, "Step 3: a producer reads nothing from its source before it is asked (see README, step 3).");

        node.Send(producer, new Demand(inbox.Self, 3));
        await ProducerIsIdleAsync(node, producer, cancellationToken);

        Assert.That(Mailbox.Length(node, inbox.Self), Is.EqualTo(3),
            "Step 3: a Demand of 3 gets exactly 3 Delivery messages, sent to Demand.Consumer (see README, step 3).");
        Assert.That(source.Read, Is.EqualTo(3),
            $"Step 3: the producer read {source.Read} items for a demand of 3; read one item per credit, never ahead (see README, step 3).");
        for (var expected = 1; expected <= 3; expected++)
        {
            var delivery = await inbox.ReceiveAsync<Delivery>(cancellationToken: cancellationToken);
            Assert.That(delivery, Is.EqualTo(new Delivery(producer, expected)),
                "Step 3: each Delivery names its producer and carries the next item of the source (see README, step 3).");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Subscribing_grants_the_producer_the_consumer_s_max_demand(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var source = new CountingSource(1000);
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work, maxDemand: 5));
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));

        GenServer.Cast(node, consumer, new Subscribe(producer));
        Assert.That(await work.StartedAsync(1, step: 3), Is.EqualTo(1), "Step 3: the consumer handles the first Delivery (see README, step 3).");
        await ProducerIsIdleAsync(node, producer, cancellationToken);

        Assert.That(source.Read, Is.EqualTo(5),
            $"Step 3: on Subscribe, the consumer sends the producer a Demand of maxDemand (5); the producer read {source.Read} items (see README, step 3).");
        Assert.That(Mailbox.Length(node, consumer), Is.EqualTo(4),
            "Step 3: 5 credits: the consumer holds one item and 4 wait in its mailbox, out of a source of 1000 (see README, step 3).");
        work.Open();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Each_handled_item_earns_the_producer_exactly_one_more_credit(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var source = new CountingSource(1000);
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work, maxDemand: 5));
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));
        GenServer.Cast(node, consumer, new Subscribe(producer));

        for (var n = 1; n <= 20; n++)
        {
            Assert.That(await work.StartedAsync(n, step: 3), Is.EqualTo(n), "Step 3: items arrive in the source's order (see README, step 3).");
            await ProducerIsIdleAsync(node, producer, cancellationToken);

            Assert.That(Mailbox.Length(node, consumer), Is.EqualTo(4),
                $"Step 3: while the consumer handles item {n}, exactly 4 items wait (5 credits, one in hand). Give one credit " +
                "back per item, after its work is done, not when it arrives (see README, step 3).");
            Assert.That(source.Read, Is.EqualTo(n + 4),
                $"Step 3: {n - 1} items handled, so {n - 1} credits back on top of the first 5: the producer should have read {n + 4} (see README, step 3).");
            work.Release(n);
        }

        work.Open();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task With_the_gate_open_every_item_is_handled_once_in_order(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        work.Open();
        var source = new CountingSource(500);
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work, maxDemand: 10));
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));

        GenServer.Cast(node, consumer, new Subscribe(producer));
        await work.StartedAsync(500, step: 3);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken),
            "the consumer's state (Sys.GetStateAsync)", step: 3);

        Assert.That(handled, Is.EqualTo(Enumerable.Range(1, 500)),
            "Step 3: every Delivery is handled and recorded, once, in the source's order (see README, step 3).");
        Assert.That(Mailbox.Length(node, consumer), Is.Zero, "Step 3: nothing is left waiting once the source is done (see README, step 3).");
    }

    /// <summary>A system message is handled after every message already in the producer's mailbox.</summary>
    private static Task ProducerIsIdleAsync(Node node, Pid producer, CancellationToken cancellationToken) =>
        Waits.ForAsync(Sys.GetStateAsync<object>(node, producer, cancellationToken: cancellationToken),
            "the producer to handle the demands sent to it (Sys.GetStateAsync)", step: 3);

    [Test]
    public void A_max_demand_below_one_and_a_null_source_are_refused()
    {
        Assert.That(() => new Consumer(_ => Task.CompletedTask, maxDemand: 0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("maxDemand"),
            "Step 3: a consumer that grants no credit would never get an item: refuse maxDemand below 1 (see README, step 3).");
        Assert.That(() => new Consumer(_ => Task.CompletedTask, maxDemand: 1), Throws.Nothing,
            "Step 3: a max demand of 1 is allowed (see README, step 3).");
        Assert.That(() => new DemandProducer(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("source"),
            "Step 3: a DemandProducer needs a source (see README, step 3).");
    }
}
