using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Tests;

/// <summary>Step 7: a crashed session is started again, fresh, under the same name; every other session goes on.</summary>
public sealed class Step7_A_crash_stays_in_its_session : QuizTest
{
    protected override int Step => 7;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_session_is_restarted_under_the_same_name_from_the_first_question(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann");
        await WaitFor(service.AnswerAsync("ann", "honey"), "AnswerAsync(\"ann\", \"honey\")");

        Node.Exit(session, new Atom("fault"));
        await ExitOf(session, "ann's session, sent an exit signal");
        Assert.That(await RunningSessionsAsync(service), Is.EqualTo(1), "Step 7: the sessions' supervisor restarts a crashed session (transient) (see README, step 7).");

        var restarted = service.WhereIs("ann");
        Assert.That(restarted, Is.Not.Null.And.Not.EqualTo(session), "Step 7: a new process under the same name (see README, step 7).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\") after the restart"), Is.EqualTo(Fresh("ann")),
            "Step 7: the restarted session starts in a known good state: the first question, no score (see README, step 7).");
        Assert.That(await SessionAsync(service, "ann"), Is.EqualTo(restarted), "Step 7: and the player gets it from StartSessionAsync (see README, step 7).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_leaves_every_other_session_untouched(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var ann = await SessionAsync(service, "ann");
        var bob = await SessionAsync(service, "bob");
        var cid = await SessionAsync(service, "cid");
        var annAt = (await WaitFor(service.AnswerAsync("ann", "honey"), "AnswerAsync(\"ann\", \"honey\")")).Progress;
        await WaitFor(service.AnswerAsync("cid", "honey"), "AnswerAsync(\"cid\", \"honey\")");
        var cidAt = (await WaitFor(service.AnswerAsync("cid", "7"), "AnswerAsync(\"cid\", \"7\")")).Progress;

        Node.Exit(bob, ExitReason.Kill);
        await ExitOf(bob, "bob's session, killed");
        await RunningSessionsAsync(service);

        Assert.That((service.WhereIs("ann"), service.WhereIs("cid")), Is.EqualTo((ann, cid)), "Step 7: the other sessions are the same processes (see README, step 7).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\")"), Is.EqualTo(annAt), "Step 7: ann's progress survives bob's crash (see README, step 7).");
        Assert.That(await WaitFor(service.ProgressAsync("cid"), "ProgressAsync(\"cid\")"), Is.EqualTo(cidAt), "Step 7: cid's progress survives bob's crash (see README, step 7).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_session_that_crashes_on_a_request_ends_only_itself(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var ann = await SessionAsync(service, "ann");
        var bob = await SessionAsync(service, "bob");
        await WaitFor(service.AnswerAsync("ann", "honey"), "AnswerAsync(\"ann\", \"honey\")");

        Assert.ThrowsAsync<ProcessExitedException>(() => GenServer.CallAsync<object>(Node, service.Config.SessionName("bob"), "poison"),
            "Step 7: a request bob's session does not know crashes it (bad call, step 2) (see README, step 7).");
        await ExitOf(bob, "bob's crashed session");
        await RunningSessionsAsync(service);

        Assert.That(service.WhereIs("ann"), Is.EqualTo(ann), "Step 7: ann's session is untouched (see README, step 7).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\")"), Is.EqualTo(Fresh("ann") with { Next = 1, Score = 1 }),
            "Step 7: and keeps its progress (see README, step 7).");
        Assert.That(service.WhereIs("bob"), Is.Not.Null.And.Not.EqualTo(bob), "Step 7: bob's session was restarted (see README, step 7).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_sessions_supervisor_takes_its_sessions_and_comes_back_empty_under_its_name(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var ann = await SessionAsync(service, "ann");
        var bob = await SessionAsync(service, "bob");
        var sessions = service.Config.Sessions.WhereIs(Node)!;

        Node.Exit(sessions, ExitReason.Kill); // a supervisor traps exits: kill is the signal it cannot turn into a message
        await ExitOf(sessions, "the sessions' supervisor, killed");
        await ExitOf(ann, "ann's session, whose supervisor died");
        await ExitOf(bob, "bob's session, whose supervisor died");
        await WaitFor(Supervisor.WhichChildrenAsync(Node, service.App.TopSupervisor!), "the root supervisor's WhichChildrenAsync");

        Assert.That(service.Config.Sessions.WhereIs(Node), Is.Not.Null.And.Not.EqualTo(sessions),
            "Step 7: the root restarts the sessions' supervisor under the same name (see README, step 7).");
        Assert.That(service.Players(), Is.Empty, "Step 7: the sessions died with their supervisor, and their names went with them (see README, step 7).");
        Assert.That(await RunningSessionsAsync(service), Is.Zero, "Step 7: the new supervisor starts empty (see README, step 7).");
        await SessionAsync(service, "ann");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\")"), Is.EqualTo(Fresh("ann")),
            "Step 7: a player starts again under the new supervisor, from the first question (see README, step 7).");
    }
}
