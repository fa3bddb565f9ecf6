using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Hidden;

/// <summary>Stop with a reply and stop with a reason: what the caller, a waiting poll, a monitor and later callers see.</summary>
public sealed class StopSuite
{
    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task Logout_with_nothing_unread_replies_an_empty_list()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var monitor = test.Inbox.Monitor(session);

        Assert.That(await Waiting.For(Session.LogoutAsync(test.Node, session), 3, "logout"), Is.Empty, "Step 3: a logout with nothing unread replies an empty list (StopAndReply with the unread messages).");
        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 3, "the exit after logout"), Is.EqualTo(ExitReason.Normal), "Step 3: after replying to a logout, the session exits with ExitReason.Normal.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task Logout_replies_the_history_still_unread()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 5, HistoryStore.With("a", "b"));
        await Waiting.For(Session.DeliverAsync(test.Node, session, "c"), 5, "deliver");

        Assert.That(await Waiting.For(Session.LogoutAsync(test.Node, session), 5, "logout"), Is.EqualTo(new[] { "a", "b", "c" }), "Step 5: a logout replies with every unread message, the loaded history first (loaded messages are unread; see README, steps 3 and 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task Logout_after_a_poll_replies_only_what_came_since()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        await Waiting.For(Session.DeliverAsync(test.Node, session, "read"), 3, "deliver");
        await Waiting.For(Session.PollAsync(test.Node, session), 3, "poll");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "unread"), 3, "deliver");

        Assert.That(await Waiting.For(Session.LogoutAsync(test.Node, session), 3, "logout"), Is.EqualTo(new[] { "unread" }), "Step 3: a logout replies only with the messages delivered since the last poll.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task A_poll_waiting_at_logout_sees_a_normal_exit()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);

        Assert.That(await Waiting.For(Session.LogoutAsync(test.Node, session), 3, "logout"), Is.Empty, "Step 3: a logout replies an empty list even while a poll waits.");
        var failure = await Waiting.ForFailure<ProcessExitedException>(poll, 3, "the waiting poll to fail at logout");
        Assert.That(failure.Reason, Is.EqualTo(ExitReason.Normal), "Step 3: a poll waiting at logout fails with the session's normal exit reason.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task Calls_after_a_logout_or_a_kick_find_no_session()
    {
        using var test = new TestNode();
        var first = await test.StartAsync(step: 3);
        var second = await test.StartAsync(step: 3);
        var firstMonitor = test.Inbox.Monitor(first);
        var secondMonitor = test.Inbox.Monitor(second);
        await Waiting.For(Session.LogoutAsync(test.Node, first), 3, "logout");
        Session.Kick(test.Node, second, "bye");
        await Waiting.ForExit(test.Inbox, firstMonitor, 3, "the logged out session's exit");
        await Waiting.ForExit(test.Inbox, secondMonitor, 3, "the kicked session's exit");

        await Waiting.ForFailure<NoProcessException>(Session.StatusAsync(test.Node, first), 3, "a call to a logged out session to fail with noproc");
        await Waiting.ForFailure<NoProcessException>(Session.StatusAsync(test.Node, second), 3, "a call to a kicked session to fail with noproc");
        Assert.That(() => Session.Kick(test.Node, second, "again"), Throws.Nothing, "A cast to a dead session is dropped without an error.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task A_kick_is_handled_in_order_after_the_requests_before_it()
    {
        var random = Seeded.Random();
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var monitor = test.Inbox.Monitor(session);
        var before = random.Next(1, 20);

        var deliveries = Enumerable.Range(0, before).Select(i => Session.DeliverAsync(test.Node, session, $"m{i}")).ToList();
        Session.Kick(test.Node, session, "spam");
        var after = Session.DeliverAsync(test.Node, session, "late");

        Assert.That(await Waiting.For(Task.WhenAll(deliveries), 3, "the deliveries sent before the kick"), Is.EqualTo(Enumerable.Range(1, before).Select(n => (long)n)), "Step 3: the deliveries sent before the kick are answered first, numbered 1 to N in order.");
        var failure = await Waiting.ForFailure<System.Exception>(after, 3, "the delivery sent after the kick to fail");
        Assert.That(failure, Is.InstanceOf<ProcessExitedException>().Or.InstanceOf<NoProcessException>(), "Step 3: a delivery sent after the kick fails: the session stopped when it handled the kick.");
        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 3, "the kick"), Is.EqualTo(new Kicked("spam")), "Step 3: Kick stops the session with new Kicked(why) as the reason.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task A_kicked_session_kills_a_linked_process_that_does_not_trap_exits()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 3);
        var isLinked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var linked = test.Node.Spawn(async ctx =>
        {
            ctx.Link(session);
            isLinked.SetResult();
            await ctx.ReceiveAsync();
        });
        var monitor = test.Inbox.Monitor(linked);
        await Waiting.For(isLinked.Task, 3, "a process to link to the session");
        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        await Waiting.For(Session.StatusAsync(test.Node, session), 3, "status");

        Session.Kick(test.Node, session, "abuse");

        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 3, "the linked process to die with the kick's reason"), Is.EqualTo(new Kicked("abuse")),
            "Kicked is not a normal reason: it travels along links.");
        Assert.That(ExitReason.IsNormal(new Kicked("abuse")), Is.False, "Step 3: Kicked is not a normal exit reason.");
        await Waiting.ForFailure<ProcessExitedException>(poll, 3, "the waiting poll");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task Kick_returns_while_the_session_is_still_loading()
    {
        using var test = new TestNode();
        var store = HistoryStore.Gated("old");
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5, "StartAsync");
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(store.Asked, 5, "the load to start");

        Session.Kick(test.Node, session, "early");
        Assert.That(test.Node.IsAlive(session), Is.True, "The kick waits in the mailbox while the history loads.");
        store.Open();

        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 3, "the kick after the load"), Is.EqualTo(new Kicked("early")), "Step 5: a kick sent during the load is handled after it, and stops the session with Kicked(why).");
    }
}
