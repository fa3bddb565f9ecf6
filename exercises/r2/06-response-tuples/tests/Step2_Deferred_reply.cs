using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace ResponseTuples.Tests;

/// <summary>Step 2: noreply now, reply later through the kept <c>From</c>.</summary>
public sealed class Step2_Deferred_reply
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_with_nothing_unread_waits_for_the_next_message()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 2);

        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        var waiting = await Waiting.For(Session.StatusAsync(test.Node, session), 2, "the reply to StatusAsync, sent after a poll");
        Assert.That(waiting.PollWaiting, Is.True,
            "Step 2: a poll with nothing unread returns NoReply and keeps its From in the state (Poller), so Status " +
            $"shows PollWaiting; got {waiting} (see README, step 2).");

        var number = await Waiting.For(Session.DeliverAsync(test.Node, session, "hi"), 2, "the reply to DeliverAsync while a poll waits");
        var messages = await Waiting.For(poll, 2, "the waiting poll to be answered by the next DeliverAsync (GenServer.Reply on the kept From)");
        var after = await Waiting.For(Session.StatusAsync(test.Node, session), 2, "the reply to StatusAsync");

        Assert.That(messages, Is.EqualTo(new[] { "hi" }),
            "Step 2: the waiting poll gets the next message, and only that one (see README, step 2).");
        Assert.That(number, Is.EqualTo(1L), "Step 2: DeliverAsync still replies with the sequence number (see README, step 2).");
        Assert.That(after, Is.EqualTo(new SessionStatus("ada", Delivered: 1, Unread: 0, PollWaiting: false)),
            "Step 2: a message handed to the waiting poll is not also left unread, and nobody waits any more " +
            "(clear Poller once answered; see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Other_callers_are_answered_while_a_poll_waits()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 2);

        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        for (var i = 1; i <= 3; i++)
        {
            var status = await Waiting.For(Session.StatusAsync(test.Node, session), 2,
                $"status call {i} while a poll waits (a poll must not wait inside HandleCall: return NoReply and the server serves other callers)");
            Assert.That(status.PollWaiting, Is.True,
                $"Step 2: the poll still waits while other callers are answered; got {status} (see README, step 2).");
        }

        Assert.That(poll.IsCompleted, Is.False,
            "Step 2: a poll with nothing to read must wait; it was answered before any message came (see README, step 2).");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "at last"), 2, "the reply to DeliverAsync");
        Assert.That(await Waiting.For(poll, 2, "the waiting poll, after a delivery"), Is.EqualTo(new[] { "at last" }),
            "Step 2: the delivery answers the poll that waited (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_second_poll_ends_the_first_with_an_empty_list()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 2);

        var first = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        var second = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);

        var firstGot = await Waiting.For(first, 2,
            "the first poll to be answered with an empty list when a second poll takes its place (a kept From must be answered once)");
        Assert.That(firstGot, Is.Empty, "Step 2: the replaced poll gets an empty list (see README, step 2).");
        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 2, "the reply to StatusAsync");
        Assert.That(status.PollWaiting, Is.True, $"Step 2: the second poll waits in the first one's place; got {status} (see README, step 2).");

        await Waiting.For(Session.DeliverAsync(test.Node, session, "news"), 2, "the reply to DeliverAsync");
        var secondGot = await Waiting.For(second, 2, "the second poll to get the next message");
        Assert.That(secondGot, Is.EqualTo(new[] { "news" }),
            "Step 2: the next message goes to the poll that waits now, the second one (see README, step 2).");
    }
}
