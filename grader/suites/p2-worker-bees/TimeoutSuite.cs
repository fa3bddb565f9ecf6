using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Hidden;

/// <summary>Idle time-outs among busy sessions, and ending sessions by hand.</summary>
public sealed class TimeoutSuite : HiddenQuiz
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Only_the_sessions_nobody_used_for_the_idle_time_out_end(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var busy = new[] { "ann", "bob" };
        var idle = new[] { "cid", "dee", "eve" };
        foreach (var player in busy.Concat(idle))
        {
            await SessionAsync(service, player, 6);
        }

        var idlePids = idle.Select(p => service.WhereIs(p)!).ToArray();
        var exits = idlePids.Select(p => Node.WaitForExitAsync(p)).ToArray();
        Clock.Advance(IdleTimeout - Tick);
        await WaitFor(service.AnswerAsync("ann", "wax"), "ann's answer", 6);
        await WaitFor(service.ProgressAsync("bob"), "bob's progress", 6);
        Clock.Advance(Tick);

        Assert.That(await WaitFor(Task.WhenAll(exits), "the idle sessions to exit", 6), Is.All.EqualTo(ExitReason.Normal),
            "Step 6: each session nobody used for the idle time-out ends normally (see README, step 6).");
        Assert.That(service.Players().Order(), Is.EqualTo(busy), "Step 6: the busy ones run on (see README, step 6).");
        Assert.That(await RunningSessionsAsync(service, 6), Is.EqualTo(2), "Step 6: and no idle one is restarted (see README, step 6).");

        Clock.Advance(IdleTimeout - Tick - Tick);
        Assert.That(await WaitFor(Sys.GetStateAsync<Progress>(Node, service.WhereIs("ann")!), "ann's state", 6), Is.EqualTo(Fresh("ann") with { Next = 1 }),
            "Step 6: a second before its time-out, ann's session is still there (see README, step 6).");
        var annExit = Node.WaitForExitAsync(service.WhereIs("ann")!);
        Clock.Advance(Tick);
        Assert.That(await WaitFor(annExit, "ann's session, idle since its answer", 6), Is.EqualTo(ExitReason.Normal),
            "Step 6: and it ends at the time-out counted from its last reply (see README, step 6).");
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_finished_quiz_still_times_out(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann", 6);
        foreach (var _ in Questions)
        {
            await WaitFor(service.AnswerAsync("ann", "?"), "an answer", 6);
        }

        var exited = Node.WaitForExitAsync(session);
        Clock.Advance(IdleTimeout);
        Assert.That(await WaitFor(exited, "the finished session's exit", 6), Is.EqualTo(ExitReason.Normal), "Step 6: a finished quiz's session times out as any other (see README, step 6).");
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_restarted_session_has_an_idle_time_out_of_its_own(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann", 7);
        Node.Exit(session, ExitReason.Kill);
        await ExitOf(session, "ann's killed session", 7);
        await RunningSessionsAsync(service, 7);
        var restarted = service.WhereIs("ann")!;

        var exited = Node.WaitForExitAsync(restarted);
        Clock.Advance(IdleTimeout);
        Assert.That(await WaitFor(exited, "the restarted session's idle time-out", 6), Is.EqualTo(ExitReason.Normal),
            "Step 6: Init sets the idle time-out, so a restarted session nobody uses ends too (see README, step 6).");
        Assert.That(await RunningSessionsAsync(service, 6), Is.Zero, "Step 6: and is not restarted (see README, step 6).");
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Ending_sessions_by_hand_ends_only_those_and_a_timed_out_one_cannot_be_ended(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        foreach (var player in new[] { "ann", "bob", "cid" })
        {
            await SessionAsync(service, player, 6);
        }

        Assert.That(await WaitFor(service.EndSessionAsync("bob"), "EndSessionAsync(\"bob\")", 6), Is.True, "Step 6: bob's session ends (see README, step 6).");
        Assert.That(await WaitFor(service.EndSessionAsync("zed"), "EndSessionAsync(\"zed\")", 6), Is.False, "Step 6: zed never had one (see README, step 6).");
        Assert.That(service.Players().Order(), Is.EqualTo(new[] { "ann", "cid" }), "Step 6: the others run on (see README, step 6).");

        var cid = service.WhereIs("cid")!;
        var exited = Node.WaitForExitAsync(cid);
        await WaitFor(service.ProgressAsync("ann"), "ann's progress", 6);
        Clock.Advance(IdleTimeout - Tick);
        await WaitFor(service.ProgressAsync("ann"), "ann's progress", 6);
        Clock.Advance(Tick);
        await WaitFor(exited, "cid's idle session", 6);
        Assert.That(await WaitFor(service.EndSessionAsync("cid"), "EndSessionAsync(\"cid\") after its time-out", 6), Is.False,
            "Step 6: a session that timed out is no longer there to end: false (see README, step 6).");
        Assert.That(await RunningSessionsAsync(service, 6), Is.EqualTo(1), "Step 6: only ann's session is left (see README, step 6).");
    }
}
