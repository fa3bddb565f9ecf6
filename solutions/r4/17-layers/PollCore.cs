using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Layers;

/// <summary>
/// The functional core: every rule of a poll, as pure functions from values to values. Construct a poll, reduce votes
/// and a close into it, convert it to standings and a report. No process, no clock, no console, no runtime.
/// </summary>
/// <remarks>
/// This is the tangled program's <c>RunPoll</c> loop with everything taken out that is not a rule: the receive, the
/// replies, the mutable dictionary, the console. What is left is the part worth testing hardest, and it can now be
/// tested with nothing running (steps 1 and 2 do), reused by any process, and read in one screen. The shape is CRC, as
/// in exercise 03: <see cref="Open"/> constructs, <see cref="Vote"/> and <see cref="Close"/> reduce,
/// <see cref="Standings"/> and <see cref="Report"/> convert.
/// </remarks>
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

        if (!poll.Options.Contains(option))
        {
            return (poll, VoteOutcome.UnknownOption);
        }

        // SetItem gives a new dictionary and leaves the old one as it was: whoever holds the old poll still holds it.
        var outcome = poll.Ballots.ContainsKey(voter) ? VoteOutcome.Replaced : VoteOutcome.Counted;
        return (poll with { Ballots = poll.Ballots.SetItem(voter, option) }, outcome);
    }

    /// <summary>Reduces a close into <paramref name="poll"/>: the same poll, closed (closing a closed poll changes nothing).</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>The poll, closed.</returns>
    public static Poll Close(Poll poll) => poll with { IsClosed = true };

    /// <summary>Converts <paramref name="poll"/> to its standings: every option with its votes, most votes first, ties in the order the options were given.</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>One <see cref="Standing"/> per option.</returns>
    /// <remarks>LINQ's ordering is stable: options with as many votes keep the order they had, which is the poll's.</remarks>
    public static ImmutableList<Standing> Standings(Poll poll) =>
    [
        .. poll.Options
            .Select(option => new Standing(option, poll.Ballots.Values.Count(chosen => chosen == option)))
            .OrderByDescending(standing => standing.Votes),
    ];

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
