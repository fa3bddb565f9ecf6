using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Processes.Tests;

/// <summary>Step 2: receive ... after: wait for a message, but not forever.</summary>
public sealed class Step2_Receive_with_a_timeout
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Test]
    [CancelAfter(2000)]
    public async Task A_message_already_waiting_is_received_at_once(CancellationToken cancellationToken)
    {
        var mailbox = new Mailbox<string>();
        mailbox.Send("hello");

        var received = await mailbox.ReceiveAsync(Timeout, new FakeTimeProvider()).WaitAsync(cancellationToken);

        Assert.That(received.IsTimedOut, Is.False,
            "Step 2: a message already waiting is received at once, not reported as a timeout");
        Assert.That(received.Message, Is.EqualTo("hello"),
            "Step 2: the timed receive returns the message that was waiting");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Receive_times_out_when_no_message_arrives(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var mailbox = new Mailbox<string>();

        var receiving = mailbox.ReceiveAsync(Timeout, time);
        time.Advance(Timeout);
        var received = await receiving.WaitAsync(cancellationToken);

        Assert.That(received.IsTimedOut, Is.True,
            "After the timeout has passed on the given TimeProvider, return Received<T>.TimedOut.");
    }

    [Test]
    [CancelAfter(2000)]
    public void Receive_does_not_time_out_early()
    {
        var time = new FakeTimeProvider();
        var mailbox = new Mailbox<string>();

        var receiving = mailbox.ReceiveAsync(Timeout, time);
        time.Advance(Timeout - TimeSpan.FromMilliseconds(1));

        Assert.That(receiving.IsCompleted, Is.False,
            "The receive gave up before its timeout: measure time with the TimeProvider you were given.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_message_arriving_after_a_timeout_waits_for_the_next_receive(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var mailbox = new Mailbox<string>();

        var first = mailbox.ReceiveAsync(Timeout, time);
        time.Advance(Timeout);
        Assert.That((await first.WaitAsync(cancellationToken)).IsTimedOut, Is.True,
            "Step 2: with no message, the first receive times out once its timeout has passed");

        mailbox.Send("late");
        Assert.That(await mailbox.ReceiveAsync(cancellationToken), Is.EqualTo("late"),
            "A receive that timed out must not swallow a message that arrives afterwards.");
    }
}
