using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Tests;

/// <summary>
/// Step 2: callers who all find no clock for a runner all try to start one; exactly one clock starts, and all get it.
/// The race is forced, not left to luck: the entry list holds every caller's question until the test releases it, so
/// all of them are past their lookup before any clock starts.
/// </summary>
public sealed class Step2_Two_callers_at_once : DeskTest
{
    protected override int Step => 2;

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_callers_racing_for_one_runner_get_the_same_clock_and_only_one_starts(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var callers = new[] { desk.GetOrStartAsync("ann"), desk.GetOrStartAsync("ann") };
        var first = await HeldQuestionAsync(entries, "the first caller to ask the entry list about ann", callers);
        var second = await HeldQuestionAsync(entries,
            "the second caller to ask about ann while the first still waits for its answer (callers must not wait for each other: both may try to start the clock)", callers);

        first.Release();
        var winner = await WithinAsync(await Task.WhenAny(callers), "the first caller's GetOrStartAsync(\"ann\") to return");
        Assert.That(await ClocksAsync(supervisor), Is.EqualTo(new[] { winner }), $"Step 2: the first caller started ann's clock {See}.");

        second.Release();
        var both = await WithinAsync(Task.WhenAll(callers),
            "the second caller's GetOrStartAsync(\"ann\") to return (its start fails with (already_started, pid): that pid is its answer)");

        Assert.That(both, Is.All.EqualTo(winner),
            $"Step 2: both callers get the same clock, the one that won the race; got {both[0]} and {both[1]} {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.EqualTo(new[] { winner }),
            $"Step 2: exactly one clock runs for ann: the loser's start must leave no second one {See}.");
        Assert.That(desk.WhereIs("ann"), Is.EqualTo(winner), $"Step 2: ann's name points at the winner's clock {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Many_callers_racing_for_one_runner_all_get_the_same_clock(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var callers = Enumerable.Range(0, 6).Select(_ => desk.GetOrStartAsync("ann")).ToArray();
        var questions = new HeldQuestion[callers.Length];
        for (var i = 0; i < callers.Length; i++)
        {
            questions[i] = await HeldQuestionAsync(entries, $"caller {i + 1} of {callers.Length} to ask the entry list about ann", callers);
        }

        foreach (var question in questions)
        {
            question.Release();
        }

        var clocks = await WithinAsync(Task.WhenAll(callers), $"all {callers.Length} calls of GetOrStartAsync(\"ann\") to return");
        Assert.That(clocks.Distinct(), Has.Exactly(1).Items,
            $"Step 2: every caller gets the same clock; got [{string.Join(", ", clocks.Distinct())}] {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.EqualTo(new[] { clocks[0] }),
            $"Step 2: exactly one clock runs for ann however many callers raced {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Callers_for_different_runners_do_not_wait_for_each_other(CancellationToken cancellationToken)
    {
        var entries = new EntryList("ann", "bob");
        var desk = await StartDeskAsync(entries);
        var supervisor = await ClockSupervisorAsync(desk);
        entries.Hold();

        var ann = desk.GetOrStartAsync("ann");
        var bob = desk.GetOrStartAsync("bob");
        var first = await HeldQuestionAsync(entries, "the entry list to be asked about ann or bob", ann, bob);
        var second = await HeldQuestionAsync(entries,
            $"the entry list to be asked about the other runner while the question about {first.Runner} is still open (a caller never waits for another runner's start)", ann, bob);
        Assert.That(new[] { first.Runner, second.Runner }, Is.EquivalentTo(new[] { "ann", "bob" }), $"Step 2: the desk asked about ann and bob {See}.");

        second.Release();
        first.Release();
        var clocks = await WithinAsync(Task.WhenAll(ann, bob), "GetOrStartAsync(\"ann\") and GetOrStartAsync(\"bob\") to return");

        Assert.That(clocks[0], Is.Not.EqualTo(clocks[1]), $"Step 2: ann and bob get a clock each {See}.");
        Assert.That(await ClocksAsync(supervisor), Is.EquivalentTo(clocks), $"Step 2: two clocks run, ann's and bob's {See}.");
    }
}
