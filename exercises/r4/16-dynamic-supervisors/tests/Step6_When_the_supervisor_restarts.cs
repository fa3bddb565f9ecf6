using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Tests;

/// <summary>
/// Step 6: when the DynamicSupervisor itself dies, its clocks die with it and their names go; the tree starts a new,
/// empty one under the same name, and the desk starts clocks under the new one.
/// </summary>
public sealed class Step6_When_the_supervisor_restarts : DeskTest
{
    protected override int Step => 6;

    [Test]
    [CancelAfter(10_000)]
    public async Task When_the_DynamicSupervisor_dies_its_clocks_die_and_their_names_go(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob"));
        var supervisor = await ClockSupervisorAsync(desk);
        var ann = Watch(await GetOrStartAsync(desk, "ann"));
        var bob = Watch(await GetOrStartAsync(desk, "bob"));

        Node.Exit(supervisor, ExitReason.Kill);

        Assert.That(await ExitReasonAsync(ann, "ann's clock"), Is.EqualTo(ExitReason.Killed),
            $"Step 6: a clock is linked to its supervisor: when the supervisor is killed, the clock dies with it {See}.");
        Assert.That(await ExitReasonAsync(bob, "bob's clock"), Is.EqualTo(ExitReason.Killed), $"Step 6: bob's clock dies too {See}.");
        Assert.That(desk.WhereIs("ann"), Is.Null, $"Step 6: a dead clock's name goes with it: WhereIs(\"ann\") gives null {See}.");
        Assert.That(desk.WhereIs("bob"), Is.Null, $"Step 6: WhereIs(\"bob\") gives null {See}.");
        Assert.That(desk.Runners(), Is.Empty, $"Step 6: Runners() lists no one: no clock runs {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_tree_restarts_the_DynamicSupervisor_empty(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann"));
        var old = await ClockSupervisorAsync(desk);
        await GetOrStartAsync(desk, "ann");
        var exit = Watch(old);

        Node.Exit(old, ExitReason.Kill);
        await ExitReasonAsync(exit, "the killed DynamicSupervisor");

        var restarted = await ClockSupervisorAsync(desk);
        Assert.That(restarted, Is.Not.EqualTo(old), $"Step 6: the Tree restarts its DynamicSupervisor, a new process {See}.");
        Assert.That(await ClocksAsync(restarted), Is.Empty,
            $"Step 6: a restarted DynamicSupervisor starts empty: it does not remember the children of the one before {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task After_the_restart_a_runner_gets_a_new_clock_under_the_new_supervisor(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries);
        var old = await ClockSupervisorAsync(desk);
        var before = await GetOrStartAsync(desk, "ann");
        var exit = Watch(before);
        Clock.Advance(TimeSpan.FromMinutes(5));

        Node.Exit(old, ExitReason.Kill);
        await ExitReasonAsync(exit, "ann's clock");
        var restarted = await ClockSupervisorAsync(desk);

        var after = await GetOrStartAsync(desk, "ann");
        Assert.That(after, Is.Not.EqualTo(before), $"Step 6: ann gets a new clock {See}.");
        Assert.That(await ClocksAsync(restarted), Is.EqualTo(new[] { after }),
            $"Step 6: the new clock is a child of the new DynamicSupervisor: the desk finds its supervisor by name, not by the pid it had at the start {See}.");
        Assert.That(await ReadAsync(after, "ann's new clock"), Is.EqualTo(new ClockReading("ann", TimeSpan.Zero)),
            $"Step 6: ann's new clock counts from zero {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(after), $"Step 6: ann's name points at her new clock {See}.");
        Assert.That(entries.TimesAsked("ann"), Is.EqualTo(2), $"Step 6: ann had no clock any more, so the entry list was asked again {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_fourth_crash_within_five_seconds_ends_the_DynamicSupervisor_and_the_tree_starts_it_again(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob"));
        var old = await ClockSupervisorAsync(desk);
        var bob = Watch(await GetOrStartAsync(desk, "bob"));
        var exit = Watch(old);

        for (var crash = 1; crash <= 3; crash++)
        {
            await CrashAsync(await GetOrStartAsync(desk, "ann"), $"ann's clock (crash {crash})");
            Assert.That(await ClocksAsync(old), Has.Count.EqualTo(2),
                $"Step 6: crash {crash} of 3 within five seconds is within the intensity (3 in 5 s): the clock is restarted {See}.");
        }

        await CrashAsync(await GetOrStartAsync(desk, "ann"), "ann's clock (crash 4)");

        Assert.That(await ExitReasonAsync(exit, "the DynamicSupervisor after a fourth crash within five seconds"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 6: a fourth restart within five seconds is more than the DynamicSupervisor's default intensity: it gives up with shutdown {See}.");
        Assert.That(await ExitReasonAsync(bob, "bob's clock"), Is.EqualTo(ExitReason.Shutdown), $"Step 6: the supervisor that gave up stopped bob's clock {See}.");
        var restarted = await ClockSupervisorAsync(desk);
        Assert.That(restarted, Is.Not.EqualTo(old), $"Step 6: the Tree started a new DynamicSupervisor {See}.");
        Assert.That(desk.Runners(), Is.Empty, $"Step 6: no clock runs and no name is left {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_restarted_DynamicSupervisor_keeps_the_cap(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob"), capacity: 1);
        var old = await ClockSupervisorAsync(desk);
        var exit = Watch(old);

        Node.Exit(old, ExitReason.Kill);
        await ExitReasonAsync(exit, "the killed DynamicSupervisor");
        await ClockSupervisorAsync(desk); // answered once the Tree has handled the death: the new supervisor runs

        await GetOrStartAsync(desk, "ann");
        await RefusalAsync<DeskFullException>(desk.GetOrStartAsync("bob"), "GetOrStartAsync(\"bob\") on the restarted desk of capacity 1",
            "The restarted DynamicSupervisor has the same cap: its child spec carries the options.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_second_death_of_the_DynamicSupervisor_within_five_seconds_ends_the_desk(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann"));
        var tree = Watch(desk.Tree);
        var first = await ClockSupervisorAsync(desk);
        var firstExit = Watch(first);
        Node.Exit(first, ExitReason.Kill);
        await ExitReasonAsync(firstExit, "the killed DynamicSupervisor");

        var second = await ClockSupervisorAsync(desk);
        Assert.That(second, Is.Not.EqualTo(first), $"Step 6: the Tree restarted the DynamicSupervisor once {See}.");
        Node.Exit(second, ExitReason.Kill);

        Assert.That(await ExitReasonAsync(tree, "the Tree after its DynamicSupervisor died twice within five seconds"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 6: the Tree keeps OTP's default intensity (1 restart in 5 s): a second death within five seconds makes it give up with shutdown {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_desk_stops_every_clock_with_shutdown(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob"));
        var supervisor = Watch(await ClockSupervisorAsync(desk));
        var ann = Watch(await GetOrStartAsync(desk, "ann"));
        var bob = Watch(await GetOrStartAsync(desk, "bob"));
        var tree = Watch(desk.Tree);

        await WithinAsync(desk.StopAsync(), "the desk's StopAsync() to return");

        Assert.That(await ExitReasonAsync(ann, "ann's clock"), Is.EqualTo(ExitReason.Shutdown), $"Step 6: stopping the desk stops ann's clock with shutdown {See}.");
        Assert.That(await ExitReasonAsync(bob, "bob's clock"), Is.EqualTo(ExitReason.Shutdown), $"Step 6: stopping the desk stops bob's clock with shutdown {See}.");
        Assert.That(await ExitReasonAsync(supervisor, "the DynamicSupervisor"), Is.EqualTo(ExitReason.Shutdown), $"Step 6: the Tree stops its DynamicSupervisor with shutdown {See}.");
        await ExitReasonAsync(tree, "the Tree");
        Assert.That(desk.Runners(), Is.Empty, $"Step 6: a stopped desk has no clock and no name left {See}.");
    }
}
