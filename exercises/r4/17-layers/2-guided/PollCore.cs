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
    public static Poll Open(string question, IEnumerable<string> options)
    {
        // TODO Step 1: return a new Poll: the question, the options copied into an ImmutableList ([.. options]), no
        //              ballots (ImmutableDictionary<string, string>.Empty), open. Nothing else: the boundary checked the input.
        throw new NotImplementedException("Step 1: implement PollCore.Open (see README, step 1).");
    }

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
        // TODO Step 2: in this order: a closed poll gives (poll, Closed); an option not in poll.Options gives
        //              (poll, UnknownOption); otherwise the outcome is Replaced if poll.Ballots has the voter, else
        //              Counted, and the poll is poll with { Ballots = poll.Ballots.SetItem(voter, option) }.
        throw new NotImplementedException("Step 2: implement PollCore.Vote (see README, step 2).");
    }

    /// <summary>Reduces a close into <paramref name="poll"/>: the same poll, closed (closing a closed poll changes nothing).</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>The poll, closed.</returns>
    public static Poll Close(Poll poll)
    {
        // TODO Step 2: a copy of the poll with IsClosed true (a `with` expression); the poll given stays as it is.
        throw new NotImplementedException("Step 2: implement PollCore.Close (see README, step 2).");
    }

    /// <summary>Converts <paramref name="poll"/> to its standings: every option with its votes, most votes first, ties in the order the options were given.</summary>
    /// <param name="poll">The poll.</param>
    /// <returns>One <see cref="Standing"/> per option.</returns>
    public static ImmutableList<Standing> Standings(Poll poll)
    {
        // TODO Step 1: one Standing per option, in the options' order, with the number of ballots that chose it.
        // TODO Step 2: most votes first; ties keep the options' order (LINQ's OrderByDescending is stable).
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
        // TODO Step 1: string.Join(" | ", ...) over the question, "option votes" for each of Standings(poll), and
        //              "N votes" (N = the number of ballots).
        // TODO Step 2: "1 vote" for one voter; a last part "closed" when the poll is closed.
        throw new NotImplementedException("Step 1: implement PollCore.Report (see README, steps 1 and 2).");
    }
}
