using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Tests;

/// <summary>Step 3: stop with a reply (<c>{stop, Reason, Reply, State}</c>) and stop with a reason (<c>{stop, Reason, State}</c>).</summary>
public sealed class Step3_Stop
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Logout_replies_with_the_unread_messages_then_the_session_exits_normally()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(Session.DeliverAsync(test.Node, session, "unread"), 3, "the reply to DeliverAsync");

        var left = await Waiting.For(Session.LogoutAsync(test.Node, session), 3, "the reply to LogoutAsync (StopAndReply answers the caller, then stops)");
        var reason = await Waiting.ForExit(test.Inbox, monitor, 3, "the session to exit after LogoutAsync replied");

        Assert.That(left, Is.EqualTo(new[] { "unread" }), "Step 3: LogoutAsync replies with the messages left unread (see README, step 3).");
        Assert.That(reason, Is.EqualTo(ExitReason.Normal),
            $"Step 3: a logout is the end the session was made for: it exits with ExitReason.Normal; it exited with {reason} (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Kick_stops_the_session_with_a_Kicked_reason()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var monitor = test.Inbox.Monitor(session);
        Assert.That(() => Session.Kick(test.Node, session, null!), Throws.ArgumentNullException,
            "Step 3: Kick refuses a null reason with an ArgumentNullException, before sending anything (see README, step 3).");

        Session.Kick(test.Node, session, "spam");
        var reason = await Waiting.ForExit(test.Inbox, monitor, 3, "the session to exit after Kick (a cast that returns Stop)");

        Assert.That(reason, Is.EqualTo(new Kicked("spam")),
            $"Step 3: a kicked session stops with new Kicked(why) as its exit reason, for everyone watching it to see; it exited with {reason} (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_waiting_poll_learns_why_the_session_was_kicked()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 3, "the reply to StatusAsync, sent after a poll");
        Assert.That(status.PollWaiting, Is.True, $"Step 3: the poll should be waiting (step 2); got {status} (see README, step 2).");

        Session.Kick(test.Node, session, "flood");
        var failure = await Waiting.ForFailure<ProcessExitedException>(poll, 3,
            "the waiting poll to fail with the session's exit reason once the session is kicked");

        Assert.That(failure.Reason, Is.EqualTo(new Kicked("flood")),
            $"Step 3: a caller still waiting when the server stops learns the stop's reason; got {failure.Reason} (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_unknown_cast_goes_to_base_HandleCast_and_stops_the_session_with_bad_cast()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var monitor = test.Inbox.Monitor(session);

        GenServer.Cast(test.Node, session, "bogus");
        var reason = await Waiting.ForExit(test.Inbox, monitor, 3,
            "the session to exit after a cast it does not know (\"bogus\"): base.HandleCast stops it with (bad_cast, request)");

        Assert.That(reason, Is.EqualTo((new Atom("bad_cast"), (object)"bogus")),
            $"Step 3: a cast HandleCast does not know goes to base.HandleCast, which stops the server with (bad_cast, request), as OTP does; " +
            $"it exited with {reason} (see README, step 3).");
    }
}
