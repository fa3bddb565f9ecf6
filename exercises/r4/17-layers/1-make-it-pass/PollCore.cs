using System;
using System.Collections.Generic;
using System.Collections.Immutable;

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
        throw new NotImplementedException("Step 1: implement PollCore.Open (see README, step 1).");

    /// <summary>
    /// Reduces one vote into <paramref name="poll"/>: a closed poll refuses it (<see cref="VoteOutcome.Closed"/>), an option
    /// the poll does not offer is refused (<see cref="VoteOutcome.UnknownOption"/>), a voter's first vote is counted and a
    /// later one replaces the earlier. A refused vote returns the poll unchanged. The poll given is never changed.
    /// </summary>
    /// <param name="poll">The poll before the vote.</param>
    /// <param name="voter">Who votes.</param>
    /// <param name="option">Their choice.</param>
    /// <returns>The poll after the vote, and what became of the vote.</returns>
    public static (Poll Poll, VoteOutcome Outcome) Vote(Poll poll, string voter, string option) =>
        throw new NotImplementedException("Step 2: implement PollCore.Vote (see README, step 2).");

    /// <summary>Reduces a close into <paramref name="poll"/>: the same poll, closed (closing a closed poll changes nothing).</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>The poll, closed.</returns>
    public static Poll Close(Poll poll) =>
        throw new NotImplementedException("Step 2: implement PollCore.Close (see README, step 2).");

    /// <summary>Converts <paramref name="poll"/> to its standings: every option with its votes, most votes first, ties in the order the options were given.</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>One <see cref="Standing"/> per option.</returns>
    public static ImmutableList<Standing> Standings(Poll poll) =>
        throw new NotImplementedException("Step 1: implement PollCore.Standings (see README, steps 1 and 2).");

    /// <summary>
    /// Converts <paramref name="poll"/> to its report, one line: the question, each standing as <c>option votes</c>, the
    /// number of voters (<c>1 vote</c>, <c>3 votes</c>), then <c>closed</c> if it is, separated by <c> | </c>:
    /// <c>Lunch? | pizza 2 | sushi 1 | salad 0 | 3 votes | closed</c>.
    /// </summary>
    /// <param name="poll">The poll.</param>
    /// <returns>The report.</returns>
    public static string Report(Poll poll) =>
        throw new NotImplementedException("Step 1: implement PollCore.Report (see README, steps 1 and 2).");
}
