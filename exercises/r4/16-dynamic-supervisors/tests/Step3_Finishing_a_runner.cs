using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Tests;

/// <summary>Step 3: a finished runner's clock is read, then stopped by its supervisor for good; the other clocks run on.</summary>
public sealed class Step3_Finishing_a_runner : DeskTest
{
    protected override int Step => 3;

    [Test]
    [CancelAfter(10_000)]
    public async Task Finishing_a_runner_gives_their_time_and_stops_their_clock_for_good(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);
        var clock = await GetOrStartAsync(desk, "ann");
        var exit = Watch(clock);
        Clock.Advance(TimeSpan.FromMinutes(3));

        var time = await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\") to return");

        Assert.That(time, Is.EqualTo(TimeSpan.FromMinutes(3)), $"Step 3: FinishAsync returns the time on the runner's clock {See}.");
        Assert.That(await ExitReasonAsync(exit, "ann's clock"), Is.EqualTo(ExitReason.Shutdown),
            $"Step 3: ann's clock is stopped by its supervisor, with shutdown (DynamicSupervisor.TerminateChildAsync) {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.Empty,
            $"Step 3: a finished clock is not restarted: the supervisor forgets it (a clock stopped behind the supervisor's back is a permanent child that exited, and comes back) {See}.");
        Assert.That(desk.WhereIs("ann"), Is.Null, $"Step 3: a finished runner's name is free: WhereIs gives null {See}.");
        Assert.That(desk.Runners(), Is.Empty, $"Step 3: Runners() no longer lists a finished runner {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Finishing_one_runner_leaves_the_others_running(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann", "bob", "cid"));
        var ann = await GetOrStartAsync(desk, "ann");
        var bob = await GetOrStartAsync(desk, "bob");
        var cid = await GetOrStartAsync(desk, "cid");
        Clock.Advance(TimeSpan.FromSeconds(10));

        await WithinAsync(desk.FinishAsync("bob"), "FinishAsync(\"bob\") to return");

        Assert.That(desk.WhereIs("ann"), Is.EqualTo(ann), $"Step 3: finishing bob leaves ann's clock running, same pid {See}.");
        Assert.That(desk.WhereIs("cid"), Is.EqualTo(cid), $"Step 3: finishing bob leaves cid's clock running, same pid {See}.");
        Assert.That((await ReadAsync(ann, "ann's clock")).Elapsed, Is.EqualTo(TimeSpan.FromSeconds(10)), $"Step 3: ann's clock kept its time {See}.");
        Assert.That(desk.Runners(), Is.EqualTo(new[] { "ann", "cid" }), $"Step 3: Runners() lists ann and cid, not bob {See}.");
        Assert.That(Node.IsAlive(bob), Is.False, $"Step 3: bob's clock is stopped {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_finished_runner_asking_again_gets_a_new_clock_from_zero(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries);
        var old = await GetOrStartAsync(desk, "ann");
        Clock.Advance(TimeSpan.FromSeconds(30));
        await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\") to return");

        var clock = await GetOrStartAsync(desk, "ann");

        Assert.That(clock, Is.Not.EqualTo(old), $"Step 3: after finishing, ann gets a new clock {See}.");
        Assert.That((await ReadAsync(clock, "ann's new clock")).Elapsed, Is.EqualTo(TimeSpan.Zero), $"Step 3: the new clock counts from zero {See}.");
        Assert.That(entries.TimesAsked("ann"), Is.EqualTo(2), $"Step 3: without a clock, ann is a new runner again: the entry list is asked again {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Finishing_a_runner_without_a_clock_gives_null(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new EntryList("ann"));
        var ann = await GetOrStartAsync(desk, "ann");

        Assert.That(await WithinAsync(desk.FinishAsync("bob"), "FinishAsync(\"bob\") to return"), Is.Null,
            $"Step 3: a runner who never had a clock finishes with null {See}.");
        await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\") to return");
        Assert.That(await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\") to return a second time"), Is.Null,
            $"Step 3: a runner already finished finishes again with null {See}.");
        Assert.That(Node.IsAlive(ann), Is.False, $"Step 3: ann's clock is stopped {See}.");
    }
}
