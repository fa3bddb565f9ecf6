using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Hidden;

/// <summary>The idle timeout: exact, restarted by every kind of message, and a clean shutdown when it fires.</summary>
[Property("Step", 4)]
public sealed class IdleSuite
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_random_idle_timeout_is_kept_to_the_millisecond()
    {
        var random = Seeded.Random();
        var idle = TimeSpan.FromMilliseconds(random.Next(2, 7_200_000));
        using var test = new TestNode();
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", HistoryStore.Empty, idle), 4, "StartAsync");
        var monitor = test.Inbox.Monitor(session);
        await Waiting.ForAlive(test.Node, session, 4, "the new session");

        test.Advance(idle - TestNode.Instant);
        await Waiting.ForAlive(test.Node, session, 4, $"the session 1 ms before its idle timeout of {idle}");
        test.Advance(TestNode.Instant);
        var reason = await Waiting.ForExit(test.Inbox, monitor, 4, "the expiry");

        Assert.That(reason, Is.EqualTo(ExitReason.ShutdownWith(new Expired(idle))), "Step 4: an idle session stops with ExitReason.ShutdownWith(new Expired(idleTimeout)) when HandleInfo gets Timeout.");
        Assert.That(ExitReason.IsNormal(reason), Is.True, "An expiry is a clean stop.");
    }

    [TestCase("deliver")]
    [TestCase("poll with unread messages")]
    [TestCase("poll with nothing unread")]
    [TestCase("poll replacing a poll")]
    [TestCase("deliver to a waiting poll")]
    [TestCase("status")]
    [TestCase("stray message")]
    [CancelAfter(10_000)]
    public async Task Every_kind_of_message_restarts_the_idle_clock(string activity)
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(Session.DeliverAsync(test.Node, session, "first"), 4, "deliver");
        if (activity is "poll replacing a poll" or "deliver to a waiting poll")
        {
            await Waiting.For(Session.PollAsync(test.Node, session), 4, "poll");
            _ = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
            await Waiting.ForAlive(test.Node, session, 4, "the session with a poll waiting");
        }

        test.Advance(TestNode.Idle - TestNode.Instant);
        switch (activity)
        {
            case "deliver" or "deliver to a waiting poll":
                await Waiting.For(Session.DeliverAsync(test.Node, session, "second"), 4, "deliver");
                break;
            case "poll with unread messages":
                await Waiting.For(Session.PollAsync(test.Node, session), 4, "poll");
                break;
            case "poll with nothing unread":
                await Waiting.For(Session.PollAsync(test.Node, session), 4, "poll");
                _ = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
                await Waiting.ForAlive(test.Node, session, 4, "the session with a poll waiting");
                break;
            case "poll replacing a poll":
                _ = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
                await Waiting.ForAlive(test.Node, session, 4, "the session with a second poll waiting");
                break;
            case "status":
                await Waiting.For(Session.StatusAsync(test.Node, session), 4, "status");
                break;
            default:
                test.Inbox.Send(session, new object());
                await Waiting.ForAlive(test.Node, session, 4, "the session after a stray message");
                break;
        }

        test.Advance(TestNode.Idle - TestNode.Instant);
        await Waiting.ForAlive(test.Node, session, 4, $"the session, less than its idle timeout after a {activity}");
        test.Advance(TestNode.Instant);
        var reason = await Waiting.ForExit(test.Inbox, monitor, 4, $"the expiry, its idle timeout after a {activity}");
        Assert.That(reason, Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))), "Step 4: the session expires exactly its idle timeout after this message: does every result carry .WithTimeout?");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Steady_activity_keeps_a_session_alive_for_ever()
    {
        var random = Seeded.Random();
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);

        for (var i = 0; i < 30; i++)
        {
            test.Advance(TestNode.Idle - TimeSpan.FromMilliseconds(random.Next(1, 1000)));
            await Waiting.For(Session.DeliverAsync(test.Node, session, $"m{i}"), 4, $"delivery {i}");
        }

        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 4, "status");
        Assert.That(status.Delivered, Is.EqualTo(30), "Step 4: all thirty deliveries, each before the idle timeout, are counted.");
        test.Advance(TestNode.Idle);
        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 4, "the expiry"), Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))), "Step 4: a session expires one idle timeout after its last delivery, with a shutdown Expired reason.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_expired_session_is_gone_and_its_waiting_poll_learns_why()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);
        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        await Waiting.ForAlive(test.Node, session, 4, "the session with a poll waiting");

        test.Advance(TestNode.Idle);
        await Waiting.ForExit(test.Inbox, monitor, 4, "the expiry");

        var failure = await Waiting.ForFailure<ProcessExitedException>(poll, 4, "the waiting poll");
        Assert.That(failure.Reason, Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))), "Step 4: a poll waiting at expiry fails with the session's Expired shutdown reason.");
        await Waiting.ForFailure<NoProcessException>(Session.DeliverAsync(test.Node, session, "too late"), 4, "a delivery to an expired session");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_that_gave_up_does_not_stop_the_clock()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);
        var poll = Session.PollAsync(test.Node, session, TimeSpan.FromSeconds(30));
        await Waiting.ForAlive(test.Node, session, 4, "the session with a poll waiting");

        test.Advance(TimeSpan.FromSeconds(30));
        await Waiting.ForFailure<CallTimeoutException>(poll, 4, "the poll to give up after its own timeout");
        await Waiting.ForAlive(test.Node, session, 4, "the session, after its poller gave up");
        test.Advance(TestNode.Idle - TimeSpan.FromSeconds(30));

        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 4, "the expiry"), Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))), "Step 4: the session expires one idle timeout after the poll: a NoReply must carry .WithTimeout(idleTimeout) too.");
    }
}
