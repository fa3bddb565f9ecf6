using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Backpressure.Hidden;

/// <summary>Step 4 beyond the visible tests: random batches and time-outs, repeated time-outs, failures that are not time-outs.</summary>
[Property("Step", 4)]
public sealed class TimeoutSuite
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_random_batch_times_out_exactly_at_its_time_out(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(1, 10_000));
        var batch = Enumerable.Range(1, random.Next(1, 30)).Select(_ => random.Next(1, 1000)).ToArray();
        var time = new FakeTimeProvider();
        using var node = Nodes.Start(time);
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var sending = Producer.SendAllAsync(node, consumer, batch, timeout);
        await work.StartedAsync(1, step: 4);
        time.Advance(timeout - TimeSpan.FromTicks(1));
        Assert.That(sending.IsCompleted, Is.False, $"Not before {timeout}.");
        time.Advance(TimeSpan.FromTicks(1));
        var report = await Waits.ForAsync(sending, "the report", step: 4);

        Assert.That(report.Delivered, Is.Empty, "Step 4: the first call timed out, so nothing is reported delivered.");
        Assert.That(report.TimedOut, Is.EqualTo(batch[0]), "Step 4: the item whose call timed out is reported as TimedOut.");
        Assert.That(report.Shed, Is.EqualTo(batch.Skip(1)), "The rest of the batch, in order.");
        Assert.That(Mailbox.Length(node, consumer), Is.Zero, "Nothing more sent.");
        work.Open();
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Random_batches_the_consumer_keeps_up_with_are_delivered_in_full(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));
        var all = ImmutableList<int>.Empty;
        for (var round = 0; round < 5; round++)
        {
            var batch = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next()).ToArray();
            var report = await Waits.ForAsync(Producer.SendAllAsync(node, consumer, batch, TimeSpan.FromSeconds(1)), "the report", step: 4);

            Assert.That(report.Delivered, Is.EqualTo(batch), $"Round {round}.");
            Assert.That(report.TimedOut, Is.Null, $"Step 4: round {round}: a batch delivered in full has no TimedOut item.");
            Assert.That(report.Shed, Is.Empty, $"Step 4: round {round}: a batch delivered in full sheds nothing.");
            all = all.AddRange(batch);
        }

        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 4);
        Assert.That(handled, Is.EqualTo(all), "Step 4: the consumer handled every item of every batch once, in order.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Repeated_time_outs_never_send_an_item_twice(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var time = new FakeTimeProvider();
        using var node = Nodes.Start(time);
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));
        var rounds = random.Next(2, 8);
        for (var round = 1; round <= rounds; round++)
        {
            var sending = Producer.SendAllAsync(node, consumer, [round * 10, (round * 10) + 1], TimeSpan.FromSeconds(2));
            await work.StartedAsync(round, step: 4);
            time.Advance(TimeSpan.FromSeconds(2));
            var report = await Waits.ForAsync(sending, "the report", step: 4);

            Assert.That(report.TimedOut, Is.EqualTo(round * 10), $"Round {round}.");
            Assert.That(report.Shed, Is.EqualTo(new[] { (round * 10) + 1 }), $"Step 4: round {round}: after the time-out, the rest of the batch is reported as Shed.");
            Assert.That(Mailbox.Length(node, consumer), Is.Zero, $"Round {round}: the timed-out item is in the consumer's hands, nothing waits.");
            work.Release(round); // the late reply goes to a call that has ended
        }

        work.Open();
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken), "the consumer's state", step: 4);
        Assert.That(handled, Is.EqualTo(Enumerable.Range(1, rounds).Select(r => r * 10)), "Each timed-out item handled once, late; no shed item handled.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_empty_batch_sends_nothing(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var report = await Waits.ForAsync(Producer.SendAllAsync(node, consumer, [], TimeSpan.FromSeconds(1)), "the report", step: 4);

        Assert.That(report.Delivered, Is.Empty, "Step 4: an empty batch delivers nothing.");
        Assert.That(report.TimedOut, Is.Null, "Step 4: an empty batch has no TimedOut item.");
        Assert.That(report.Shed, Is.Empty, "Step 4: an empty batch sheds nothing.");
        Assert.That(work.Starts, Is.Zero, "Step 4: an empty batch sends the consumer nothing to work on.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_dead_consumer_is_an_error_not_a_time_out(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(_ => Task.CompletedTask));
        await GenServer.StopAsync(node, consumer, cancellationToken: cancellationToken);

        Assert.That(async () => await Producer.SendAllAsync(node, consumer, [1, 2], TimeSpan.FromSeconds(1)), Throws.TypeOf<NoProcessException>(),
            "Only a time-out is shed and reported; a consumer that is gone is a failure the caller must see.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_consumer_that_crashes_on_an_item_is_an_error_not_a_time_out(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var consumer = await GenServer.StartAsync(node, new Consumer(v => v == 2 ? throw new InvalidOperationException("bad item") : Task.CompletedTask));

        Assert.That(async () => await Producer.SendAllAsync(node, consumer, [1, 2, 3], TimeSpan.FromSeconds(1)), Throws.TypeOf<ProcessExitedException>(), "Step 4: a consumer that crashes is a failure the caller sees (ProcessExitedException), not a time-out to report.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_infinite_time_out_waits_as_long_as_the_consumer_takes(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        using var node = Nodes.Start(time);
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var sending = Producer.SendAllAsync(node, consumer, [1, 2], Timeout.InfiniteTimeSpan);
        await work.StartedAsync(1, step: 4);
        time.Advance(TimeSpan.FromDays(1));
        Assert.That(sending.IsCompleted, Is.False, "Step 4: with an infinite time-out, SendAllAsync waits for the reply, however long the consumer takes.");
        work.Open();
        var report = await Waits.ForAsync(sending, "the report", step: 4);

        Assert.That(report.Delivered, Is.EqualTo(new[] { 1, 2 }), "Step 4: once the consumer finishes, both items are reported delivered, in order.");
    }

    [Test]
    public void SendAllAsync_refuses_null_arguments()
    {
        using var node = Nodes.Start();
        var pid = node.CreateInbox().Self;
        var second = TimeSpan.FromSeconds(1);

        Assert.That(async () => await Producer.SendAllAsync(null!, pid, [], second), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"), "Step 4: SendAllAsync refuses a null node with ArgumentNullException naming \"node\".");
        Assert.That(async () => await Producer.SendAllAsync(node, null!, [], second), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("consumer"), "Step 4: SendAllAsync refuses a null consumer with ArgumentNullException naming \"consumer\".");
        Assert.That(async () => await Producer.SendAllAsync(node, pid, null!, second), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("items"), "Step 4: SendAllAsync refuses null items with ArgumentNullException naming \"items\".");
    }
}
