using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Supervisors.Tests;

/// <summary>Step 5: restart intensity: a crash loop makes a supervisor give up, and the fault escalates up the tree.</summary>
public sealed class Step5_Restart_intensity : NodeTest
{
    protected override int Step => 5;

    /// <summary>Crashes the sports desk of <paramref name="desks"/> <paramref name="times"/> times, at the current instant.</summary>
    private async Task CrashSportsAsync(Pid desks, int times)
    {
        for (var crash = 1; crash <= times; crash++)
        {
            await CrashAsync(await ChildAsync(desks, "sports", $"the desks (before crash {crash} of {times})"), $"the sports desk (crash {crash})");
        }
    }

    /// <summary>A desk in a crash loop: four crashes at one instant, then the desks supervisor must exit with shutdown.</summary>
    private async Task EscalateAsync(Pid newsroom, string which)
    {
        var desks = await ChildAsync(newsroom, typeof(Desks), "the newsroom");
        var exit = Watch(desks);
        await CrashSportsAsync(desks, 4);
        Assert.That(await ExitReasonAsync(exit, $"the desks supervisor ({which} crash loop)"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 5: four crashes of a desk at once are more than 3 in 5 s: the desks supervisor gives up with shutdown ({which} crash loop) {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Three_crashes_of_a_desk_at_once_are_all_restarted(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Journal), "the desks");

        await CrashSportsAsync(desks, 3);

        var sports = await ChildAsync(desks, "sports", "the desks (after 3 crashes at once: MaxRestarts = 3 allows them)");
        Assert.That(Node.IsAlive(sports), Is.True, $"Step 5: the sports desk runs after its third restart {See}.");
        Assert.That(Journal.StartedWorkers.Count(w => w == "sports"), Is.EqualTo(4), $"Step 5: the sports desk started once and was restarted 3 times {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_fourth_crash_within_five_seconds_makes_the_desks_give_up_with_shutdown(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Journal), "the desks");
        var weather = await ChildAsync(desks, "weather", "the desks");
        var exit = Watch(desks);

        for (var crash = 1; crash <= 4; crash++)
        {
            await CrashAsync(await ChildAsync(desks, "sports", $"the desks (before crash {crash} of 4, one second apart)"), $"the sports desk (crash {crash})");
            if (crash < 4)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Assert.That(await ExitReasonAsync(exit, "the desks supervisor"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 5: four restarts within 3 s is more than 3 in 5 s: the supervisor gives up and exits with shutdown {See}.");
        Assert.That(Node.IsAlive(weather), Is.False, $"Step 5: a supervisor that gives up stops its other children first {See}.");
        Assert.That(Journal.StartedWorkers.Count(w => w == "sports"), Is.EqualTo(4),
            $"Step 5: the fourth crash is not restarted: the supervisor gives up instead {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Crashes_more_than_five_seconds_apart_never_add_up(CancellationToken cancellationToken)
    {
        var desks = await StartAsync(new Desks(Journal), "the desks");

        for (var crash = 1; crash <= 8; crash++)
        {
            Clock.Advance(TimeSpan.FromSeconds(6));
            var seen = Journal.Entries.Select(e => e.Pid).ToHashSet();
            await CrashAsync(await ChildAsync(desks, "sports", $"the desks (before crash {crash} of 8, each 6 s after the last)"), $"the sports desk (crash {crash})");
            // The restart is done before the clock moves on, so that restarts are 6 s apart on the node's clock too.
            await JournalAsync(e => e.Kind == "started" && e.Worker == "sports" && !seen.Contains(e.Pid),
                $"the sports desk to start again after crash {crash}", desks, "the desks");
        }

        var sports = await ChildAsync(desks, "sports",
            "the desks (restarts older than MaxTime, 5 s on the node's clock, no longer count: crashes 6 s apart never make them give up)");
        Assert.That(Node.IsAlive(sports), Is.True, $"Step 5: the sports desk runs after its eighth restart {See}.");
        Assert.That(Journal.StartedWorkers.Count(w => w == "sports"), Is.EqualTo(9), $"Step 5: every one of the 8 crashes was restarted {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task When_the_desks_give_up_the_newsroom_starts_them_again_and_leaves_the_rest_alone(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Journal), "the newsroom");
        var before = (await ChildrenAsync(newsroom, "the newsroom")).ToDictionary(c => c.Id, c => c.Pid);
        Assert.That(before.Keys, Is.EquivalentTo(new object[] { typeof(Library), typeof(Desks), typeof(Press), typeof(Assignments) }),
            $"Step 5: the newsroom's children are its four subsystems, their types as ids {See}.");

        await EscalateAsync(newsroom, "one");

        var after = (await ChildrenAsync(newsroom, "the newsroom")).ToDictionary(c => c.Id, c => c.Pid);
        Assert.That(after[typeof(Desks)], Is.Not.Null.And.Not.EqualTo(before[typeof(Desks)]),
            $"Step 5: the newsroom restarts the desks supervisor that gave up {See}.");
        var desks = after[typeof(Desks)]!;
        Assert.That((await ChildrenAsync(desks, "the new desks")).Select(c => c.Id), Is.EqualTo(new[] { "politics", "weather", "sports" }),
            $"Step 5: the new desks supervisor starts all three desks again, from a clean start {See}.");
        foreach (var other in new[] { typeof(Library), typeof(Press), typeof(Assignments) })
        {
            Assert.That(after[other], Is.EqualTo(before[other]),
                $"Step 5: the subsystems do not depend on each other: one_for_one leaves {other.Name} running {See}.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_third_escalation_within_a_minute_makes_the_newsroom_give_up_with_shutdown(CancellationToken cancellationToken)
    {
        var newsroom = await StartAsync(new Newsroom(Journal), "the newsroom");
        var exit = Watch(newsroom);

        await EscalateAsync(newsroom, "first");
        Clock.Advance(TimeSpan.FromSeconds(20));
        await EscalateAsync(newsroom, "second");
        await ChildAsync(newsroom, typeof(Desks), "the newsroom (after two restarts of the desks within 20 s: MaxRestarts = 2 allows them)");
        Clock.Advance(TimeSpan.FromSeconds(20));
        await EscalateAsync(newsroom, "third");

        Assert.That(await ExitReasonAsync(exit, "the newsroom"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 5: a third restart of a subsystem within 60 s (40 s here) is one too many: the newsroom gives up with shutdown {See}.");
        Assert.That(Journal.TerminatedWorkers, Has.Member(Archive.Name),
            $"Step 5: the newsroom giving up stops its other subsystems first (the archive's Terminate ran) {See}.");
    }
}
