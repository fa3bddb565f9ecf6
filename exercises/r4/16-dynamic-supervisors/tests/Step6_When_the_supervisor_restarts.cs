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
}
