using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Backpressure.Hidden;

/// <summary>Step 3 beyond the visible tests: random demands, sources that run out, two producers, stray messages.</summary>
[Property("Step", 3)]
public sealed class DemandSuite
{
    [Test]
    [CancelAfter(30_000)]
    public async Task The_mailbox_holds_max_demand_minus_one_for_any_max_demand(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var maxDemand = random.Next(1, 20);
        var total = random.Next(maxDemand + 1, 80);
        using var node = Nodes.Start();
        var work = new SlowWork();
        var source = new CountingSource(total);
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work, maxDemand));
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));
        GenServer.Cast(node, consumer, new Subscribe(producer));

        for (var n = 1; n <= total; n++)
        {
            Assert.That(await work.StartedAsync(n, step: 3), Is.EqualTo(n), "Step 3: the consumer handles the source's items in the source's order, each once.");
            await IdleAsync(node, producer, cancellationToken);
            var expected = System.Math.Min(maxDemand, total - n + 1) - 1;
            Assert.That(Mailbox.Length(node, consumer), Is.EqualTo(expected), $"max demand {maxDemand}, item {n} of {total} in hand.");
            Assert.That(source.Read, Is.EqualTo(System.Math.Min(total, n + maxDemand - 1)), $"max demand {maxDemand}: read exactly what was asked for.");
            work.Release(n);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_producer_sends_what_its_source_has_and_then_nothing(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();
        var producer = await GenServer.StartAsync(node, new DemandProducer([7, 8]));

        node.Send(producer, new Demand(inbox.Self, 5));
        node.Send(producer, new Demand(inbox.Self, 3));
        await IdleAsync(node, producer, cancellationToken);

        Assert.That(Mailbox.Length(node, inbox.Self), Is.EqualTo(2), "Two items in the source: two deliveries, whatever the demand.");
        Assert.That(await inbox.ReceiveAsync(cancellationToken), Is.EqualTo(new Delivery(producer, 7)), "Step 3: the first delivery is Delivery(producer, 7), the source's first item.");
        Assert.That(await inbox.ReceiveAsync(cancellationToken), Is.EqualTo(new Delivery(producer, 8)), "Step 3: the second delivery is Delivery(producer, 8), in the source's order.");
        Assert.That(node.IsAlive(producer), Is.True, "A source that runs out does not stop the producer.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_demand_of_zero_or_less_sends_nothing(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();
        var source = new CountingSource(10);
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));

        node.Send(producer, new Demand(inbox.Self, 0));
        node.Send(producer, new Demand(inbox.Self, -2));
        node.Send(producer, new Demand(inbox.Self, 1));
        await IdleAsync(node, producer, cancellationToken);

        Assert.That(Mailbox.Length(node, inbox.Self), Is.EqualTo(1), "Step 3: demands of zero or less send nothing; a demand of 1 sends exactly one delivery.");
        Assert.That(source.Read, Is.EqualTo(1), "Step 3: demands of zero or less read nothing from the source.");
        Assert.That(await inbox.ReceiveAsync(cancellationToken), Is.EqualTo(new Delivery(producer, 1)), "Step 3: the one delivery carries the source's first item.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Random_demands_get_exactly_their_items_in_the_source_s_order(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();
        var source = new CountingSource(200);
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));
        var next = 1;
        for (var round = 0; round < 10; round++)
        {
            var count = random.Next(1, 15);
            node.Send(producer, new Demand(inbox.Self, count));
            await IdleAsync(node, producer, cancellationToken);

            Assert.That(Mailbox.Length(node, inbox.Self), Is.EqualTo(count), $"Round {round}: a demand of {count}.");
            for (var i = 0; i < count; i++)
            {
                Assert.That(await inbox.ReceiveAsync(cancellationToken), Is.EqualTo(new Delivery(producer, next++)), $"Step 3: round {round}: deliveries come in the source's order, none skipped or repeated.");
            }

            Assert.That(source.Read, Is.EqualTo(next - 1), "Never read ahead.");
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Two_producers_on_one_consumer_get_max_demand_credits_each(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work, maxDemand: 3));
        var first = await GenServer.StartAsync(node, new DemandProducer(Enumerable.Range(1000, 30)));
        var second = await GenServer.StartAsync(node, new DemandProducer(Enumerable.Range(2000, 30)));
        GenServer.Cast(node, consumer, new Subscribe(first));
        GenServer.Cast(node, consumer, new Subscribe(second));

        for (var n = 1; n <= 20; n++)
        {
            await work.StartedAsync(n, step: 3);
            await IdleAsync(node, first, cancellationToken);
            await IdleAsync(node, second, cancellationToken);
            Assert.That(Mailbox.Length(node, consumer), Is.EqualTo(5), $"Item number {n}: 3 credits for each producer, one item in hand.");
            work.Release(n);
        }

        work.Open();
        await work.StartedAsync(60, step: 3);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 3);
        Assert.That(handled.Where(v => v < 2000), Is.EqualTo(Enumerable.Range(1000, 30)), "Each credit goes back to the producer the item came from.");
        Assert.That(handled.Where(v => v >= 2000), Is.EqualTo(Enumerable.Range(2000, 30)), "Step 3: each credit goes back to the producer the item came from, so the second one's items all come, in order.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stray_messages_change_neither_the_producer_nor_the_consumer(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();
        var work = new SlowWork();
        work.Open();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));
        var producer = await GenServer.StartAsync(node, new DemandProducer([1, 2, 3]));

        node.Send(producer, "stray");
        node.Send(consumer, "stray");
        node.Send(consumer, new Item(9)); // an Item sent as a plain message is not a Delivery
        node.Send(producer, new Demand(inbox.Self, 1));
        await IdleAsync(node, producer, cancellationToken);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 3);

        Assert.That(await inbox.ReceiveAsync(cancellationToken), Is.EqualTo(new Delivery(producer, 1)), "Step 3: a stray message is ignored: the producer still answers the demand with the first item.");
        Assert.That(handled, Is.Empty, "Only a Delivery is handled as an item among the plain messages.");
        Assert.That(node.IsAlive(consumer) && node.IsAlive(producer), Is.True, "Step 3: stray messages stop neither the consumer nor the producer: HandleInfo ignores what it does not know.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Subscribing_to_a_dead_producer_leaves_the_consumer_running(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));
        var producer = await GenServer.StartAsync(node, new DemandProducer([1]));
        await GenServer.StopAsync(node, producer, cancellationToken: cancellationToken);

        GenServer.Cast(node, consumer, new Subscribe(producer));
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 3);

        Assert.That(handled, Is.Empty, "Step 3: subscribing to a dead producer handles nothing.");
        Assert.That(node.IsAlive(consumer), Is.True, "A message to a dead process is dropped.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_producer_closes_its_source(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var source = new ClosableSource();
        var producer = await GenServer.StartAsync(node, new DemandProducer(source));
        var inbox = node.CreateInbox();
        node.Send(producer, new Demand(inbox.Self, 1));

        await GenServer.StopAsync(node, producer, cancellationToken: cancellationToken);

        Assert.That(source.Closed, Is.True, "Terminate disposes the source's enumerator.");
    }

    [Test]
    public void A_producer_refuses_a_null_source()
    {
        Assert.That(() => new DemandProducer(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("source"), "Step 3: new DemandProducer(null) throws ArgumentNullException naming \"source\".");
    }

    private static Task IdleAsync(Node node, Pid producer, CancellationToken cancellationToken) =>
        Waits.ForAsync(Sys.GetStateAsync<object>(node, producer, cancellationToken: cancellationToken), "the producer to handle its demands", step: 3);

    private sealed class ClosableSource : IEnumerable<int>
    {
        public bool Closed { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                for (var i = 1; ; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                Closed = true;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
