using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Backpressure.Tests;

/// <summary>Step 2: a producer that calls waits for each reply, so it can never run ahead of its consumer.</summary>
public sealed class Step2_Calls_make_the_producer_wait
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_producer_that_calls_reads_its_next_item_only_after_the_reply(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));
        var source = new CountingSource(100);

        var calling = Producer.CallAllAsync(node, consumer, source);
        await work.StartedAsync(1, step: 2);

        Assert.That(calling.IsCompleted, Is.False,
            "Step 2: CallAllAsync finished while the consumer still holds the first item: await each call's reply (see README, step 2).");
        Assert.That(source.Read, Is.EqualTo(1),
            $"Step 2: the producer read {source.Read} items while the first was not handled; read the next item only after the reply (see README, step 2).");
        Assert.That(Mailbox.Length(node, consumer), Is.Zero,
            "Step 2: the consumer holds the only item sent, so nothing waits in its mailbox (see README, step 2).");

        work.Release(1);
        Assert.That(await work.StartedAsync(2, step: 2), Is.EqualTo(2), "Step 2: the second item follows the first (see README, step 2).");

        Assert.That(source.Read, Is.EqualTo(2),
            "Step 2: one reply, one more item read from the source (see README, step 2).");
        Assert.That(Mailbox.Length(node, consumer), Is.Zero,
            "Step 2: a calling producer never has a second item waiting behind the one being handled (see README, step 2).");
        work.Open();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task CallAllAsync_returns_the_number_delivered_once_the_consumer_has_handled_them_all(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        work.Open();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var delivered = await Waits.ForAsync(Producer.CallAllAsync(node, consumer, Enumerable.Range(1, 50)), "CallAllAsync to finish", step: 2);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken),
            "the consumer's state (Sys.GetStateAsync)", step: 2);

        Assert.That(delivered, Is.EqualTo(50), "Step 2: CallAllAsync returns how many items the consumer replied to (see README, step 2).");
        Assert.That(handled, Is.EqualTo(Enumerable.Range(1, 50)),
            "Step 2: when CallAllAsync returns, every item has been handled, once, in order; HandleCallAsync records each (see README, step 2).");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Three_calling_producers_never_have_more_than_one_item_each_in_the_queue(CancellationToken cancellationToken)
    {
        const int producers = 3;
        const int each = 20;
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var calling = Enumerable.Range(1, producers)
            .Select(p => Producer.CallAllAsync(node, consumer, Enumerable.Range((p * 1000) + 1, each)))
            .ToArray();

        for (var n = 1; n <= producers * each; n++)
        {
            await work.StartedAsync(n, step: 2);
            var waiting = Mailbox.Length(node, consumer);
            Assert.That(waiting, Is.LessThanOrEqualTo(producers - 1),
                $"Step 2: while the consumer handled item number {n}, {waiting} messages waited in its mailbox; each of the " +
                $"{producers} producers waits for its reply, so at most one item per producer is ever sent, and the consumer holds one (see README, step 2).");
            work.Release(n);
        }

        var delivered = await Waits.ForAsync(Task.WhenAll(calling), "the three producers to finish", step: 2);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken),
            "the consumer's state (Sys.GetStateAsync)", step: 2);

        Assert.That(delivered, Is.All.EqualTo(each), "Step 2: every producer delivered all its items (see README, step 2).");
        for (var p = 1; p <= producers; p++)
        {
            var first = (p * 1000) + 1;
            Assert.That(handled.Where(v => v >= first && v < first + each), Is.EqualTo(Enumerable.Range(first, each)),
                $"Step 2: producer {p}'s items were each handled once, in the order it sent them (see README, step 2).");
        }
    }

    [Test]
    public void CallAllAsync_refuses_null_arguments()
    {
        using var node = Nodes.Start();
        var pid = node.CreateInbox().Self;

        Assert.That(async () => await Producer.CallAllAsync(null!, pid, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"),
            "Step 2: CallAllAsync checks node, even for an empty batch (see README, step 2).");
        Assert.That(async () => await Producer.CallAllAsync(node, null!, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("consumer"),
            "Step 2: CallAllAsync checks consumer, even for an empty batch (see README, step 2).");
        Assert.That(async () => await Producer.CallAllAsync(node, pid, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("items"),
            "Step 2: CallAllAsync checks items (see README, step 2).");
    }
}
