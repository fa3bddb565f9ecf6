using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Backpressure.Hidden;

/// <summary>Step 2 beyond the visible tests: many producers at random, replies, failures, bad arguments.</summary>
[Property("Step", 2)]
public sealed class CallSuite
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Any_number_of_calling_producers_keep_at_most_one_item_each_in_the_queue(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var producers = random.Next(1, 7);
        var each = random.Next(1, 15);
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));
        var sources = Enumerable.Range(1, producers).Select(_ => new CountingSource(each)).ToArray();

        var calling = sources.Select(s => Producer.CallAllAsync(node, consumer, s)).ToArray();
        for (var n = 1; n <= producers * each; n++)
        {
            await work.StartedAsync(n, step: 2);
            Assert.That(Mailbox.Length(node, consumer), Is.LessThanOrEqualTo(producers - 1), $"Item number {n}: at most one waiting per other producer.");
            Assert.That(sources.Sum(s => s.Read), Is.LessThanOrEqualTo(n + producers - 1), $"Item number {n}: no producer reads ahead of its reply.");
            work.Release(n);
        }

        var delivered = await Waits.ForAsync(Task.WhenAll(calling), "the producers to finish", step: 2);
        Assert.That(delivered, Is.All.EqualTo(each), "Step 2: CallAllAsync returns how many items it delivered: every item of its source.");
        Assert.That(sources.Select(s => s.Read), Is.All.EqualTo(each), "Step 2: each producer reads its whole source, one item per reply.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_call_replies_with_the_item_s_value(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));

        var reply = await Waits.ForAsync(GenServer.CallAsync<int>(node, consumer, new Item(42), cancellationToken: cancellationToken), "the reply", step: 2);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 2);

        Assert.That(reply, Is.EqualTo(42), "The reply to an Item call is its value (see README, step 2).");
        Assert.That(handled, Is.EqualTo(new[] { 42 }), "Step 2: the consumer's state holds the value of the Item it handled.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_unknown_call_stops_the_consumer_as_a_GenServer_does(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));

        var error = Assert.ThrowsAsync<ProcessExitedException>(async () => await GenServer.CallAsync<int>(node, consumer, "what is this?", cancellationToken: cancellationToken), "Step 2: a call HandleCall does not know goes to base.HandleCall, which stops the consumer.");

        Assert.That(error?.Reason.ToString(), Does.Contain("bad_call"), "Other calls go to the base class, which stops with bad_call.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Calling_nothing_delivers_nothing(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        Assert.That(await Waits.ForAsync(Producer.CallAllAsync(node, consumer, []), "CallAllAsync", step: 2), Is.Zero, "Step 2: CallAllAsync with no items delivers nothing and returns 0.");
        Assert.That(work.Starts, Is.Zero, "Step 2: with no items, the consumer does no work.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Calling_a_dead_consumer_fails_with_NoProcessException(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));
        await GenServer.StopAsync(node, consumer, cancellationToken: cancellationToken);

        Assert.That(async () => await Producer.CallAllAsync(node, consumer, [1, 2]), Throws.TypeOf<NoProcessException>(),
            "Unlike a cast, a call tells the producer that nobody is there.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_call_waits_five_seconds_by_default_on_the_node_s_clock(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        using var node = Nodes.Start(time);
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var calling = Producer.CallAllAsync(node, consumer, [1, 2]);
        await work.StartedAsync(1, step: 2);
        time.Advance(GenServer.DefaultCallTimeout);

        Assert.That(async () => await calling.WaitAsync(Waits.Limit, cancellationToken), Throws.TypeOf<CallTimeoutException>(), "Step 2: CallAllAsync uses the default call timeout, on the node's clock: it fails with CallTimeoutException.");
        work.Open();
    }

    [Test]
    public void CallAllAsync_refuses_null_arguments()
    {
        using var node = Nodes.Start();
        var pid = node.CreateInbox().Self;

        Assert.That(async () => await Producer.CallAllAsync(null!, pid, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"), "Step 2: CallAllAsync refuses a null node with ArgumentNullException naming \"node\".");
        Assert.That(async () => await Producer.CallAllAsync(node, null!, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("consumer"), "Step 2: CallAllAsync refuses a null consumer with ArgumentNullException naming \"consumer\".");
        Assert.That(async () => await Producer.CallAllAsync(node, pid, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("items"), "Step 2: CallAllAsync refuses null items with ArgumentNullException naming \"items\".");
    }
}
