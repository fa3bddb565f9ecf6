using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Layers;

/// <summary>
/// The functional core: every rule of a poll, as pure functions from values to values. Construct a poll, reduce votes
/// and a close into it, convert it to standings and a report. No process, no clock, no console, no runtime.
/// </summary>
public static class PollCore
{
    /// <summary>Constructs a new open poll with no ballots.</summary>
    /// <param name="question">What the poll asks (already checked by the boundary).</param>
    /// <param name="options">Its options in order (already checked by the boundary).</param>
    /// <returns>The poll.</returns>
    public static Poll Open(string question, IEnumerable<string> options) =>
        new(question, [.. options], ImmutableDictionary<string, string>.Empty, IsClosed: false);

    /// <summary>
    /// Reduces one vote into <paramref name="poll"/>: a closed poll refuses it (<see cref="VoteOutcome.Closed"/>), an option
    /// the poll does not offer is refused (<see cref="VoteOutcome.UnknownOption"/>), a voter's first vote is counted and a
    /// later one replaces the earlier. A refused vote returns the poll unchanged. The poll given is never changed.
    /// </summary>
    /// <param name="poll">The poll before the vote.</param>
    /// <param name="voter">Who votes.</param>
    /// <param name="option">Their choice.</param>
    /// <returns>The poll after the vote, and what became of the vote.</returns>
    public static (Poll Poll, VoteOutcome Outcome) Vote(Poll poll, string voter, string option)
    {
        if (poll.IsClosed)
        {
            return (poll, VoteOutcome.Closed);
        }

        // Gap, step 2: the rest of the rules. An option that is not in poll.Options is refused: return the poll as it is,
        // with UnknownOption. Otherwise the vote counts: the outcome is Replaced when the voter already has a ballot
        // (poll.Ballots.ContainsKey), Counted when not, and the new poll is `poll with { Ballots = ... }` where the
        // ballots are poll.Ballots.SetItem(voter, option): a new immutable dictionary; the old poll keeps the old one.
        throw new NotImplementedException("Step 2: implement the rest of PollCore.Vote (see README, step 2).");
    }

    /// <summary>Reduces a close into <paramref name="poll"/>: the same poll, closed (closing a closed poll changes nothing).</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>The poll, closed.</returns>
    public static Poll Close(Poll poll) => poll with { IsClosed = true };

    /// <summary>Converts <paramref name="poll"/> to its standings: every option with its votes, most votes first, ties in the order the options were given.</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>One <see cref="Standing"/> per option.</returns>
    public static ImmutableList<Standing> Standings(Poll poll)
    {
        // Gap, step 1: one Standing per option of poll.Options, in their order, each with the number of ballots whose
        // value is that option (poll.Ballots.Values). Then, for step 2, most votes first: OrderByDescending on the votes
        // keeps options with as many votes in the order they had (LINQ's sort is stable), which is the order the README
        // asks for ties. Collect into an ImmutableList with a collection expression: [.. query].
        throw new NotImplementedException("Step 1: implement PollCore.Standings (see README, steps 1 and 2).");
    }

    /// <summary>
    /// Converts <paramref name="poll"/> to its report, one line: the question, each standing as <c>option votes</c>, the
    /// number of voters (<c>1 vote</c>, <c>3 votes</c>), then <c>closed</c> if it is, separated by <c> | </c>:
    /// <c>Lunch? | pizza 2 | sushi 1 | salad 0 | 3 votes | closed</c>.
    /// </summary>
    /// <param name="poll">The poll.</param>
    /// <returns>The report.</returns>
    public static string Report(Poll poll)
    {
        var voters = poll.Ballots.Count;
        IEnumerable<string> parts =
        [
            poll.Question,
            .. Standings(poll).Select(standing => $"{standing.Option} {standing.Votes}"),
            voters == 1 ? "1 vote" : $"{voters} votes",
        ];
        return string.Join(" | ", poll.IsClosed ? parts.Append("closed") : parts);
    }
}
