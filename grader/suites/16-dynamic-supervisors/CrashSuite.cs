using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Hidden;

/// <summary>Step 5, thoroughly: every kind of exit, random crashes spread over time, names that follow the restarts.</summary>
public sealed class CrashSuite : HiddenTest
{
    protected override int Step => 5;

    private static IEnumerable<TestCaseData> Exits()
    {
        yield return new TestCaseData(new Atom("crash")).SetArgDisplayNames("crash");
        yield return new TestCaseData(ExitReason.Normal).SetArgDisplayNames("normal");
        yield return new TestCaseData(ExitReason.Shutdown).SetArgDisplayNames("shutdown");
        yield return new TestCaseData(ExitReason.ShutdownWith("bye")).SetArgDisplayNames("shutdown_bye");
    }

    [Property("Step", 5)]
    [TestCaseSource(nameof(Exits))]
    [CancelAfter(10_000)]
    public async Task A_clock_that_exits_for_any_reason_but_a_finish_comes_back_under_its_name(object reason, CancellationToken cancellationToken)
    {
        var entries = new HiddenEntryList("ann");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        var old = await GetOrStartAsync(desk, "ann");

        await WithinAsync(GenServer.StopAsync(Node, old, reason, cancellationToken: cancellationToken), $"ann's clock to stop with {Describe(reason)}");

        var clocks = await ClocksAsync(supervisor);
        Assert.That(clocks, Has.Count.EqualTo(1).And.Not.Contains(old),
            $"Step 5: a clock is permanent: after it exits with {Describe(reason)} the supervisor starts a new one {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(clocks[0]), $"Step 5: ann's name points at the new clock {See}.");
        Assert.That(await GetOrStartAsync(desk, "ann"), Is.EqualTo(clocks[0]), $"Step 5: get-or-start gives the new clock {See}.");
        Assert.That(entries.TimesAsked("ann"), Is.EqualTo(1), $"Step 5: the entry list is not asked again {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_killed_clock_comes_back_under_its_name(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);
        var old = await GetOrStartAsync(desk, "ann");
        var exit = Watch(old);

        Node.Exit(old, ExitReason.Kill);
        await ExitReasonAsync(exit, "ann's killed clock");

        var clocks = await ClocksAsync(supervisor);
        Assert.That(clocks, Has.Count.EqualTo(1).And.Not.Contains(old), $"Step 5: a killed clock is restarted {See}.");
        Assert.That(await ReadAsync(clocks[0], "ann's restarted clock"), Is.EqualTo(new ClockReading("ann", TimeSpan.Zero)), $"Step 5: the new clock times ann from zero {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(clocks[0]), $"Step 5: ann's name points at it {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Random_crashes_spread_over_time_each_restart_one_clock_and_leave_the_rest(CancellationToken cancellationToken)
    {
        var random = Seeded.Random(out var seed);
        var runners = Enumerable.Range(0, random.Next(2, 6)).Select(i => $"r{i}").ToArray();
        var entries = new HiddenEntryList(runners);
        var desk = await StartDeskAsync(entries, capacity: runners.Length);
        var supervisor = await ClockSupervisorAsync(desk);
        var clocks = new Dictionary<string, Pid>();
        var since = new Dictionary<string, TimeSpan>();
        var now = TimeSpan.Zero;
        foreach (var runner in runners)
        {
            clocks[runner] = await GetOrStartAsync(desk, runner);
            since[runner] = now;
        }

        for (var crash = 0; crash < 12; crash++)
        {
            var step = TimeSpan.FromSeconds(random.Next(2, 20)); // at most 3 crashes in any 5 s
            Clock.Advance(step);
            now += step;
            var victim = runners[random.Next(runners.Length)];
            await CrashAsync(clocks[victim], $"{victim}'s clock (crash {crash + 1}, seed {seed})");

            var running = await ClocksAsync(supervisor);
            Assert.That(running, Has.Count.EqualTo(runners.Length).And.Not.Contains(clocks[victim]),
                $"Step 5: crash {crash + 1} of {victim}: the same supervisor restarts it, every runner has a clock (seed {seed}) {See}.");
            var restarted = desk.WhereIs(victim);
            Assert.That(restarted, Is.Not.Null.And.Not.EqualTo(clocks[victim]), $"Step 5: {victim}'s name points at the restarted clock (seed {seed}) {See}.");
            clocks[victim] = restarted!;
            since[victim] = now;
            foreach (var runner in runners)
            {
                Assert.That(desk.WhereIs(runner), Is.EqualTo(clocks[runner]), $"Step 5: {runner}'s name (seed {seed}) {See}.");
                Assert.That((await ReadAsync(clocks[runner], $"{runner}'s clock")).Elapsed, Is.EqualTo(now - since[runner]),
                    $"Step 5: {runner}'s clock counts from its own last start (seed {seed}) {See}.");
            }
        }

        Assert.That(runners.Select(entries.TimesAsked), Is.All.EqualTo(1), $"Step 5: restarts never ask the entry list (seed {seed}) {See}.");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_finish_of_a_clock_restarted_under_a_full_desk_still_makes_room(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann", "bob"), capacity: 1);
        var supervisor = await ClockSupervisorAsync(desk);
        await CrashAsync(await GetOrStartAsync(desk, "ann"), "ann's clock");
        await ClocksAsync(supervisor);

        await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\") on the restarted clock");
        var bob = await GetOrStartAsync(desk, "bob");
        Assert.That(await ClocksAsync(supervisor), Is.EqualTo(new[] { bob }), $"Step 5: the restarted clock of ann was finished and bob took the place {See}.");
    }
}
