using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Hidden;

/// <summary>Restart intensity measured to the millisecond, defaults kept where the README keeps them, and escalation up the tree.</summary>
[Property("Step", 5)]
public sealed class IntensitySuite : HiddenTest
{
    private async Task CrashDeskAsync(Pid desks, string desk)
    {
        await CrashAsync(await ChildAsync(desks, desk, "the desks"), $"the {desk} desk");
        // The desks have handled the crash (restarted the desk, or given up) before the test moves the clock on: the exit
        // signal reached their mailbox before the crash was seen (links are told before monitors), so a call answered
        // after it, or the desks' own end, means the restart was timed at the crash's time.
        try
        {
            await Supervisor.CountChildrenAsync(Node, desks).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception gone) when (gone is NoProcessException or ProcessExitedException)
        {
        }
    }

    [TestCase(5000, true)]
    [TestCase(5001, false)]
    [CancelAfter(10_000)]
    public async Task A_restart_exactly_five_seconds_old_still_counts_for_the_desks(int spanMs, bool givesUp, CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Log), "the desks");
        var exit = Watch(desks);

        await CrashDeskAsync(desks, "sports");
        foreach (var step in new[] { spanMs / 3, spanMs / 3, spanMs - 2 * (spanMs / 3) })
        {
            Clock.Advance(TimeSpan.FromMilliseconds(step));
            await CrashDeskAsync(desks, "sports");
        }

        if (givesUp)
        {
            Assert.That(await ExitReasonAsync(exit, "the desks"), Is.EqualTo(ExitReason.Shutdown),
                $"four restarts spanning {spanMs} ms: the first is still within the 5 s window, so the desks give up.");
        }
        else
        {
            Assert.That(await ChildAsync(desks, "sports", $"the desks (four restarts spanning {spanMs} ms: the first has left the 5 s window)"),
                Is.Not.Null, "Step 5: a restart more than 5 s old no longer counts: the fourth crash is restarted and the desks go on.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Crashes_of_different_desks_add_up(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Log), "the desks");
        var exit = Watch(desks);

        foreach (var desk in new[] { "sports", "weather", "politics", "weather" })
        {
            await CrashDeskAsync(desks, desk);
        }

        Assert.That(await ExitReasonAsync(exit, "the desks"), Is.EqualTo(ExitReason.Shutdown),
            "the intensity counts the supervisor's restarts, whichever child they were for.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Random_crash_times_make_the_desks_give_up_exactly_when_a_sliding_window_says_so(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var desks = await StartAsync(new Desks(Log), "the desks");
        var exit = Watch(desks);
        var restarts = new List<TimeSpan>();
        var now = TimeSpan.Zero;

        for (var crash = 0; crash < 30; crash++)
        {
            var step = TimeSpan.FromMilliseconds(random.Next(0, 3000));
            Clock.Advance(step);
            now += step;
            restarts.Add(now);
            var inWindow = restarts.Count(t => now - t <= TimeSpan.FromSeconds(5));
            await CrashDeskAsync(desks, "sports");
            if (inWindow > 3)
            {
                Assert.That(await ExitReasonAsync(exit, $"the desks after crash {crash + 1}"), Is.EqualTo(ExitReason.Shutdown),
                    $"{inWindow} restarts within 5 s at crash {crash + 1}: more than 3, the desks give up.");
                return;
            }

            Assert.That(await ChildAsync(desks, "sports", $"the desks after crash {crash + 1} ({inWindow} restarts within 5 s)"), Is.Not.Null, $"Step 5: {inWindow} restarts within 5 s at crash {crash + 1}: at most 3, so the desk is restarted.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_library_the_press_and_the_assignments_keep_the_default_of_one_restart_in_five_seconds(CancellationToken cancellationToken)
    {
        var library = await StartAsync(new Library(Log), "the library");
        var press = await StartAsync(new Press(Log), "the press");
        var assignments = await StartAsync(new Assignments(Log), "the assignments");
        var exits = new[] { Watch(library), Watch(press), Watch(assignments) };

        await CrashAsync(await ChildAsync(library, typeof(SearchIndex), "the library"), "the index");
        await CrashAsync(await ChildAsync(press, typeof(Courier), "the press"), "the courier");
        await StopWorkerAsync(await ChildAsync(assignments, "wire", "the assignments"), ExitReason.Normal, "the wire");
        Clock.Advance(TimeSpan.FromSeconds(5));
        await CrashAsync(await ChildAsync(library, typeof(Archive), "the library (one restart 5 s ago)"), "the archive");
        await CrashAsync(await ChildAsync(press, typeof(Printer), "the press (one restart 5 s ago)"), "the printer");
        await StopWorkerAsync(await ChildAsync(assignments, "wire", "the assignments (one restart 5 s ago)"), ExitReason.Normal, "the wire");

        foreach (var (exit, what) in exits.Zip(new[] { "the library", "the press", "the assignments (a permanent child's normal exits count too)" }))
        {
            Assert.That(await ExitReasonAsync(exit, what), Is.EqualTo(ExitReason.Shutdown), $"{what}: a second restart within 5 s is one too many.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Escalations_more_than_a_minute_apart_never_make_the_newsroom_give_up(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Log), "the newsroom");

        for (var escalation = 1; escalation <= 4; escalation++)
        {
            Clock.Advance(TimeSpan.FromSeconds(61));
            var desks = await ChildAsync(newsroom, typeof(Desks), $"the newsroom (escalation {escalation}, 61 s after the last)");
            var exit = Watch(desks);
            for (var crash = 0; crash < 4; crash++)
            {
                await CrashDeskAsync(desks, "politics");
            }

            Assert.That(await ExitReasonAsync(exit, "the desks"), Is.EqualTo(ExitReason.Shutdown), "the desks give up.");
        }

        Assert.That(await ChildAsync(newsroom, typeof(Desks), "the newsroom after 4 escalations a minute apart"), Is.Not.Null, "Step 5: escalations more than a minute apart never add up: the newsroom still runs its desks.");
    }

    [TestCase(60_000, true)]
    [TestCase(60_001, false)]
    [CancelAfter(10_000)]
    public async Task Escalations_from_any_subsystem_add_up_within_sixty_seconds(int spanMs, bool givesUp, CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Log), "the newsroom");
        var exit = Watch(newsroom);
        var subsystems = await PidsAsync(newsroom, "the newsroom");

        // The library gives up: two archive crashes at once (its default intensity is 1 in 5 s).
        var library = subsystems[typeof(Library)]!;
        var libraryExit = Watch(library);
        await CrashAsync(await ChildAsync(library, typeof(Archive), "the library"), "the archive");
        await CrashAsync(await ChildAsync(library, typeof(Archive), "the library"), "the archive");
        Assert.That(await ExitReasonAsync(libraryExit, "the library"), Is.EqualTo(ExitReason.Shutdown), "the library gives up.");

        // Then the press, half the span later.
        Clock.Advance(TimeSpan.FromMilliseconds(spanMs / 2));
        var press = await ChildAsync(newsroom, typeof(Press), "the newsroom");
        var pressExit = Watch(press);
        await CrashAsync(await ChildAsync(press, typeof(Printer), "the press"), "the printer");
        await CrashAsync(await ChildAsync(press, typeof(Courier), "the press"), "the courier");
        Assert.That(await ExitReasonAsync(pressExit, "the press"), Is.EqualTo(ExitReason.Shutdown), "the press gives up.");

        // Then the assignments, at the end of the span.
        Clock.Advance(TimeSpan.FromMilliseconds(spanMs - spanMs / 2));
        var assignments = await ChildAsync(newsroom, typeof(Assignments), "the newsroom");
        var assignmentsExit = Watch(assignments);
        await CrashAsync(await ChildAsync(assignments, "wire", "the assignments"), "the wire");
        await CrashAsync(await ChildAsync(assignments, "wire", "the assignments"), "the wire");
        Assert.That(await ExitReasonAsync(assignmentsExit, "the assignments"), Is.EqualTo(ExitReason.Shutdown), "the assignments give up.");

        if (givesUp)
        {
            Assert.That(await ExitReasonAsync(exit, "the newsroom"), Is.EqualTo(ExitReason.Shutdown),
                $"three restarts of subsystems within {spanMs} ms: the first still counts in the 60 s window, the newsroom gives up.");
            Assert.That(Node.IsAlive(subsystems[typeof(Desks)]!), Is.False, "a newsroom that gives up stops the desks too.");
        }
        else
        {
            var after = await PidsAsync(newsroom, $"the newsroom (three restarts spanning {spanMs} ms: the first has left the 60 s window)");
            Assert.That(after[typeof(Desks)], Is.EqualTo(subsystems[typeof(Desks)]), "the desks were never touched.");
        }
    }
}
