using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Layers.Tests;

/// <summary>
/// The behaviour of the program as its users see it, written once and run against both programs: the tangled one
/// (<see cref="Tangled_program_behaviour"/>, green from the start) and your layered one
/// (<see cref="Step6_The_layered_service_behaves_as_the_tangled_one"/>). A refactoring changes the shape, never this.
/// </summary>
public abstract class PollBehaviour : NodeTest
{
    protected override int Step => 6;

    /// <summary>Which program runs, as the failures name it.</summary>
    protected abstract string Program { get; }

    /// <summary>The program, started on <see cref="NodeTest.Node"/>.</summary>
    protected abstract Task<IPolls> StartAsync();

    /// <summary>A process whose death ends a wait at once (the service's tree), or null when the program has none.</summary>
    protected virtual Pid? Root => null;

    /// <summary>Waits for one call to the program.</summary>
    protected Task<T> Answer<T>(Task<T> call, string what) => WithinAsync(call, what, Root, $"{Program}'s tree");

    /// <summary>Waits for one call to the program that has no result.</summary>
    protected Task Answer(Task call, string what) => WithinAsync(call, what, Root, $"{Program}'s tree");

    [Test]
    [CancelAfter(10_000)]
    public async Task A_poll_counts_votes_replaces_a_voters_choice_and_refuses_unknown_options(CancellationToken cancellationToken)
    {
        var polls = await StartAsync();
        await Answer(polls.OpenAsync("lunch", "Lunch?", ["pizza", "sushi", "salad"]), "lunch to open");

        var outcomes = new List<VoteOutcome>();
        foreach (var (voter, option) in new[] { ("ann", "sushi"), ("bob", "pizza"), ("ann", "pizza"), ("cat", "tacos"), ("dan", "salad") })
        {
            outcomes.Add(await Answer(polls.VoteAsync("lunch", voter, option), $"{voter}'s vote"));
        }

        Assert.That(outcomes, Is.EqualTo(new[] { VoteOutcome.Counted, VoteOutcome.Counted, VoteOutcome.Replaced, VoteOutcome.UnknownOption, VoteOutcome.Counted }),
            $"Step 6: {Program}: the outcomes of ann, bob, ann again, cat (tacos) and dan {See}.");
        Assert.That(await Answer(polls.ReportAsync("lunch"), "the report"), Is.EqualTo("Lunch? | pizza 2 | salad 1 | sushi 0 | 3 votes"),
            $"Step 6: {Program}: ann's second vote replaced her first, cat's did not count {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_closed_poll_refuses_votes_and_says_so_in_its_report(CancellationToken cancellationToken)
    {
        var polls = await StartAsync();
        await Answer(polls.OpenAsync("drink", "Drink?", ["tea", "coffee"]), "drink to open");
        await Answer(polls.VoteAsync("drink", "ann", "tea"), "ann's vote");

        await Answer(polls.CloseAsync("drink"), "drink to close");
        await Answer(polls.CloseAsync("drink"), "drink to close again");

        Assert.That(await Answer(polls.VoteAsync("drink", "bob", "coffee"), "bob's vote"), Is.EqualTo(VoteOutcome.Closed),
            $"Step 6: {Program}: a vote in a closed poll is Closed {See}.");
        Assert.That(await Answer(polls.VoteAsync("drink", "ann", "nothing"), "ann's vote"), Is.EqualTo(VoteOutcome.Closed),
            $"Step 6: {Program}: a closed poll says Closed whatever the option {See}.");
        Assert.That(await Answer(polls.ReportAsync("drink"), "the report"), Is.EqualTo("Drink? | tea 1 | coffee 0 | 1 vote | closed"),
            $"Step 6: {Program}: the report of a closed poll {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Polls_are_independent_of_each_other(CancellationToken cancellationToken)
    {
        var polls = await StartAsync();
        await Answer(polls.OpenAsync("lunch", "Lunch?", ["pizza", "sushi"]), "lunch to open");
        await Answer(polls.OpenAsync("drink", "Drink?", ["tea", "coffee", "pizza"]), "drink to open");

        await Answer(polls.VoteAsync("lunch", "ann", "pizza"), "ann's lunch vote");
        Assert.That(await Answer(polls.VoteAsync("drink", "ann", "pizza"), "ann's drink vote"), Is.EqualTo(VoteOutcome.Counted),
            $"Step 6: {Program}: ann's vote in one poll is not a vote in another {See}.");
        await Answer(polls.CloseAsync("lunch"), "lunch to close");

        Assert.That(await Answer(polls.VoteAsync("drink", "bob", "tea"), "bob's drink vote"), Is.EqualTo(VoteOutcome.Counted),
            $"Step 6: {Program}: closing lunch does not close drink {See}.");
        Assert.That(await Answer(polls.ReportAsync("lunch"), "the lunch report"), Is.EqualTo("Lunch? | pizza 1 | sushi 0 | 1 vote | closed"),
            $"Step 6: {Program}: the lunch report {See}.");
        Assert.That(await Answer(polls.ReportAsync("drink"), "the drink report"), Is.EqualTo("Drink? | tea 1 | pizza 1 | coffee 0 | 2 votes"),
            $"Step 6: {Program}: the drink report {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Bad_input_and_unknown_polls_fail_with_the_same_exceptions(CancellationToken cancellationToken)
    {
        var polls = await StartAsync();
        await Answer(polls.OpenAsync("lunch", "Lunch?", ["pizza", "sushi"]), "lunch to open");

        Assert.That(async () => await polls.OpenAsync("lunch", "Again?", ["a", "b"]), Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("lunch"),
            $"Step 6: {Program}: an open name cannot be opened again, and the error names it {See}.");
        foreach (var (what, parameter, call) in new (string, string, Func<Task>)[]
                 {
                     ("a blank name", "name", () => polls.OpenAsync("", "Lunch?", ["a", "b"])),
                     ("a blank question", "question", () => polls.OpenAsync("dinner", " ", ["soup", "stew"])),
                     ("one option", "options", () => polls.OpenAsync("dinner", "Dinner?", ["soup"])),
                     ("a blank option", "options", () => polls.OpenAsync("dinner", "Dinner?", ["soup", " ", "stew"])),
                     ("a blank voter", "voter", () => polls.VoteAsync("lunch", "", "pizza")),
                     ("a blank option in a vote", "option", () => polls.VoteAsync("lunch", "ann", " ")),
                     ("a report of a blank name", "name", () => polls.ReportAsync(" ")),
                 })
        {
            Assert.That(async () => await call(), Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(parameter),
                $"Step 6: {Program}: {what} is refused with an ArgumentException naming {parameter} {See}.");
        }

        Assert.That(async () => await polls.VoteAsync("dinner", "ann", "soup"), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("dinner"),
            $"Step 6: {Program}: a refused poll was never opened: dinner is not found, and the error names it {See}.");
        Assert.That(async () => await polls.ReportAsync("breakfast"), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("breakfast"),
            $"Step 6: {Program}: a poll nobody opened is not found {See}.");
        await Answer(polls.OpenAsync("dinner", "Dinner?", ["soup", "stew"]), "dinner to open after all");
        await Answer(polls.OpenAsync("day", "Day?", ["mon", "tue", "wed", "thu", "fri"]), "a poll of five options to open");
        Assert.That(await Answer(polls.ReportAsync("dinner"), "the dinner report"), Is.EqualTo("Dinner? | soup 0 | stew 0 | 0 votes"),
            $"Step 6: {Program}: a name refused for bad input can be opened with good input {See}.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Many_voters_at_once_are_all_counted(CancellationToken cancellationToken)
    {
        var polls = await StartAsync();
        await Answer(polls.OpenAsync("lunch", "Lunch?", ["pizza", "sushi"]), "lunch to open");

        var votes = Enumerable.Range(0, 40).Select(i => Task.Run(() => polls.VoteAsync("lunch", $"voter{i}", i % 4 == 0 ? "sushi" : "pizza"), cancellationToken));
        var outcomes = await Answer(Task.WhenAll(votes), "40 votes cast at once");

        Assert.That(outcomes, Is.All.EqualTo(VoteOutcome.Counted), $"Step 6: {Program}: 40 different voters are each Counted {See}.");
        Assert.That(await Answer(polls.ReportAsync("lunch"), "the report"), Is.EqualTo("Lunch? | pizza 30 | sushi 10 | 40 votes"),
            $"Step 6: {Program}: no vote is lost {See}.");
    }
}
