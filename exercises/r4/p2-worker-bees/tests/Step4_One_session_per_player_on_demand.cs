using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Tests;

/// <summary>Step 4: a player's session starts when the player first asks, under the sessions' supervisor, and is found by name.</summary>
public sealed class Step4_One_session_per_player_on_demand : QuizTest
{
    protected override int Step => 4;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_session_starts_when_a_player_first_asks_and_is_found_by_name(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();

        var session = await SessionAsync(service, "ann");

        Assert.That(service.WhereIs("ann"), Is.EqualTo(session), "Step 4: WhereIs finds the player's session in the registry (see README, step 4).");
        var children = await WaitFor(DynamicSupervisor.WhichChildrenAsync(Node, service.Config.Sessions), "the sessions supervisor's WhichChildrenAsync");
        Assert.That(children.Select(c => c.Pid), Is.EqualTo(new[] { session }), "Step 4: the session is a child of the sessions' supervisor (see README, step 4).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\")"), Is.EqualTo(Fresh("ann")),
            "Step 4: ProgressAsync asks the player's session (see README, step 4).");
        Assert.That(service.Players(), Is.EqualTo(new[] { "ann" }), "Step 4: Players lists the players who have a session (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Asking_again_gives_the_same_session_with_its_progress(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann");
        var answered = await WaitFor(service.AnswerAsync("ann", "honey"), "AnswerAsync(\"ann\", \"honey\")");

        Assert.That(answered, Is.EqualTo(new Answered(true, Fresh("ann") with { Next = 1, Score = 1 })), "Step 4: AnswerAsync submits the answer to the player's session (see README, step 4).");
        Assert.That(await SessionAsync(service, "ann"), Is.EqualTo(session), "Step 4: a player who has a session gets that session again (see README, step 4).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\")"), Is.EqualTo(answered.Progress),
            "Step 4: asking again keeps the progress (see README, step 4).");
        Assert.That(await RunningSessionsAsync(service), Is.EqualTo(1), "Step 4: one player, one session (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Each_player_gets_a_session_of_their_own(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var ann = await SessionAsync(service, "ann");
        var bob = await SessionAsync(service, "bob");

        await WaitFor(service.AnswerAsync("ann", "honey"), "AnswerAsync(\"ann\", \"honey\")");

        Assert.That(bob, Is.Not.EqualTo(ann), "Step 4: two players, two sessions (see README, step 4).");
        Assert.That(await WaitFor(service.ProgressAsync("bob"), "ProgressAsync(\"bob\")"), Is.EqualTo(Fresh("bob")),
            "Step 4: ann's answer is not bob's: each session holds its own player's progress (see README, step 4).");
        Assert.That(service.Players().Order(), Is.EqualTo(new[] { "ann", "bob" }), "Step 4: Players lists both (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Many_callers_starting_the_same_session_at_once_all_get_the_one_session(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            await gate.Task; // all callers go at once: each may look the name up before any has started the session
            return await service.StartSessionAsync("ann");
        }, cancellationToken)).ToArray();

        gate.SetResult();
        var pids = await WaitFor(Task.WhenAll(callers), "16 callers' StartSessionAsync(\"ann\") at once (a loser of the race gets the winner's pid, not an exception)");

        Assert.That(pids.Distinct().ToArray(), Is.EqualTo(new[] { service.WhereIs("ann") }), "Step 4: every caller gets the one session of the player (see README, step 4).");
        Assert.That(await RunningSessionsAsync(service), Is.EqualTo(1), "Step 4: exactly one session started (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_player_with_no_session_has_no_progress(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await SessionAsync(service, "ann");

        Assert.That(service.WhereIs("zoe"), Is.Null, "Step 4: WhereIs gives null for a player with no session (see README, step 4).");
        Assert.ThrowsAsync<NoProcessException>(() => service.ProgressAsync("zoe"), "Step 4: ProgressAsync for a player with no session throws NoProcessException (see README, step 4).");
        Assert.ThrowsAsync<NoProcessException>(() => service.AnswerAsync("zoe", "honey"), "Step 4: so does AnswerAsync: only StartSessionAsync starts a session (see README, step 4).");
        Assert.That(service.WhereIs("zoe"), Is.Null, "Step 4: asking for zoe's progress started nothing (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_service_ends_every_session(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var ann = await SessionAsync(service, "ann");
        var bob = await SessionAsync(service, "bob");

        var annExit = Node.WaitForExitAsync(ann); // started before the stop, so it sees the reason (after the exit it gives noproc)
        var bobExit = Node.WaitForExitAsync(bob);
        await WaitFor(service.StopAsync(), "QuizService.StopAsync");

        Assert.That(await WaitFor(annExit, "ann's session to exit"), Is.EqualTo(ExitReason.Shutdown), "Step 4: the tree stops its sessions with shutdown (see README, step 4).");
        Assert.That(await WaitFor(bobExit, "bob's session to exit"), Is.EqualTo(ExitReason.Shutdown), "Step 4: the tree stops its sessions with shutdown (see README, step 4).");
        Assert.That(service.Players(), Is.Empty, "Step 4: their names went with them (see README, step 4).");
    }
}
