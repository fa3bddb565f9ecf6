using System.Collections.Generic;
using NUnit.Framework;

namespace Layers.Tests;

/// <summary>Step 1: data and the core's construct and convert: a poll is a value, made and read by pure functions.</summary>
public sealed class Step1_The_core_opens_and_reports
{
    private const string See = "(see README, step 1)";

    [Test]
    public void A_new_poll_is_open_with_its_question_and_options_and_no_ballots()
    {
        var poll = PollCore.Open("Lunch?", ["pizza", "sushi", "salad"]);

        Assert.That(poll.Question, Is.EqualTo("Lunch?"), $"Step 1: PollCore.Open keeps the question. Got {poll} {See}.");
        Assert.That(poll.Options, Is.EqualTo(new[] { "pizza", "sushi", "salad" }),
            $"Step 1: PollCore.Open keeps the options in the order given. Got {poll} {See}.");
        Assert.That(poll.Ballots, Is.Empty, $"Step 1: a new poll has no ballots. Got {poll} {See}.");
        Assert.That(poll.IsClosed, Is.False, $"Step 1: a new poll is open. Got {poll} {See}.");
    }

    [Test]
    public void A_new_poll_keeps_its_options_when_the_list_it_was_opened_from_changes()
    {
        var options = new List<string> { "tea", "coffee" };
        var poll = PollCore.Open("Drink?", options);

        options.Add("juice");
        options[0] = "water";

        Assert.That(poll.Options, Is.EqualTo(new[] { "tea", "coffee" }),
            $"Step 1: a poll is a value: it holds its own immutable copy of the options, and the caller's list changing afterwards " +
            $"does not reach it. Got {poll} {See}.");
    }

    [Test]
    public void A_new_poll_stands_at_zero_for_every_option_in_the_order_given()
    {
        var poll = PollCore.Open("Colour?", ["red", "green", "blue", "black"]);

        var standings = PollCore.Standings(poll);

        Assert.That(standings, Is.EqualTo(new[] { new Standing("red", 0), new Standing("green", 0), new Standing("blue", 0), new Standing("black", 0) }),
            $"Step 1: PollCore.Standings lists every option with its votes; with no votes, all at 0 in the order the options were given. " +
            $"Got [{string.Join(", ", standings)}] {See}.");
    }

    [Test]
    public void A_new_poll_reports_its_question_and_every_option_at_zero_and_0_votes()
    {
        var report = PollCore.Report(PollCore.Open("Lunch?", ["pizza", "sushi", "salad"]));

        Assert.That(report, Is.EqualTo("Lunch? | pizza 0 | sushi 0 | salad 0 | 0 votes"),
            $"Step 1: PollCore.Report gives the question, each option with its votes, and the number of voters, separated by \" | \" {See}.");
    }
}
