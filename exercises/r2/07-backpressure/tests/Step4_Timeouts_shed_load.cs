using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Backpressure.Tests;

/// <summary>
/// Step 4: a producer waits no longer than a time-out, measured on the node's clock (a FakeTimeProvider here,
/// moved by hand), and then sheds the rest of its batch instead of piling it onto a consumer that is behind.
/// </summary>
public sealed class Step4_Timeouts_shed_load
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    [Test]
    [CancelAfter(10_000)]
    public async Task A_batch_the_consumer_keeps_up_with_is_delivered_in_full(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        work.Open();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var report = await Waits.ForAsync(Producer.SendAllAsync(node, consumer, [1, 2, 3, 4, 5], s_timeout), "SendAllAsync to finish", step: 4);

        Assert.That(report.Delivered, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }),
            "Step 4: every item the consumer replied to is reported as delivered, in order (see README, step 4).");
        Assert.That(report.TimedOut, Is.Null, "Step 4: no call timed out (see README, step 4).");
        Assert.That(report.Shed, Is.Empty, "Step 4: nothing was shed (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_call_without_a_reply_in_time_is_reported_and_the_rest_is_shed(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        using var node = Nodes.Start(time);
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var sending = Producer.SendAllAsync(node, consumer, [1, 2, 3], s_timeout);
        await work.StartedAsync(1, step: 4);
        time.Advance(s_timeout - TimeSpan.FromMilliseconds(1));
        Assert.That(sending.IsCompleted, Is.False,
            "Step 4: SendAllAsync gave up before its time-out; pass the timeout to GenServer.CallAsync (see README, step 4).");

        time.Advance(TimeSpan.FromMilliseconds(1));
        var report = await ReportAsync(sending);

        Assert.That(report.Delivered, Is.Empty, "Step 4: the consumer replied to nothing (see README, step 4).");
        Assert.That(report.TimedOut, Is.EqualTo(1), "Step 4: the item whose call timed out is reported as TimedOut (see README, step 4).");
        Assert.That(report.Shed, Is.EqualTo(new[] { 2, 3 }),
            "Step 4: after a time-out, the rest of the batch is shed, not sent, and reported in order (see README, step 4).");
        work.Open();
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task After_a_time_out_nothing_more_is_sent_and_the_item_is_not_retried(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        using var node = Nodes.Start(time);
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var sending = Producer.SendAllAsync(node, consumer, [1, 2, 3], s_timeout);
        await work.StartedAsync(1, step: 4);
        time.Advance(s_timeout);
        await ReportAsync(sending);

        Assert.That(Mailbox.Length(node, consumer), Is.Zero,
            "Step 4: once SendAllAsync has returned, the consumer's mailbox must be empty: the timed-out item is not sent again " +
            "(the consumer still holds it) and the shed items are not sent at all (see README, step 4).");

        work.Open();
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken),
            "the consumer's state (Sys.GetStateAsync)", step: 4);
        Assert.That(handled, Is.EqualTo(new[] { 1 }),
            "Step 4: the timed-out item was still handled, late, once; the shed ones never were (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_late_reply_does_not_disturb_the_next_batch(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        using var node = Nodes.Start(time);
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));
        var first = Producer.SendAllAsync(node, consumer, [1, 2], s_timeout);
        await work.StartedAsync(1, step: 4);
        time.Advance(s_timeout);
        var timedOut = await ReportAsync(first);

        work.Open(); // the consumer finishes item 1 now and replies to a call that has given up
        var next = await ReportAsync(Producer.SendAllAsync(node, consumer, [4, 5], s_timeout));
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken),
            "the consumer's state (Sys.GetStateAsync)", step: 4);

        Assert.That(next.Delivered, Is.EqualTo(new[] { 4, 5 }),
            "Step 4: the next batch gets its own replies, whatever became of the late one (see README, step 4).");
        Assert.That(timedOut.TimedOut, Is.EqualTo(1), "Step 4: the first batch's report still says item 1 timed out (see README, step 4).");
        Assert.That(handled, Is.EqualTo(new[] { 1, 4, 5 }), "Step 4: the consumer handled each item once (see README, step 4).");
    }

    /// <summary>Waits for a report; a time-out is a result to report, so SendAllAsync must not throw one.</summary>
    private static async Task<DeliveryReport> ReportAsync(Task<DeliveryReport> sending)
    {
        try
        {
            return await Waits.ForAsync(sending, "SendAllAsync to return its report after the time-out", step: 4);
        }
        catch (TimeoutException error)
        {
            Assert.Fail($"Step 4: SendAllAsync threw {error.GetType().Name}; a time-out is a result to report in the DeliveryReport, not a crash (see README, step 4).");
            throw;
        }
    }

    [Test]
    public void SendAllAsync_refuses_null_arguments()
    {
        using var node = Nodes.Start();
        var pid = node.CreateInbox().Self;

        Assert.That(async () => await Producer.SendAllAsync(null!, pid, [], s_timeout), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"),
            "Step 4: SendAllAsync checks node, even for an empty batch (see README, step 4).");
        Assert.That(async () => await Producer.SendAllAsync(node, null!, [], s_timeout), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("consumer"),
            "Step 4: SendAllAsync checks consumer, even for an empty batch (see README, step 4).");
        Assert.That(async () => await Producer.SendAllAsync(node, pid, null!, s_timeout), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("items"),
            "Step 4: SendAllAsync checks items (see README, step 4).");
    }
}
