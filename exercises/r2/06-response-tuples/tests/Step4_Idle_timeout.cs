using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Tests;

/// <summary>Step 4: an idle timeout (<c>{..., Timeout}</c>) that arrives in HandleInfo as a message.</summary>
public sealed class Step4_Idle_timeout
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_session_left_idle_expires_with_a_shutdown_reason()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);
        await Waiting.ForAlive(test.Node, session, 4, "the new session to answer a probe");

        test.Advance(TestNode.Idle - TestNode.Instant);
        await Waiting.ForAlive(test.Node, session, 4,
            "the session, idle for 1 ms less than its idle timeout, to be still alive (it must not expire early)");
        test.Advance(TestNode.Instant);
        var reason = await Waiting.ForExit(test.Inbox, monitor, 4,
            "the session to expire, idle for exactly its idle timeout (the first result must carry WithTimeout(idleTimeout))");

        Assert.That(reason, Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))),
            $"Step 4: an expired session stops with ExitReason.ShutdownWith(new Expired(idleTimeout)); it exited with {reason} (see README, step 4).");
    }

    [TestCase("Deliver")]
    [TestCase("Poll")]
    [TestCase("Status")]
    [CancelAfter(10_000)]
    public async Task Each_request_restarts_the_idle_clock(string request)
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(Session.DeliverAsync(test.Node, session, "first"), 4, "the reply to DeliverAsync");

        test.Advance(TestNode.Idle - TestNode.Instant);
        Task reply = request switch
        {
            "Deliver" => Session.DeliverAsync(test.Node, session, "second"),
            "Poll" => Session.PollAsync(test.Node, session),
            _ => Session.StatusAsync(test.Node, session),
        };
        await Waiting.For(reply, 4, $"the reply to {request}");
        test.Advance(TestNode.Idle - TestNode.Instant);
        await Waiting.ForAlive(test.Node, session, 4,
            $"the session to be alive: {request} came within the idle timeout, so the clock started again from it");
        test.Advance(TestNode.Instant);
        var reason = await Waiting.ForExit(test.Inbox, monitor, 4,
            $"the session to expire, idle for its idle timeout after {request} (its result must carry WithTimeout(idleTimeout) too: any message cancels the idle timeout)");

        Assert.That(reason, Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))),
            $"Step 4: an expired session stops with ExitReason.ShutdownWith(new Expired(idleTimeout)); it exited with {reason} (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_waiting_poll_does_not_keep_the_session_alive()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);
        await Waiting.ForAlive(test.Node, session, 4, "the new session to answer a probe");

        test.Advance(TestNode.Idle - TestNode.Instant);
        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        var state = await Waiting.ForAlive(test.Node, session, 4, "the session to take the poll");
        Assert.That(state.Poller, Is.Not.Null, $"Step 4: the poll should be waiting (step 2); the state is {state} (see README, step 2).");
        test.Advance(TestNode.Idle);
        var reason = await Waiting.ForExit(test.Inbox, monitor, 4,
            "the session to expire while a poll waits (NoReply needs WithTimeout(idleTimeout) as much as Reply does)");
        var failure = await Waiting.ForFailure<ProcessExitedException>(poll, 4, "the waiting poll to fail when the session expired");

        Assert.That(failure.Reason, Is.EqualTo(reason).And.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))),
            $"Step 4: the waiting poller learns the expiry as the stop's reason; got {failure.Reason} (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_stray_message_is_ignored_and_the_idle_clock_starts_again()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 4);
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(Session.DeliverAsync(test.Node, session, "kept"), 4, "the reply to DeliverAsync");

        test.Advance(TestNode.Idle - TestNode.Instant);
        test.Inbox.Send(session, "a stray message");
        var after = await Waiting.ForAlive(test.Node, session, 4,
            "the session to be alive after a stray message (HandleInfo ignores messages that are not the idle timeout)");
        Assert.That((after.Delivered, after.Unread), Is.EqualTo((1L, new[] { "kept" })),
            $"Step 4: a stray message leaves the state as it was: one message delivered, \"kept\" unread; got {after} (see README, step 4).");

        test.Advance(TestNode.Idle - TestNode.Instant);
        await Waiting.ForAlive(test.Node, session, 4, "the session to be alive less than its idle timeout after the stray message");
        test.Advance(TestNode.Instant);
        var reason = await Waiting.ForExit(test.Inbox, monitor, 4,
            "the session to expire after the stray message (any message cancels the idle timeout, so HandleInfo's NoReply must arm it again)");

        Assert.That(reason, Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))),
            $"Step 4: an expired session stops with ExitReason.ShutdownWith(new Expired(idleTimeout)); it exited with {reason} (see README, step 4).");
    }
}
