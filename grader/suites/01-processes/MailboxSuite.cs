using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Processes.Hidden;

public sealed class MailboxSuite
{
    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public async Task A_long_random_sequence_comes_out_in_the_order_it_went_in(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var sent = Enumerable.Range(0, 500).Select(_ => random.Next()).ToList();
        var mailbox = new Mailbox<int>();
        foreach (var message in sent)
        {
            mailbox.Send(message);
        }

        Assert.That(mailbox.Count, Is.EqualTo(sent.Count),
            "Step 1: Count says how many messages wait: every message sent and not yet received");
        var received = new List<int>();
        for (var i = 0; i < sent.Count; i++)
        {
            received.Add(await mailbox.ReceiveAsync(cancellationToken));
        }

        Assert.That(received, Is.EqualTo(sent),
            "Step 1: messages come out in the order they were sent, none lost or repeated");
        Assert.That(mailbox.Count, Is.Zero, "Step 1: Count is zero once every message has been received");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public async Task Concurrent_senders_lose_nothing_and_keep_each_senders_order(CancellationToken cancellationToken)
    {
        const int Senders = 4;
        const int PerSender = 300;
        var mailbox = new Mailbox<(int Sender, int Seq)>();
        using var start = new ManualResetEventSlim();
        var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            start.Wait(cancellationToken);
            for (var i = 0; i < PerSender; i++)
            {
                mailbox.Send((s, i));
            }
        }, cancellationToken)).ToArray();
        start.Set();
        await Task.WhenAll(senders);

        var next = new int[Senders];
        for (var i = 0; i < Senders * PerSender; i++)
        {
            var (sender, seq) = await mailbox.ReceiveAsync(cancellationToken);
            Assert.That(seq, Is.EqualTo(next[sender]), $"messages from sender {sender} arrived out of order");
            next[sender]++;
        }

        Assert.That(next, Is.All.EqualTo(PerSender),
            "Step 1: every message of every concurrent sender is received: Send must be safe from many threads");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public async Task A_cancelled_receive_throws_and_leaves_the_next_message_in_the_mailbox(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<string>();
        using var giveUp = new CancellationTokenSource();
        var receiving = mailbox.ReceiveAsync(giveUp.Token).AsTask();
        await giveUp.CancelAsync();

        Assert.That(async () => await receiving, Throws.InstanceOf<OperationCanceledException>(),
            "Step 1: a receive whose token is cancelled throws OperationCanceledException");
        mailbox.Send("kept");
        Assert.That(mailbox.Count, Is.EqualTo(1),
            "Step 1: a cancelled receive takes nothing: the message sent after it stays in the mailbox");
        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo("kept"),
            "Step 1: the next receive gets the message the cancelled receive did not take");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public async Task A_closed_mailbox_gives_out_what_it_holds_then_refuses(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<int>();
        Assert.That(mailbox.IsClosed, Is.False, "Step 1: a new mailbox is open");
        mailbox.Send(1);
        mailbox.Send(2);
        mailbox.Close();
        mailbox.Close();
        mailbox.Send(3);

        Assert.That(mailbox.IsClosed, Is.True, "Step 1: IsClosed is true after Close (and Close twice does not throw)");
        Assert.That(mailbox.Count, Is.EqualTo(2),
            "Step 1: a message sent after Close is dropped; the two sent before it still wait");
        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo(1),
            "Step 1: messages sent before Close can still be received, oldest first");
        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo(2),
            "Step 1: messages sent before Close can still be received, oldest first");
        Assert.That(async () => await mailbox.ReceiveAsync(cancellationToken),
            Throws.TypeOf<MailboxClosedException>().With.Message.Contains("closed"),
            "Step 1: a receive on a closed, empty mailbox throws the given MailboxClosedException");
        Assert.That(async () => await mailbox.ReceiveAsync(TimeSpan.FromSeconds(1), new FakeTimeProvider()),
            Throws.TypeOf<MailboxClosedException>(),
            "Step 1: a timed receive on a closed, empty mailbox also throws MailboxClosedException, not a timeout");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public void A_receive_waiting_when_the_mailbox_closes_fails_with_MailboxClosedException()
    {
        var mailbox = new Mailbox<int>();
        var receiving = mailbox.ReceiveAsync().AsTask();
        Assert.That(receiving.IsCompleted, Is.False, "Step 1: a receive on an empty mailbox waits for a message");

        mailbox.Close();

        Assert.That(async () => await receiving, Throws.TypeOf<MailboxClosedException>(),
            "Step 1: a receive waiting when the mailbox closes fails with MailboxClosedException, not wait forever");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public async Task A_zero_timeout_polls_a_message_already_waiting(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<int>();
        mailbox.Send(7);

        var received = await mailbox.ReceiveAsync(TimeSpan.Zero, new FakeTimeProvider()).WaitAsync(cancellationToken);

        Assert.That(received.IsTimedOut, Is.False, "after 0 takes a message that is already there");
        Assert.That(received.Message, Is.EqualTo(7), "Step 2: a zero timeout returns the message already waiting");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public async Task A_zero_timeout_on_an_empty_mailbox_times_out_without_time_passing(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<int>();

        var received = await mailbox.ReceiveAsync(TimeSpan.Zero, new FakeTimeProvider()).WaitAsync(cancellationToken);

        Assert.That(received.IsTimedOut, Is.True,
            "Step 2: a zero timeout on an empty mailbox returns TimedOut at once, without time passing");
        Assert.That(received.Message, Is.EqualTo(default(int)),
            "Step 2: a timed-out receive carries no message (the default value)");
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(5)]
    [Property("Step", 2)]
    public async Task A_random_timeout_fires_exactly_when_its_time_has_passed(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(2, 60_000));
        var time = new FakeTimeProvider();
        var mailbox = new Mailbox<int>();

        var receiving = mailbox.ReceiveAsync(timeout, time);
        time.Advance(timeout - TimeSpan.FromMilliseconds(1));
        Assert.That(receiving.IsCompleted, Is.False, $"gave up before {timeout}");
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That((await receiving.WaitAsync(cancellationToken)).IsTimedOut, Is.True,
            $"Step 2: the receive times out once {timeout} has passed on the given TimeProvider");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public async Task A_message_sent_while_a_timed_receive_waits_is_received(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var mailbox = new Mailbox<string>();

        var receiving = mailbox.ReceiveAsync(TimeSpan.FromSeconds(10), time);
        time.Advance(TimeSpan.FromSeconds(9));
        mailbox.Send("just in time");
        var received = await receiving.WaitAsync(cancellationToken);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.That(received.IsTimedOut, Is.False,
            "Step 2: a message sent before the timeout is received, not a timeout");
        Assert.That(received.Message, Is.EqualTo("just in time"),
            "Step 2: the receive returns the message sent while it waited");
        Assert.That(mailbox.Count, Is.Zero,
            "Step 2: the message received by the timed receive is taken out of the mailbox");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public async Task Timed_receives_take_messages_in_order(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var mailbox = new Mailbox<int>();
        mailbox.Send(1);
        mailbox.Send(2);

        var first = await mailbox.ReceiveAsync(TimeSpan.FromSeconds(1), time).WaitAsync(cancellationToken);
        var second = await mailbox.ReceiveAsync(TimeSpan.FromSeconds(1), time).WaitAsync(cancellationToken);
        var third = mailbox.ReceiveAsync(TimeSpan.FromSeconds(1), time);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(new[] { first.Message, second.Message }, Is.EqualTo(new[] { 1, 2 }),
            "Step 2: timed receives take the waiting messages oldest first");
        Assert.That((await third.WaitAsync(cancellationToken)).IsTimedOut, Is.True,
            "Step 2: a timed receive on the emptied mailbox times out when its time has passed");
    }
}
