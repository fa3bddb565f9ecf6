using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace Layers.Tests;

/// <summary>Step 2: the core's reducers: votes and a close turn one poll value into the next, and nothing else changes.</summary>
public sealed class Step2_The_core_counts_votes
{
    private const string See = "(see README, step 2)";

    private static Poll Lunch() => PollCore.Open("Lunch?", ["pizza", "sushi", "salad"]);

    [Test]
    public void A_first_vote_is_counted_and_a_later_one_by_the_same_voter_replaces_it()
    {
        var (first, counted) = PollCore.Vote(Lunch(), "ann", "sushi");
        var (second, replaced) = PollCore.Vote(first, "ann", "pizza");

        Assert.That(counted, Is.EqualTo(VoteOutcome.Counted), $"Step 2: a voter's first vote is Counted {See}.");
        Assert.That(first.Ballots.ToDictionary(), Is.EqualTo(new[] { ("ann", "sushi") }.ToDictionary(b => b.Item1, b => b.Item2)),
            $"Step 2: after ann's vote for sushi the poll holds that ballot. Got {first} {See}.");
        Assert.That(replaced, Is.EqualTo(VoteOutcome.Replaced), $"Step 2: a voter who voted before is Replaced, not counted twice {See}.");
        Assert.That(second.Ballots.ToDictionary(), Is.EqualTo(new[] { ("ann", "pizza") }.ToDictionary(b => b.Item1, b => b.Item2)),
            $"Step 2: each voter counts once, with their latest choice. Got {second} {See}.");
        Assert.That(PollCore.Vote(second, "ann", "pizza").Outcome, Is.EqualTo(VoteOutcome.Replaced),
            $"Step 2: voting again for the same option is Replaced too {See}.");
    }

    [Test]
    public void A_vote_for_an_option_the_poll_does_not_offer_changes_nothing()
    {
        var (before, _) = PollCore.Vote(Lunch(), "ann", "sushi");

        var (after, outcome) = PollCore.Vote(before, "bob", "tacos");

        Assert.That(outcome, Is.EqualTo(VoteOutcome.UnknownOption), $"Step 2: tacos is not an option of the poll: UnknownOption {See}.");
        Assert.That(after.ToString(), Is.EqualTo(before.ToString()), $"Step 2: a refused vote leaves the poll as it was {See}.");
        Assert.That(PollCore.Vote(before, "ann", "Sushi").Outcome, Is.EqualTo(VoteOutcome.UnknownOption),
            $"Step 2: options are compared exactly: \"Sushi\" is not \"sushi\" {See}.");
    }

    [Test]
    public void A_closed_poll_refuses_every_vote_and_stays_closed()
    {
        var (voted, _) = PollCore.Vote(Lunch(), "ann", "sushi");

        var closed = PollCore.Close(voted);

        Assert.That(closed.IsClosed, Is.True, $"Step 2: PollCore.Close gives the poll closed. Got {closed} {See}.");
        Assert.That(closed.Ballots.ToDictionary(), Is.EqualTo(voted.Ballots.ToDictionary()), $"Step 2: closing keeps the ballots. Got {closed} {See}.");
        var (after, outcome) = PollCore.Vote(closed, "bob", "pizza");
        Assert.That(outcome, Is.EqualTo(VoteOutcome.Closed), $"Step 2: a vote in a closed poll is Closed {See}.");
        Assert.That(after.Ballots.ContainsKey("bob"), Is.False, $"Step 2: a closed poll counts no more votes. Got {after} {See}.");
        Assert.That(PollCore.Vote(closed, "ann", "tacos").Outcome, Is.EqualTo(VoteOutcome.Closed),
            $"Step 2: a closed poll answers Closed before it looks at the option {See}.");
        Assert.That(PollCore.Close(closed).IsClosed, Is.True, $"Step 2: closing a closed poll leaves it closed {See}.");
    }

    [Test]
    public void Voting_and_closing_never_change_the_poll_they_were_given()
    {
        var poll = Lunch();
        var (voted, _) = PollCore.Vote(poll, "ann", "sushi");

        PollCore.Vote(voted, "ann", "pizza");
        PollCore.Vote(voted, "bob", "salad");
        PollCore.Close(voted);

        Assert.That(poll.Ballots, Is.Empty, $"Step 2: the poll given to PollCore.Vote is never changed: a new one is returned. Got {poll} {See}.");
        Assert.That(voted.Ballots.ToDictionary(), Is.EqualTo(new[] { ("ann", "sushi") }.ToDictionary(b => b.Item1, b => b.Item2)),
            $"Step 2: a later vote or close does not reach back into an earlier poll value. Got {voted} {See}.");
        Assert.That(voted.IsClosed, Is.False, $"Step 2: PollCore.Close returns a closed copy and leaves its input open {See}.");
    }

    [Test]
    public void Standings_put_most_votes_first_and_keep_ties_in_the_order_given()
    {
        var poll = PollCore.Open("Colour?", ["red", "green", "blue", "black"]);
        foreach (var (voter, option) in new[] { ("a", "blue"), ("b", "green"), ("c", "blue"), ("d", "black"), ("e", "green"), ("f", "blue") })
        {
            poll = PollCore.Vote(poll, voter, option).Poll;
        }

        var standings = PollCore.Standings(poll);

        Assert.That(standings, Is.EqualTo(new[] { new Standing("blue", 3), new Standing("green", 2), new Standing("black", 1), new Standing("red", 0) }),
            $"Step 2: most votes first. Got [{string.Join(", ", standings)}] {See}.");
        var tied = PollCore.Vote(PollCore.Vote(poll, "g", "black").Poll, "h", "red").Poll;
        Assert.That(PollCore.Standings(tied).Select(s => s.Option), Is.EqualTo(new[] { "blue", "green", "black", "red" }),
            $"Step 2: green and black tie at 2: green was given first, so it comes first. Got [{string.Join(", ", PollCore.Standings(tied))}] {See}.");
        var reversed = PollCore.Vote(PollCore.Vote(PollCore.Open("Colour?", ["red", "green"]), "a", "green").Poll, "b", "red").Poll;
        Assert.That(PollCore.Standings(reversed).Select(s => s.Option), Is.EqualTo(new[] { "red", "green" }),
            $"Step 2: a tie keeps the poll's order of options, whatever order the votes came in {See}.");
    }

    [Test]
    public void The_report_counts_voters_and_says_when_the_poll_is_closed()
    {
        var (one, _) = PollCore.Vote(Lunch(), "ann", "sushi");
        var three = PollCore.Vote(PollCore.Vote(one, "bob", "pizza").Poll, "cat", "sushi").Poll;

        Assert.That(PollCore.Report(one), Is.EqualTo("Lunch? | sushi 1 | pizza 0 | salad 0 | 1 vote"),
            $"Step 2: one voter is \"1 vote\", and the option with most votes comes first {See}.");
        Assert.That(PollCore.Report(three), Is.EqualTo("Lunch? | sushi 2 | pizza 1 | salad 0 | 3 votes"), $"Step 2: three voters are \"3 votes\" {See}.");
        Assert.That(PollCore.Report(PollCore.Close(three)), Is.EqualTo("Lunch? | sushi 2 | pizza 1 | salad 0 | 3 votes | closed"),
            $"Step 2: a closed poll's report ends with \" | closed\" {See}.");
    }

    [Test]
    public void The_core_uses_nothing_of_the_runtime_tasks_a_clock_or_the_console()
    {
        // Reads the compiled core: every member its method bodies (lambdas included) call, create or read.
        var used = Il.Bodies(typeof(PollCore))
            .SelectMany(method => Il.References(method).Select(member => (method, member)))
            .Where(x => Il.TypesOf(x.member).Any(IsOutsideTheCore) || x.member is MethodInfo { Name: "get_Now" or "get_UtcNow" })
            .Select(x => $"{x.method.Name} uses {Il.Show(x.member)}")
            .Distinct()
            .ToList();

        Assert.That(used, Is.Empty,
            "Step 2: PollCore is the functional core: its answers follow from its arguments alone, so it calls, creates and reads " +
            "nothing of the runtime (Otp), of threads and tasks, of a clock or of the console. Found: " + string.Join("; ", used) + $" {See}.");
    }

    private static bool IsOutsideTheCore(Type type) =>
        type.Namespace is "Otp" or "System.IO" || (type.Namespace ?? "").StartsWith("System.Threading", StringComparison.Ordinal)
        || type == typeof(Console) || type == typeof(TimeProvider);
}
