using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Hidden;

/// <summary>Continue: the history loads after Init, once, before any message, and a failure there crashes the session.</summary>
[Property("Step", 5)]
public sealed class ContinueSuite
{
    [Test]
    [CancelAfter(10_000)]
    public async Task The_store_is_asked_once_for_the_sessions_user()
    {
        using var test = new TestNode();
        var store = HistoryStore.With("a");
        var session = await Waiting.For(Session.StartAsync(test.Node, "grace", store, TestNode.Idle), 5, "StartAsync");

        await Waiting.For(Session.StatusAsync(test.Node, session), 5, "status");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "b"), 5, "deliver");
        await Waiting.For(Session.PollAsync(test.Node, session), 5, "poll");

        Assert.That(await Waiting.For(store.Asked, 5, "the load"), Is.EqualTo("grace"), "Step 5: HandleContinueAsync loads the history of the session's own user from the store.");
        Assert.That(store.Loads, Is.EqualTo(1), "The history is loaded once, after Init, not at every request.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_random_history_is_unread_and_numbers_the_next_delivery()
    {
        var random = Seeded.Random();
        var history = Enumerable.Range(0, random.Next(0, 30)).Select(i => $"h{random.Next()}:{i}").ToArray();
        using var test = new TestNode();
        var session = await test.StartAsync(step: 5, HistoryStore.With(history));

        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 5, "status");
        Assert.That(status, Is.EqualTo(new SessionStatus("ada", history.Length, history.Length, false)), "Step 5: the loaded history is unread and counts as delivered.");
        Assert.That(await Waiting.For(Session.DeliverAsync(test.Node, session, "new"), 5, "deliver"), Is.EqualTo(history.Length + 1), "Step 5: the first delivery after a history of N messages gets number N + 1 (Delivered counts the history).");
        Assert.That(await Waiting.For(Session.PollAsync(test.Node, session), 5, "poll"), Is.EqualTo(history.Append("new")), "Step 5: a poll returns the history, oldest first, then the new message.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_sent_during_the_load_gets_the_history()
    {
        using var test = new TestNode();
        var store = HistoryStore.Gated("x", "y");
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5, "StartAsync");
        await Waiting.For(store.Asked, 5, "the load");

        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        store.Open();

        Assert.That(await Waiting.For(poll, 5, "the poll sent during the load"), Is.EqualTo(new[] { "x", "y" }), "Step 5: a poll sent during the load is handled after it, and gets the history.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_sent_during_the_load_of_an_empty_history_waits_for_a_message()
    {
        using var test = new TestNode();
        var store = HistoryStore.Gated();
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5, "StartAsync");
        await Waiting.For(store.Asked, 5, "the load");

        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
        store.Open();
        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 5, "status");

        Assert.That(status, Is.EqualTo(new SessionStatus("ada", 0, 0, true)), "Step 5: after loading an empty history, the poll sent during the load waits (Poller is set).");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "first"), 5, "deliver");
        Assert.That(await Waiting.For(poll, 5, "the poll"), Is.EqualTo(new[] { "first" }), "Step 5: the poll that waited since the load gets the first message delivered.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_failing_store_crashes_the_session_with_its_exception()
    {
        using var test = new TestNode();
        var error = new InvalidOperationException("the database is down");
        var store = HistoryStore.Failing(error);
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5, "StartAsync with a store that will fail");
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(store.Asked, 5, "the load");
        var status = Session.StatusAsync(test.Node, session);

        store.Open();

        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 5, "the crash"), Is.SameAs(error), "Let it crash: the store's exception is the exit reason.");
        var failure = await Waiting.ForFailure<ProcessExitedException>(status, 5, "the call sent during the load");
        Assert.That(failure.Reason, Is.SameAs(error), "Step 5: a call sent during the load fails with the store's exception as the exit reason.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Time_spent_loading_is_not_idleness()
    {
        using var test = new TestNode();
        var store = HistoryStore.Gated("old");
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", store, TestNode.Idle), 5, "StartAsync");
        var monitor = test.Inbox.Monitor(session);
        await Waiting.For(store.Asked, 5, "the load");

        test.Advance(TestNode.Idle * 5);
        store.Open();
        await Waiting.ForAlive(test.Node, session, 5, "the session after a long load");
        test.Advance(TestNode.Idle - TestNode.Instant);
        await Waiting.ForAlive(test.Node, session, 5, "the session, less than its idle timeout after the load");
        Assert.That(test.Node.IsAlive(session), Is.True, "Step 5: the idle clock starts once the history is loaded, not at Init.");
        test.Advance(TestNode.Instant);
        Assert.That(await Waiting.ForExit(test.Inbox, monitor, 5, "the expiry"), Is.EqualTo(ExitReason.ShutdownWith(new Expired(TestNode.Idle))), "Step 5: the session expires its idle timeout after the load: does HandleContinueAsync return .WithTimeout(idleTimeout)?");
    }
}
