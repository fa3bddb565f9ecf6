using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Hidden;

/// <summary>Step 3, thoroughly: runners finishing in random order at random times.</summary>
public sealed class FinishSuite : HiddenTest
{
    protected override int Step => 3;

    [Property("Step", 3)]
    [Test]
    [Repeat(2)]
    [CancelAfter(10_000)]
    public async Task Runners_finishing_in_random_order_get_their_own_times(CancellationToken cancellationToken)
    {
        var random = Seeded.Random(out var seed);
        var runners = Enumerable.Range(0, random.Next(3, 7)).Select(i => $"r{i}").ToArray();
        var desk = await StartDeskAsync(new HiddenEntryList(runners), capacity: runners.Length);
        var supervisor = await ClockSupervisorAsync(desk);
        var started = new Dictionary<string, TimeSpan>();
        var clocks = new Dictionary<string, Pid>();
        var now = TimeSpan.Zero;
        foreach (var runner in runners)
        {
            var step = TimeSpan.FromSeconds(random.Next(1, 100));
            Clock.Advance(step);
            now += step;
            clocks[runner] = await GetOrStartAsync(desk, runner);
            started[runner] = now;
        }

        var running = runners.ToList();
        foreach (var runner in runners.OrderBy(_ => random.Next()))
        {
            var step = TimeSpan.FromSeconds(random.Next(0, 100));
            Clock.Advance(step);
            now += step;
            var exit = Watch(clocks[runner]);

            var time = await WithinAsync(desk.FinishAsync(runner), $"FinishAsync(\"{runner}\") (seed {seed})");

            running.Remove(runner);
            Assert.That(time, Is.EqualTo(now - started[runner]), $"Step 3: {runner}'s time is the time since their clock started (seed {seed}) {See}.");
            Assert.That(await ExitReasonAsync(exit, $"{runner}'s clock"), Is.EqualTo(ExitReason.Shutdown), $"Step 3: {runner}'s clock stops with shutdown (seed {seed}) {See}.");
            Assert.That(await ClocksAsync(supervisor), Is.EquivalentTo(running.Select(r => clocks[r])),
                $"Step 3: the other clocks run on, same pids, and the finished one is not restarted (seed {seed}) {See}.");
            Assert.That(desk.Runners(), Is.EqualTo(running.Order(StringComparer.Ordinal)), $"Step 3: Runners() lists those still running (seed {seed}) {See}.");
        }
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Finishing_on_a_new_desk_gives_null_and_starts_nothing(CancellationToken cancellationToken)
    {
        var entries = new HiddenEntryList("ann");
        var desk = await StartDeskAsync(entries);
        Assert.That(await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\")"), Is.Null, $"Step 3: a runner with no clock finishes with null {See}.");
        Assert.That(await ClocksAsync(await ClockSupervisorAsync(desk)), Is.Empty, $"Step 3: finishing starts no clock {See}.");
        Assert.That(entries.Asked, Is.Empty, $"Step 3: finishing does not ask the entry list {See}.");
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_finished_runner_can_run_and_finish_again(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann"));
        for (var lap = 1; lap <= 3; lap++)
        {
            await GetOrStartAsync(desk, "ann");
            Clock.Advance(TimeSpan.FromSeconds(lap * 10));
            Assert.That(await WithinAsync(desk.FinishAsync("ann"), $"FinishAsync(\"ann\"), lap {lap}"), Is.EqualTo(TimeSpan.FromSeconds(lap * 10)),
                $"Step 3: each new clock counts from its own start: lap {lap} {See}.");
        }
    }

    [Property("Step", 3)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_clock_restarted_after_a_crash_finishes_with_the_restarted_clock_s_time(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann"));
        var supervisor = await ClockSupervisorAsync(desk);
        var old = await GetOrStartAsync(desk, "ann");
        Clock.Advance(TimeSpan.FromSeconds(50));
        await CrashAsync(old, "ann's clock");
        var restarted = (await ClocksAsync(supervisor)).Single();
        Clock.Advance(TimeSpan.FromSeconds(7));
        var exit = Watch(restarted);

        Assert.That(await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\")"), Is.EqualTo(TimeSpan.FromSeconds(7)),
            $"Step 3: finishing reads the clock that runs now, the restarted one {See}.");
        Assert.That(await ExitReasonAsync(exit, "ann's restarted clock"), Is.EqualTo(ExitReason.Shutdown), $"Step 3: the restarted clock is the one stopped {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.Empty, $"Step 3: and it is not restarted {See}.");
    }
}
