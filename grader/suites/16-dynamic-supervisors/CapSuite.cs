using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Hidden;

/// <summary>Step 4, thoroughly: random capacities, refusals, room made by finishing, and races at the cap.</summary>
public sealed class CapSuite : HiddenTest
{
    protected override int Step => 4;

    [Property("Step", 4)]
    [Test]
    [Repeat(2)]
    [CancelAfter(10_000)]
    public async Task A_desk_of_random_capacity_refuses_every_runner_beyond_it(CancellationToken cancellationToken)
    {
        var random = Seeded.Random(out var seed);
        var capacity = random.Next(1, 6);
        var runners = Enumerable.Range(0, capacity + random.Next(1, 4)).Select(i => $"r{i}").ToArray();
        var entries = new HiddenEntryList(runners);
        var desk = await StartDeskAsync(entries, capacity);
        var supervisor = await ClockSupervisorAsync(desk);

        foreach (var runner in runners.Take(capacity))
        {
            await GetOrStartAsync(desk, runner);
        }

        foreach (var runner in runners.Skip(capacity))
        {
            var full = await RefusalAsync<DeskFullException>(desk.GetOrStartAsync(runner), $"GetOrStartAsync(\"{runner}\") on a full desk of capacity {capacity} (seed {seed})",
                "A desk at its capacity refuses a new runner with a DeskFullException.");
            Assert.That((full.Runner, full.Capacity), Is.EqualTo((runner, capacity)), $"Step 4: the DeskFullException names {runner} and the capacity {capacity} (seed {seed}) {See}.");
            Assert.That(full.InnerException, Is.InstanceOf<SupervisorException>(), $"Step 4: the supervisor's refusal is the inner exception (seed {seed}) {See}.");
            Assert.That(entries.TimesAsked(runner), Is.EqualTo(1), $"Step 4: a new runner is asked about before the start is tried (seed {seed}) {See}.");
        }

        Assert.That(await ClocksAsync(supervisor), Has.Count.EqualTo(capacity), $"Step 4: the desk runs exactly its capacity of clocks (seed {seed}) {See}.");
        Assert.That(desk.Runners(), Is.EqualTo(runners.Take(capacity).Order(StringComparer.Ordinal)), $"Step 4: the refused runners have no clock (seed {seed}) {See}.");
        foreach (var runner in runners.Take(capacity))
        {
            Assert.That(desk.WhereIs(runner), Is.EqualTo(await GetOrStartAsync(desk, runner)), $"Step 4: {runner} still gets their clock from the full desk (seed {seed}) {See}.");
        }
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Each_finish_makes_room_for_exactly_one_new_runner(CancellationToken cancellationToken)
    {
        var desk = await StartDeskAsync(new HiddenEntryList("ann", "bob", "cid", "dan"), capacity: 2);
        await GetOrStartAsync(desk, "ann");
        await GetOrStartAsync(desk, "bob");

        await WithinAsync(desk.FinishAsync("ann"), "FinishAsync(\"ann\")");
        await GetOrStartAsync(desk, "cid");
        await RefusalAsync<DeskFullException>(desk.GetOrStartAsync("dan"), "GetOrStartAsync(\"dan\") on a desk full again",
            "One finish makes room for one runner: the desk is full again.");
        Assert.That(desk.Runners(), Is.EqualTo(new[] { "bob", "cid" }), $"Step 4: bob and cid run {See}.");
    }

    [Property("Step", 4)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Runners_racing_for_the_last_places_share_them_out(CancellationToken cancellationToken)
    {
        var random = Seeded.Random(out var seed);
        var runners = new[] { "ann", "bob", "cid", "dan" };
        var capacity = random.Next(1, 4);
        var entries = new HiddenEntryList(runners);
        var desk = await StartDeskAsync(entries, capacity);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var calls = runners.SelectMany(r => new[] { r, r }).OrderBy(_ => random.Next()).ToArray();
        var callers = calls.Select(r => desk.GetOrStartAsync(r)).ToArray();
        var questions = new List<HiddenQuestion>();
        for (var i = 0; i < calls.Length; i++)
        {
            questions.Add(await HeldQuestionAsync(entries, $"question {i + 1} of {calls.Length} (seed {seed})", callers));
        }

        foreach (var question in questions.OrderBy(_ => random.Next()))
        {
            question.Release();
        }

        var winners = new List<string>();
        foreach (var runner in runners)
        {
            var theirs = callers.Where((_, i) => calls[i] == runner).ToArray();
            try
            {
                await Task.WhenAll(theirs).WaitAsync(Patience);
            }
            catch (DeskFullException)
            {
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Step 4: waited {Patience.TotalSeconds} s for the callers of {runner} (seed {seed}) {See}.");
            }

            var outcomes = theirs.Select(t => t.IsCompletedSuccessfully ? t.Result.ToString() : Describe(t.Exception?.InnerException)).Distinct().ToArray();
            Assert.That(outcomes, Has.Length.EqualTo(1),
                $"Step 4: both callers for {runner} get the same answer, the clock or a DeskFullException; got [{string.Join("; ", outcomes)}] (seed {seed}) {See}.");
            if (theirs[0].IsCompletedSuccessfully)
            {
                winners.Add(runner);
                Assert.That(desk.WhereIs(runner), Is.EqualTo(theirs[0].Result), $"Step 4: {runner}'s name points at the clock their callers got (seed {seed}) {See}.");
            }
            else
            {
                Assert.That(theirs[0].Exception?.InnerException, Is.InstanceOf<DeskFullException>(),
                    $"Step 4: a runner without a place gets a DeskFullException (seed {seed}) {See}.");
            }
        }

        Assert.That(winners, Has.Count.EqualTo(capacity), $"Step 4: exactly {capacity} runners get a place (seed {seed}) {See}.");
        Assert.That(await ClocksAsync(supervisor), Has.Count.EqualTo(capacity), $"Step 4: {capacity} clocks run (seed {seed}) {See}.");
    }
}
