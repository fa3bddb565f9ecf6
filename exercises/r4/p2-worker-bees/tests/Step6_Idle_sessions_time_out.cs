using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Tests;

/// <summary>Step 6: a session nobody uses ends by itself, normally, and is not restarted; a player may also end it.</summary>
public sealed class Step6_Idle_sessions_time_out : QuizTest
{
    protected override int Step => 6;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    [CancelAfter(10_000)]
    public async Task An_idle_session_ends_normally_and_its_name_goes_with_it(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann");

        var exited = ExitOf(session, "ann's session, idle for the whole idle time-out"); // watching before the time-out, to see the reason
        Clock.Advance(IdleTimeout);

        Assert.That(await exited, Is.EqualTo(ExitReason.Normal),
            "Step 6: a session idle for Config.IdleTimeout stops with reason normal (see README, step 6).");
        Assert.That(service.WhereIs("ann"), Is.Null, "Step 6: its registry entry went with it (see README, step 6).");
        Assert.That(service.Players(), Is.Empty, "Step 6: and ann is no longer a player with a session (see README, step 6).");
        Assert.That(await RunningSessionsAsync(service), Is.Zero, "Step 6: a transient session that ended normally is not restarted (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_request_starts_the_idle_time_again(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann");

        Clock.Advance(IdleTimeout - Second);
        await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\") just before the idle time-out");
        Clock.Advance(IdleTimeout - Second);
        await WaitFor(service.AnswerAsync("ann", "honey"), "AnswerAsync(\"ann\", \"honey\") just before the idle time-out");
        Clock.Advance(IdleTimeout - Second);

        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\") after three times almost the idle time-out, with requests between"),
            Is.EqualTo(Fresh("ann") with { Next = 1, Score = 1 }), "Step 6: each reply sets the idle time-out again: the session is still there (see README, step 6).");
        Assert.That(service.WhereIs("ann"), Is.EqualTo(session), "Step 6: the same session (see README, step 6).");

        var exited = ExitOf(session, "ann's session, idle after its last request");
        Clock.Advance(IdleTimeout);
        Assert.That(await exited, Is.EqualTo(ExitReason.Normal),
            "Step 6: idle for the time-out after its last request, it ends (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_stray_message_does_not_keep_a_session_alive_for_ever(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann");

        Node.Send(session, "hello");
        await WaitFor(Sys.GetStateAsync<Progress>(Node, session), "the session's state (a system message: it neither runs a callback nor touches the timer)");
        var exited = ExitOf(session, "ann's session, idle after a stray message");
        Clock.Advance(IdleTimeout);

        Assert.That(await exited, Is.EqualTo(ExitReason.Normal),
            "Step 6: any message cancels a GenServer's idle time-out, so the session's HandleInfo sets it again for a message that is not the time-out (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_player_whose_session_timed_out_starts_again_from_the_first_question(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann");
        await WaitFor(service.AnswerAsync("ann", "honey"), "AnswerAsync(\"ann\", \"honey\")");
        Clock.Advance(IdleTimeout);
        await ExitOf(session, "ann's idle session");

        Assert.ThrowsAsync<NoProcessException>(() => service.ProgressAsync("ann"), "Step 6: a session that timed out is gone (see README, step 6).");
        var again = await SessionAsync(service, "ann");
        Assert.That(again, Is.Not.EqualTo(session), "Step 6: StartSessionAsync starts a new session (see README, step 6).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\")"), Is.EqualTo(Fresh("ann")), "Step 6: from the first question (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Ending_a_session_stops_it_for_good(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var ann = await SessionAsync(service, "ann");
        var bob = await SessionAsync(service, "bob");

        var annExit = Node.WaitForExitAsync(ann); // started before the end, so it sees the reason (after the exit it gives noproc)
        Assert.That(await WaitFor(service.EndSessionAsync("ann"), "EndSessionAsync(\"ann\")"), Is.True, "Step 6: EndSessionAsync of a running session gives true (see README, step 6).");

        Assert.That(await WaitFor(annExit, "ann's ended session to exit"), Is.EqualTo(ExitReason.Shutdown), "Step 6: the sessions' supervisor terminates it: reason shutdown (see README, step 6).");
        Assert.That(service.WhereIs("ann"), Is.Null, "Step 6: its name is free (see README, step 6).");
        Assert.That(await RunningSessionsAsync(service), Is.EqualTo(1), "Step 6: it is not restarted, and bob's session runs on (see README, step 6).");
        Assert.That(service.WhereIs("bob"), Is.EqualTo(bob), "Step 6: bob's session is untouched (see README, step 6).");
        Assert.That(await WaitFor(service.EndSessionAsync("ann"), "EndSessionAsync(\"ann\") again"), Is.False, "Step 6: ending a player's session they do not have gives false (see README, step 6).");
    }
}
