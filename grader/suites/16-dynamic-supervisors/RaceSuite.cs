using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Hidden;

/// <summary>Step 2, thoroughly: many callers for many runners, held at the entry list and released in random order.</summary>
public sealed class RaceSuite : HiddenTest
{
    protected override int Step => 2;

    [Property("Step", 2)]
    [Test]
    [Repeat(3)]
    [CancelAfter(10_000)]
    public async Task Callers_for_many_runners_released_in_random_order_get_one_clock_per_runner(CancellationToken cancellationToken)
    {
        var random = Seeded.Random(out var seed);
        var runners = Enumerable.Range(0, random.Next(2, 5)).Select(i => $"r{i}").ToArray();
        var entries = new HiddenEntryList(runners);
        var desk = await StartDeskAsync(entries, capacity: runners.Length);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var calls = runners.SelectMany(r => Enumerable.Range(0, random.Next(2, 5)).Select(_ => r)).OrderBy(_ => random.Next()).ToArray();
        var callers = calls.Select(r => desk.GetOrStartAsync(r)).ToArray();
        var questions = new List<HiddenQuestion>();
        for (var i = 0; i < calls.Length; i++)
        {
            questions.Add(await HeldQuestionAsync(entries, $"question {i + 1} of {calls.Length} to the entry list (seed {seed})", callers));
        }

        foreach (var question in questions.OrderBy(_ => random.Next()))
        {
            question.Release();
        }

        var clocks = await WithinAsync(Task.WhenAll(callers), $"all {calls.Length} calls to return (seed {seed})");
        foreach (var runner in runners)
        {
            var theirs = clocks.Where((_, i) => calls[i] == runner).Distinct().ToArray();
            Assert.That(theirs, Has.Length.EqualTo(1), $"Step 2: every caller for {runner} gets the same clock (seed {seed}) {See}.");
            Assert.That(desk.WhereIs(runner), Is.EqualTo(theirs[0]), $"Step 2: {runner}'s name points at that clock (seed {seed}) {See}.");
            Assert.That((await ReadAsync(theirs[0], $"{runner}'s clock")).Runner, Is.EqualTo(runner), $"Step 2: it times {runner} (seed {seed}) {See}.");
        }

        Assert.That(await ClocksAsync(supervisor), Has.Count.EqualTo(runners.Length),
            $"Step 2: exactly one clock per runner runs, whatever the order the callers were released in (seed {seed}) {See}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task The_caller_who_asked_second_may_win_the_race(CancellationToken cancellationToken)
    {
        var entries = new HiddenEntryList("ann");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var callers = new[] { desk.GetOrStartAsync("ann"), desk.GetOrStartAsync("ann") };
        var first = await HeldQuestionAsync(entries, "the first caller to ask about ann", callers);
        var second = await HeldQuestionAsync(entries, "the second caller to ask about ann", callers);
        second.Release();
        var winner = await WithinAsync(await Task.WhenAny(callers), "the caller released first to return");
        first.Release();

        var both = await WithinAsync(Task.WhenAll(callers), "the other caller to return with the winner's clock");
        Assert.That(both, Is.All.EqualTo(winner), $"Step 2: whoever starts first wins, and the other caller gets the winner's clock {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.EqualTo(new[] { winner }), $"Step 2: one clock runs for ann {See}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Racing_callers_for_a_runner_not_entered_are_all_refused(CancellationToken cancellationToken)
    {
        var entries = new HiddenEntryList("ann");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var callers = new[] { desk.GetOrStartAsync("zed"), desk.GetOrStartAsync("zed") };
        var first = await HeldQuestionAsync(entries, "the first caller to ask about zed", callers);
        var second = await HeldQuestionAsync(entries, "the second caller to ask about zed", callers);
        first.Release();
        second.Release();

        foreach (var caller in callers)
        {
            await RefusalAsync<NotEnteredException>(caller, "a racing GetOrStartAsync(\"zed\")", "Every caller for a runner not entered gets a NotEnteredException.");
        }

        Assert.That(await ClocksAsync(supervisor), Is.Empty, $"Step 2: no clock starts for zed {See}.");
    }

    [Property("Step", 2)]
    [Test]
    [CancelAfter(10_000)]
    public async Task A_loser_returns_the_clock_that_holds_the_name(CancellationToken cancellationToken)
    {
        var entries = new HiddenEntryList("ann", "bob");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        await GetOrStartAsync(desk, "bob");
        entries.Hold();

        var callers = new[] { desk.GetOrStartAsync("ann"), desk.GetOrStartAsync("ann") };
        var first = await HeldQuestionAsync(entries, "the first caller to ask about ann", callers);
        var second = await HeldQuestionAsync(entries, "the second caller to ask about ann", callers);
        first.Release();
        var winner = await WithinAsync(await Task.WhenAny(callers), "the winner to return");
        second.Release();
        var both = await WithinAsync(Task.WhenAll(callers), "the loser to return");

        Assert.That(both, Is.All.EqualTo(winner).And.All.EqualTo(desk.WhereIs("ann")),
            $"Step 2: the loser returns the pid in its (already_started, pid), ann's clock, not some other child of the supervisor {See}.");
        Assert.That(await ClocksAsync(supervisor), Has.Count.EqualTo(2), $"Step 2: bob's clock and one clock of ann run {See}.");
    }
}
