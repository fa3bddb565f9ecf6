using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Hidden;

/// <summary>Step 6, thoroughly: the DynamicSupervisor's intensity, repeated restarts, the Tree giving up, and stopping the desk.</summary>
public sealed class TreeSuite : HiddenTest
{
    protected override int Step => 6;

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Four_crashes_of_four_clocks_within_five_seconds_end_the_DynamicSupervisor(CancellationToken cancellationToken)
    {
        var runners = new[] { "ann", "bob", "cid", "dan" };
        var desk = await StartDeskAsync(new HiddenEntryList(runners));
        var supervisor = await ClockSupervisorAsync(desk);
        var exit = Watch(supervisor);
        var clocks = await Task.WhenAll(runners.Select(r => GetOrStartAsync(desk, r)));

        foreach (var clock in clocks)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await CrashAsync(clock, "a clock");
        }

        Assert.That(await ExitReasonAsync(exit, "the DynamicSupervisor after four restarts in four seconds"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 6: four restarts within five seconds, of any clocks, are more than the intensity (3 in 5 s) {See}.");
        Assert.That(desk.Runners(), Is.Empty, $"Step 6: every clock and every name went with the supervisor {See}.");
        Assert.That(await ClocksAsync(await ClockSupervisorAsync(desk)), Is.Empty, $"Step 6: the Tree's new DynamicSupervisor is empty {See}.");
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Crashes_two_seconds_apart_never_exceed_the_intensity(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);

        for (var crash = 1; crash <= 8; crash++)
        {
            Clock.Advance(TimeSpan.FromSeconds(2));
            await CrashAsync(await GetOrStartAsync(desk, "ann"), $"ann's clock (crash {crash})");
            await ClocksAsync(supervisor); // answered once the supervisor has restarted the clock: the restart is counted now, not after the next Advance
            Assert.That(await ClockSupervisorAsync(desk), Is.EqualTo(supervisor),
                $"Step 6: crash {crash}, two seconds after the one before: never more than 3 within 5 s, so the same DynamicSupervisor runs (keep Elixir's default intensity) {See}.");
        }
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Three_crashes_at_once_are_within_the_intensity(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);
        for (var crash = 1; crash <= 3; crash++)
        {
            await CrashAsync(await GetOrStartAsync(desk, "ann"), $"ann's clock (crash {crash})");
        }

        Assert.That(await ClockSupervisorAsync(desk), Is.EqualTo(supervisor), $"Step 6: three restarts at once are within the default intensity (3 in 5 s) {See}.");
        Assert.That(await ClocksAsync(supervisor), Has.Count.EqualTo(1), $"Step 6: ann's clock runs {See}.");
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task The_desk_survives_supervisor_deaths_more_than_five_seconds_apart(CancellationToken cancellationToken)
    {
        var entries = new HiddenEntryList("ann");
        var desk = await StartDeskAsync(entries);
        var tree = desk.Tree;
        for (var death = 1; death <= 3; death++)
        {
            var supervisor = await ClockSupervisorAsync(desk);
            var clock = Watch(await GetOrStartAsync(desk, "ann"));
            Clock.Advance(TimeSpan.FromSeconds(6));
            Node.Exit(supervisor, ExitReason.Kill);
            await ExitReasonAsync(clock, $"ann's clock (death {death} of the supervisor)");

            var restarted = await ClockSupervisorAsync(desk);
            Assert.That(restarted, Is.Not.EqualTo(supervisor), $"Step 6: death {death}: the Tree restarted the DynamicSupervisor {See}.");
            Assert.That(desk.WhereIs("ann"), Is.Null, $"Step 6: death {death}: ann's name went with her clock {See}.");
        }

        var ann = await GetOrStartAsync(desk, "ann");
        Assert.That(await ClocksAsync(await ClockSupervisorAsync(desk)), Is.EqualTo(new[] { ann }), $"Step 6: the desk still starts clocks, under the latest supervisor {See}.");
        Assert.That(entries.TimesAsked("ann"), Is.EqualTo(4), $"Step 6: after each death ann was a new runner again {See}.");
        Assert.That(desk.Tree, Is.EqualTo(tree), $"Step 6: the Tree itself never restarted {See}.");
    }

    [Property("Step", 6)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_desk_stops_the_tree_and_leaves_no_process(CancellationToken cancellationToken)
    {
        var processes = Node.Processes();
        var desk = await StartDeskAsync(new HiddenEntryList("ann", "bob", "cid"));
        await GetOrStartAsync(desk, "ann");
        await GetOrStartAsync(desk, "cid");
        var tree = Watch(desk.Tree);

        await WithinAsync(desk.StopAsync(), "the desk's StopAsync()");

        await ExitReasonAsync(tree, "the Tree");
        Assert.That(Node.Processes(), Is.EquivalentTo(processes), $"Step 6: a stopped desk leaves no process running {See}.");
        Assert.That(desk.WhereIs("ann"), Is.Null, $"Step 6: no name is left {See}.");
    }
}
