using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Processes.Tests;

/// <summary>Step 1: a mailbox holds messages in order until they are received.</summary>
public sealed class Step1_A_mailbox
{
    [Test]
    [CancelAfter(2000)]
    public async Task Messages_are_received_in_the_order_they_were_sent(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<string>();
        mailbox.Send("first");
        mailbox.Send("second");
        mailbox.Send("third");

        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo("first"), "Receive takes the oldest message first.");
        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo("second"),
            "Step 1: receives take the messages in the order they were sent");
        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo("third"),
            "Step 1: receives take the messages in the order they were sent");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Count_tells_how_many_messages_are_waiting(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<int>();
        Assert.That(mailbox.Count, Is.Zero, "A new mailbox is empty.");

        mailbox.Send(1);
        mailbox.Send(2);
        Assert.That(mailbox.Count, Is.EqualTo(2), "Each Send adds one waiting message.");

        await mailbox.ReceiveAsync(cancellationToken);
        Assert.That(mailbox.Count, Is.EqualTo(1), "Each receive takes one message out.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Receive_waits_until_a_message_is_sent(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<int>();

        var receiving = mailbox.ReceiveAsync(cancellationToken).AsTask();
        Assert.That(receiving.IsCompleted, Is.False, "With no message in the mailbox, ReceiveAsync must wait, not return.");

        mailbox.Send(42);
        Assert.That(await receiving, Is.EqualTo(42), "The waiting receive gets the message as soon as it is sent.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Messages_sent_before_Close_can_still_be_received(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<int>();
        mailbox.Send(1);
        mailbox.Close();
        mailbox.Send(2);

        Assert.That(mailbox.IsClosed, Is.True, "Step 1: IsClosed is true once Close has been called");
        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo(1), "Close keeps the messages already sent.");
        Assert.That(mailbox.Count, Is.Zero, "A message sent after Close is dropped, as a message to a dead process is.");
    }

    [Test]
    [CancelAfter(2000)]
    public void Receive_on_a_closed_empty_mailbox_fails_with_MailboxClosedException(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<int>();
        mailbox.Close();

        Assert.That(
            async () => await mailbox.ReceiveAsync(cancellationToken),
            Throws.TypeOf<MailboxClosedException>().With.Message.Contains("closed"),
            "No message will ever come, so waiting would hang forever: throw MailboxClosedException instead " +
            "(the given one, whose message says the mailbox is closed; see README, step 1).");
    }
}
