using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Tests;

/// <summary>Step 5: the DynamicSupervisor restarts a crashed clock, and the new clock takes the runner's name.</summary>
public sealed class Step5_A_crashed_clock_comes_back : DeskTest
{
    protected override int Step => 5;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_clock_is_restarted_under_the_runner_s_name(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        var old = await GetOrStartAsync(desk, "ann");
        Clock.Advance(TimeSpan.FromSeconds(30));

        await CrashAsync(old, "ann's clock");

        var clocks = await ClocksAsync(supervisor);
        Assert.That(clocks, Has.Count.EqualTo(1).And.Not.Contains(old),
            $"Step 5: the DynamicSupervisor restarts a crashed clock: one clock runs, a new process (a permanent child) {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(clocks[0]),
            $"Step 5: the restarted clock has ann's name: a clock started under a via-name registers itself again on every restart; got {desk.WhereIs("ann")?.ToString() ?? "null"} {See}.");
        var reading = await ReadAsync(clocks[0], "ann's restarted clock");
        Assert.That(reading, Is.EqualTo(new ClockReading("ann", TimeSpan.Zero)), $"Step 5: the restarted clock times ann, from zero (a restart starts from Init) {See}.");
        Assert.That(await GetOrStartAsync(desk, "ann"), Is.EqualTo(clocks[0]), $"Step 5: asking for ann gives the restarted clock {See}.");
        Assert.That(entries.TimesAsked("ann"), Is.EqualTo(1), $"Step 5: the restarted clock is found by name; the entry list is not asked again {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_leaves_the_other_clocks_running(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob"));
        var supervisor = await ClockSupervisorAsync(desk);
        var ann = await GetOrStartAsync(desk, "ann");
        var bob = await GetOrStartAsync(desk, "bob");
        Clock.Advance(TimeSpan.FromSeconds(30));

        await CrashAsync(bob, "bob's clock");

        Assert.That(await ClocksAsync(supervisor), Has.Count.EqualTo(2).And.Contains(ann), $"Step 5: ann's clock runs on, same pid, beside bob's new one {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(ann), $"Step 5: ann's name still points at her clock {See}.");
        Assert.That((await ReadAsync(ann, "ann's clock")).Elapsed, Is.EqualTo(TimeSpan.FromSeconds(30)), $"Step 5: ann's clock kept its time {See}.");
        Assert.That(desk.WhereIs("bob"), Is.Not.Null.And.Not.EqualTo(bob), $"Step 5: bob's name points at his restarted clock {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_clock_stopped_behind_the_supervisor_s_back_comes_back_too(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);
        var old = await GetOrStartAsync(desk, "ann");

        await WithinAsync(GenServer.StopAsync(Node, old, ExitReason.Normal, cancellationToken: cancellationToken), "ann's clock to stop with normal");

        var clocks = await ClocksAsync(supervisor);
        Assert.That(clocks, Has.Count.EqualTo(1).And.Not.Contains(old),
            $"Step 5: a clock is a permanent child: even after a normal exit the supervisor starts a new one (only a finish stops it for good) {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(clocks[0]), $"Step 5: ann's name points at the new clock {See}.");
    }
}
