using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace ResponseTuples.Hidden;

/// <summary>The client API refuses bad arguments at its boundary, and sends nothing then.</summary>
public sealed class ClientApiSuite
{
    [Test]
    [Property("Step", 1)]
    public void StartAsync_refuses_a_null_node() =>
        Assert.That(() => Session.StartAsync(null!, "ada", HistoryStore.Empty, TestNode.Idle), Throws.ArgumentNullException,
            "StartAsync checks its arguments (README, step 1).");

    [TestCase(null)]
    [TestCase("")]
    [Property("Step", 1)]
    public void StartAsync_refuses_a_missing_user(string? user)
    {
        using var test = new TestNode();
        Assert.That(() => Session.StartAsync(test.Node, user!, HistoryStore.Empty, TestNode.Idle), Throws.InstanceOf<ArgumentException>(),
            "A session needs a user (README, step 1).");
        Assert.That(test.Node.Processes(), Has.Count.EqualTo(1), "A refused start starts nothing (only the test's inbox runs).");
    }

    [Test]
    [Property("Step", 1)]
    public void StartAsync_refuses_a_null_store()
    {
        using var test = new TestNode();
        Assert.That(() => Session.StartAsync(test.Node, "ada", null!, TestNode.Idle), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("store"),
            "A session needs a store (README, step 1).");
    }

    [TestCase(0)]
    [TestCase(-1)]
    [Property("Step", 1)]
    public void StartAsync_refuses_an_idle_timeout_that_is_not_positive(int milliseconds)
    {
        using var test = new TestNode();
        Assert.That(() => Session.StartAsync(test.Node, "ada", HistoryStore.Empty, TimeSpan.FromMilliseconds(milliseconds)),
            Throws.InstanceOf<ArgumentOutOfRangeException>(), "The idle timeout must be more than zero (README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task StartAsync_accepts_the_smallest_positive_idle_timeout()
    {
        using var test = new TestNode();
        var session = await Waiting.For(Session.StartAsync(test.Node, "ada", HistoryStore.Empty, TimeSpan.FromTicks(1)), 1, "StartAsync");
        Assert.That(session, Is.Not.Null, "Step 1: StartAsync returns the pid of the started session, even with an idle timeout of one tick.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task DeliverAsync_and_Kick_refuse_null_and_leave_the_session_as_it_was()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);

        Assert.That(() => Session.DeliverAsync(test.Node, session, null!), Throws.ArgumentNullException, "DeliverAsync refuses a null message.");
        Assert.That(() => Session.Kick(test.Node, session, null!), Throws.ArgumentNullException, "Kick refuses a null reason.");
        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 1, "the reply to StatusAsync");
        Assert.That(status, Is.EqualTo(new SessionStatus("ada", 0, 0, false)), "Nothing was sent for refused arguments.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task StartAsync_returns_a_live_session_that_is_not_the_caller()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);
        Assert.That(test.Node.IsAlive(session), Is.True, "Step 1: the session StartAsync returns is alive; did Init return Ok?");
        Assert.That(session, Is.Not.EqualTo(test.Inbox.Self), "Step 1: StartAsync returns the new session's pid, started with GenServer.StartAsync, not the caller's own pid.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task Sessions_are_independent()
    {
        using var test = new TestNode();
        var ada = await Waiting.For(Session.StartAsync(test.Node, "ada", HistoryStore.Empty, TestNode.Idle), 1, "StartAsync for ada");
        var bob = await Waiting.For(Session.StartAsync(test.Node, "bob", HistoryStore.Empty, TestNode.Idle), 1, "StartAsync for bob");

        await Waiting.For(Session.DeliverAsync(test.Node, ada, "for ada"), 1, "deliver to ada");
        await Waiting.For(Session.DeliverAsync(test.Node, bob, "for bob"), 1, "first delivery to bob");
        await Waiting.For(Session.DeliverAsync(test.Node, bob, "again for bob"), 1, "second delivery to bob");
        Assert.That(await Waiting.For(Session.StatusAsync(test.Node, bob), 1, "bob's status"), Is.EqualTo(new SessionStatus("bob", 2, 2, false)), "Step 1: bob's status counts only bob's two deliveries; sessions share no state (no static fields).");
        Assert.That(await Waiting.For(Session.StatusAsync(test.Node, ada), 1, "ada's status"), Is.EqualTo(new SessionStatus("ada", 1, 1, false)), "Step 1: ada's status counts only ada's delivery; sessions share no state (no static fields).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task An_unknown_call_or_cast_stops_the_session_as_OTP_does()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);
        var failure = await Waiting.ForFailure<ProcessExitedException>(GenServer.CallAsync<object>(test.Node, session, "bogus"), 1, "an unknown call to fail");
        Assert.That(failure.Reason, Is.EqualTo((new Atom("bad_call"), (object)"bogus")), "Step 1: a call HandleCall does not know goes to base.HandleCall, which stops the session with (bad_call, request) (see README, step 1).");

        var other = await test.StartAsync(step: 3);
        var monitor = test.Inbox.Monitor(other);
        GenServer.Cast(test.Node, other, "bogus");
        var reason = await Waiting.ForExit(test.Inbox, monitor, 3, "an unknown cast to stop the session");
        Assert.That(reason, Is.EqualTo((new Atom("bad_cast"), (object)"bogus")), "Step 3: a cast HandleCast does not know goes to base.HandleCast, which stops the session with (bad_cast, request) (see README, step 3).");
    }
}
