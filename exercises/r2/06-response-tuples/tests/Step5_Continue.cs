using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Tests;

/// <summary>Step 5: continue (<c>{ok, State, {continue, Arg}}</c>): slow work after Init, before any message, without holding the starter.</summary>
public sealed class Step5_Continue
{
    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_returns_before_the_history_is_loaded()
    {
        using var test = new TestNode();
        var store = HistoryStore.Gated("old one", "old two");

        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5,
            "StartAsync to return while the store still holds the history (Init must not load it: return Ok(...).WithContinue(...))");
        var user = await Waiting.For(store.Asked, 5,
            "the session to ask the store for the history after Init (HandleContinueAsync calls store.LoadAsync)");
        Assert.That(user, Is.EqualTo("ada"), "Step 5: load the history of the session's own user (see README, step 5).");

        var status = Session.StatusAsync(test.Node, session);
        Assert.That(status.IsCompleted, Is.False,
            "Step 5: a request waits while the history loads: HandleContinueAsync runs before any message (see README, step 5).");
        store.Open();

        Assert.That(await Waiting.For(status, 5, "the reply to StatusAsync once the history is loaded"),
            Is.EqualTo(new SessionStatus("ada", Delivered: 2, Unread: 2, PollWaiting: false)),
            "Step 5: the loaded history counts as delivered and unread (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Requests_sent_during_the_load_are_handled_after_the_history()
    {
        using var test = new TestNode();
        var store = HistoryStore.Gated("old one", "old two");
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5,
            "StartAsync to return while the store still holds the history");
        await Waiting.For(store.Asked, 5, "the session to ask the store for the history (HandleContinueAsync)");

        var delivering = Session.DeliverAsync(test.Node, session, "new");
        store.Open();
        var number = await Waiting.For(delivering, 5, "the reply to DeliverAsync sent while the history was loading");
        var messages = await Waiting.For(Session.PollAsync(test.Node, session), 5, "the reply to PollAsync");

        Assert.That(number, Is.EqualTo(3L),
            "Step 5: the message delivered during the load comes after the two of the history: its number is 3 (see README, step 5).");
        Assert.That(messages, Is.EqualTo(new[] { "old one", "old two", "new" }),
            "Step 5: the history comes first, then what was delivered while it loaded (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_idle_clock_starts_once_the_history_is_loaded()
    {
        using var test = new TestNode();
        var store = HistoryStore.Gated("old");
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5,
            "StartAsync to return while the store still holds the history");
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(store.Asked, 5, "the session to ask the store for the history (HandleContinueAsync)");

        test.Advance(TestNode.Idle * 3); // a slow store: the session is busy, not idle
        store.Open();
        var state = await Waiting.ForAlive(test.Node, session, 5, "the session to finish loading (a slow load is not idleness)");
        Assert.That(state.Unread, Is.EqualTo(new[] { "old" }), $"Step 5: the history is in the state once loaded; got {state} (see README, step 5).");

        test.Advance(TestNode.Idle - TestNode.Instant);
        await Waiting.ForAlive(test.Node, session, 5, "the session to be alive less than its idle timeout after the load");
        test.Advance(TestNode.Instant);
        var reason = await Waiting.ForExit(test.Inbox, monitor, 5,
            "the session to expire, idle for its idle timeout after the load (HandleContinueAsync's result must carry WithTimeout(idleTimeout))");

        Assert.That(reason, Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))),
            $"Step 5: after the load the session expires as in step 4; it exited with {reason} (see README, step 5).");
    }
}
