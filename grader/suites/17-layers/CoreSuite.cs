using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NUnit.Framework;

namespace Layers.Hidden;

/// <summary>Steps 1 and 2: the core's rules, on edge cases and on random polls checked against a model written here.</summary>
public sealed class CoreSuite
{
    [Property("Step", 1)]
    [Test]
    public void Open_keeps_every_option_in_order_for_two_to_five_options()
    {
        for (var count = 2; count <= 5; count++)
        {
            var options = Enumerable.Range(1, count).Select(i => $"opt{i}").ToArray();
            var poll = PollCore.Open($"Q{count}?", options);
            Assert.That(poll.Options, Is.EqualTo(options), $"Step 1: PollCore.Open keeps all {count} options in order. Got {poll} (see README, step 1).");
            Assert.That(poll.Question, Is.EqualTo($"Q{count}?"), $"Step 1: PollCore.Open keeps the question (see README, step 1).");
            Assert.That(poll.IsClosed, Is.False, $"Step 1: a new poll is open (see README, step 1).");
            Assert.That(poll.Ballots, Is.Empty, $"Step 1: a new poll has no ballots (see README, step 1).");
        }
    }

    [Property("Step", 1)]
    [Test]
    public void Open_copies_an_enumerable_that_is_read_once()
    {
        var reads = 0;
        IEnumerable<string> Once()
        {
            reads++;
            yield return "x";
            yield return "y";
        }

        var poll = PollCore.Open("Once?", Once());

        Assert.That(poll.Options, Is.EqualTo(new[] { "x", "y" }), $"Step 1: the options come from the sequence given. Got {poll} (see README, step 1).");
        Assert.That(poll.Options, Is.EqualTo(new[] { "x", "y" }), $"Step 1: the poll holds its own copy: reading its options again gives them again (see README, step 1).");
        Assert.That(reads, Is.EqualTo(1), "Step 1: PollCore.Open reads the options once, into the poll's own immutable list (see README, step 1).");
    }

    [Property("Step", 2)]
    [Test]
    public void A_fresh_report_of_five_options_names_them_all_at_zero()
    {
        var poll = PollCore.Open("Day?", ["mon", "tue", "wed", "thu", "fri"]);

        Assert.That(PollCore.Report(poll), Is.EqualTo("Day? | mon 0 | tue 0 | wed 0 | thu 0 | fri 0 | 0 votes"),
            "Step 1: the report of a fresh poll (see README, step 1).");
        Assert.That(PollCore.Report(PollCore.Close(poll)), Is.EqualTo("Day? | mon 0 | tue 0 | wed 0 | thu 0 | fri 0 | 0 votes | closed"),
            "Step 2: a closed poll with no votes still ends with closed (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    public void Two_voters_are_two_votes_and_a_replaced_vote_is_still_one()
    {
        var poll = PollCore.Open("Q?", ["a", "b"]);
        poll = PollCore.Vote(poll, "x", "a").Poll;
        poll = PollCore.Vote(poll, "y", "b").Poll;
        Assert.That(PollCore.Report(poll), Is.EqualTo("Q? | a 1 | b 1 | 2 votes"), "Step 2: two voters, a tie kept in the options' order (see README, step 2).");
        poll = PollCore.Vote(poll, "x", "b").Poll;
        Assert.That(PollCore.Report(poll), Is.EqualTo("Q? | b 2 | a 0 | 2 votes"), "Step 2: x moved to b: still two voters (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    public void A_refused_vote_returns_the_very_poll_it_was_given()
    {
        var poll = PollCore.Vote(PollCore.Open("Q?", ["a", "b"]), "x", "a").Poll;

        Assert.That(PollCore.Vote(poll, "y", "c").Poll, Is.SameAs(poll), "Step 2: an unknown option returns the poll unchanged (see README, step 2).");
        var closed = PollCore.Close(poll);
        Assert.That(PollCore.Vote(closed, "y", "a").Poll, Is.SameAs(closed), "Step 2: a closed poll returns itself unchanged (see README, step 2).");
        Assert.That(PollCore.Vote(closed, "x", "b").Poll.Ballots["x"], Is.EqualTo("a"), "Step 2: a closed poll keeps x's ballot as it was (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    public void Closing_keeps_question_options_and_ballots()
    {
        var poll = PollCore.Vote(PollCore.Open("Q?", ["a", "b", "c"]), "x", "c").Poll;

        var closed = PollCore.Close(poll);

        Assert.That(closed.Question, Is.EqualTo("Q?"), "Step 2: Close keeps the question (see README, step 2).");
        Assert.That(closed.Options, Is.EqualTo(new[] { "a", "b", "c" }), "Step 2: Close keeps the options (see README, step 2).");
        Assert.That(closed.Ballots.ToDictionary(), Is.EqualTo(new Dictionary<string, string> { ["x"] = "c" }), "Step 2: Close keeps the ballots (see README, step 2).");
        Assert.That(PollCore.Close(closed).IsClosed, Is.True, "Step 2: closing twice leaves it closed (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    [Repeat(5)]
    public void Random_votes_give_what_a_model_of_the_rules_gives()
    {
        var (random, seed) = Seeded.Random();
        var count = random.Next(2, 6);
        var options = Enumerable.Range(0, count).Select(i => ((char)('a' + i)).ToString()).ToArray();
        var poll = PollCore.Open("Random?", options);
        var ballots = new Dictionary<string, string>();
        var closed = false;
        var history = new List<Poll>();

        for (var turn = 0; turn < 300; turn++)
        {
            history.Add(poll);
            var printed = poll.ToString();
            if (random.Next(40) == 0)
            {
                poll = PollCore.Close(poll);
                closed = true;
                Assert.That(history[^1].ToString(), Is.EqualTo(printed), $"Step 2: Close never changes its input (seed {seed}, turn {turn}) (see README, step 2).");
                continue;
            }

            var voter = $"v{random.Next(12)}";
            var option = random.Next(8) == 0 ? "zz" : options[random.Next(count)];
            var expected = closed ? VoteOutcome.Closed
                : !options.Contains(option) ? VoteOutcome.UnknownOption
                : ballots.ContainsKey(voter) ? VoteOutcome.Replaced : VoteOutcome.Counted;
            if (expected is VoteOutcome.Counted or VoteOutcome.Replaced)
            {
                ballots[voter] = option;
            }

            var (next, outcome) = PollCore.Vote(poll, voter, option);

            Assert.That(outcome, Is.EqualTo(expected), $"Step 2: {voter} votes {option} in {poll} (seed {seed}, turn {turn}) (see README, step 2).");
            Assert.That(next.Ballots.ToDictionary(), Is.EqualTo(ballots), $"Step 2: the ballots after {voter} votes {option} (seed {seed}, turn {turn}) (see README, step 2).");
            Assert.That(poll.ToString(), Is.EqualTo(printed), $"Step 2: Vote never changes its input (seed {seed}, turn {turn}) (see README, step 2).");
            poll = next;
        }

        var model = options.Select((o, i) => (o, i, n: ballots.Values.Count(v => v == o))).OrderByDescending(x => x.n).ThenBy(x => x.i).ToList();
        Assert.That(PollCore.Standings(poll), Is.EqualTo(model.Select(x => new Standing(x.o, x.n)).ToImmutableList()),
            $"Step 2: standings after a random session, most votes first, ties in option order (seed {seed}) (see README, step 2).");
        var votes = ballots.Count == 1 ? "1 vote" : $"{ballots.Count} votes";
        var report = string.Join(" | ", new[] { "Random?" }.Concat(model.Select(x => $"{x.o} {x.n}")).Append(votes).Concat(closed ? ["closed"] : Array.Empty<string>()));
        Assert.That(PollCore.Report(poll), Is.EqualTo(report), $"Step 2: the report after a random session (seed {seed}) (see README, step 2).");
        Assert.That(history[0].Ballots, Is.Empty, $"Step 2: the first poll of the session was never changed (seed {seed}) (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    public void An_option_given_last_that_wins_outright_comes_first()
    {
        var poll = PollCore.Open("Q?", ["a", "b", "c", "d"]);
        poll = PollCore.Vote(PollCore.Vote(PollCore.Vote(poll, "x", "d").Poll, "y", "d").Poll, "z", "b").Poll;

        Assert.That(PollCore.Standings(poll), Is.EqualTo(new[] { new Standing("d", 2), new Standing("b", 1), new Standing("a", 0), new Standing("c", 0) }),
            "Step 2: d with 2 votes first, then b with 1, then a and c at 0 in the options' order (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    public void Voters_are_compared_exactly_and_a_moved_vote_moves_one_vote()
    {
        var poll = PollCore.Open("Q?", ["a", "b"]);
        var (first, one) = PollCore.Vote(poll, "ann", "a");
        var (second, two) = PollCore.Vote(first, "Ann", "a");
        var (third, moved) = PollCore.Vote(second, "ann", "b");

        Assert.That((one, two, moved), Is.EqualTo((VoteOutcome.Counted, VoteOutcome.Counted, VoteOutcome.Replaced)),
            "Step 2: \"ann\" and \"Ann\" are two voters; ann's second vote is Replaced (see README, step 2).");
        Assert.That(PollCore.Standings(third), Is.EqualTo(new[] { new Standing("a", 1), new Standing("b", 1) }),
            "Step 2: ann moved from a to b: a lost one vote, b gained one (see README, step 2).");
    }

    [Property("Step", 2)]
    [Test]
    public void A_report_takes_question_and_options_as_they_are()
    {
        var poll = PollCore.Vote(PollCore.Open("  Spaces | and pipes? ", ["x y", "|"]), "v", "|").Poll;

        Assert.That(PollCore.Report(poll), Is.EqualTo("  Spaces | and pipes?  | | 1 | x y 0 | 1 vote"),
            "Step 2: the report joins the question and the standings with \" | \" and changes neither (see README, step 2).");
    }

    [Property("Step", 1)]
    [Test]
    public void A_poll_prints_its_question_options_ballots_and_state()
    {
        var poll = PollCore.Vote(PollCore.Vote(PollCore.Open("Q?", ["a", "b"]), "bob", "b").Poll, "ann", "a").Poll;

        Assert.That(poll.ToString(), Is.EqualTo("Poll { Question = Q?, Options = [a, b], Ballots = {ann: a, bob: b}, IsClosed = False }"),
            "Step 1: a poll prints its items, voters in order, so that a failure shows them (see README, step 1).");
    }
}
