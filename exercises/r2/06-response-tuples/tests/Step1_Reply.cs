using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Tests;

/// <summary>Step 1: reply. A call answered at once: <c>{reply, Reply, NewState}</c>.</summary>
public sealed class Step1_Reply
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Deliver_replies_with_the_sequence_number_of_each_message()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);

        var first = await Waiting.For(Session.DeliverAsync(test.Node, session, "hello"), 1, "the reply to DeliverAsync");
        var second = await Waiting.For(Session.DeliverAsync(test.Node, session, "again"), 1, "the reply to DeliverAsync");

        Assert.That((first, second), Is.EqualTo((1L, 2L)),
            "Step 1: DeliverAsync replies with the message's sequence number: 1 for the first, 2 for the second " +
            "(reply with state.Delivered + 1 and keep it in the new state; see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_replies_at_once_with_the_unread_messages_oldest_first()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);
        await Waiting.For(Session.DeliverAsync(test.Node, session, "one"), 1, "the reply to DeliverAsync");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "two"), 1, "the reply to DeliverAsync");

        var messages = await Waiting.For(Session.PollAsync(test.Node, session), 1, "the reply to PollAsync, with two messages unread");

        Assert.That(messages, Is.EqualTo(new[] { "one", "two" }),
            "Step 1: a poll with unread messages replies with all of them, oldest first (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_takes_the_messages_it_returns_and_Status_shows_it()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);
        await Waiting.For(Session.DeliverAsync(test.Node, session, "one"), 1, "the reply to DeliverAsync");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "two"), 1, "the reply to DeliverAsync");

        var before = await Waiting.For(Session.StatusAsync(test.Node, session), 1, "the reply to StatusAsync");
        await Waiting.For(Session.PollAsync(test.Node, session), 1, "the reply to PollAsync, with two messages unread");
        var after = await Waiting.For(Session.StatusAsync(test.Node, session), 1, "the reply to StatusAsync");

        Assert.That(before, Is.EqualTo(new SessionStatus("ada", Delivered: 2, Unread: 2, PollWaiting: false)),
            "Step 1: StatusAsync replies with the user, the messages delivered and those unread (see README, step 1).");
        Assert.That(after, Is.EqualTo(new SessionStatus("ada", Delivered: 2, Unread: 0, PollWaiting: false)),
            "Step 1: a poll takes what it returns: the new state has no unread messages left, and the count of " +
            "delivered messages stays (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_client_API_refuses_bad_arguments_before_sending_anything()
    {
        using var test = new TestNode();

        Assert.That(() => Session.StartAsync(test.Node, "", HistoryStore.Empty, TestNode.Idle), Throws.InstanceOf<ArgumentException>(),
            "Step 1: StartAsync refuses an empty user with an ArgumentException (see README, step 1).");
        Assert.That(() => Session.StartAsync(test.Node, null!, HistoryStore.Empty, TestNode.Idle), Throws.InstanceOf<ArgumentException>(),
            "Step 1: StartAsync refuses a null user with an ArgumentException (see README, step 1).");
        Assert.That(() => Session.StartAsync(test.Node, "ada", null!, TestNode.Idle), Throws.ArgumentNullException,
            "Step 1: StartAsync refuses a null store with an ArgumentNullException (see README, step 1).");
        Assert.That(() => Session.StartAsync(test.Node, "ada", HistoryStore.Empty, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 1: StartAsync refuses an idle timeout that is not more than zero with an ArgumentOutOfRangeException (see README, step 1).");
        Assert.That(test.Node.Processes(), Has.Count.EqualTo(1),
            "Step 1: a refused StartAsync starts no session: check the arguments before GenServer.StartAsync (see README, step 1).");

        var session = await test.StartAsync(step: 1);
        Assert.That(() => Session.DeliverAsync(test.Node, session, null!), Throws.ArgumentNullException,
            "Step 1: DeliverAsync refuses a null message with an ArgumentNullException (see README, step 1).");
        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 1, "the reply to StatusAsync");
        Assert.That(status.Delivered, Is.Zero, "Step 1: a refused delivery is not sent to the session (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_unknown_call_goes_to_base_HandleCall_and_stops_the_session_with_bad_call()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);
        var monitor = test.Inbox.Monitor(session);

        var failure = await Waiting.ForFailure<ProcessExitedException>(GenServer.CallAsync<object>(test.Node, session, "bogus"), 1,
            "a call the session does not know (\"bogus\") to fail: base.HandleCall stops the session with (bad_call, request)");
        var reason = await Waiting.ForExit(test.Inbox, monitor, 1, "the session to exit after an unknown call");

        var badCall = (new Atom("bad_call"), (object)"bogus");
        Assert.That(failure.Reason, Is.EqualTo(badCall),
            $"Step 1: a call HandleCall does not know goes to base.HandleCall, which stops the server with (bad_call, request), as OTP does; " +
            $"the caller got {failure.Reason} (see README, step 1).");
        Assert.That(reason, Is.EqualTo(badCall), $"Step 1: the session exits with (bad_call, request); it exited with {reason} (see README, step 1).");
    }
}
