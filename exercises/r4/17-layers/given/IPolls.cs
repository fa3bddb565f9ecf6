using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Layers;

/// <summary>
/// What the program offers its users: polls opened by name, voted in, closed and reported on. The tangled program
/// (<c>Layers.Tangled.TangledPolls</c>) and the layered one (<c>PollService</c>) both offer it, with the same behaviour.
/// </summary>
public interface IPolls
{
    /// <summary>Opens a poll.</summary>
    /// <param name="name">The poll's name, unique among the open polls: not blank.</param>
    /// <param name="question">What it asks: not blank.</param>
    /// <param name="options">From 2 to 5 options, none blank, no two the same.</param>
    /// <exception cref="ArgumentException">A name, question or option is null or blank, or the options are fewer than 2, more than 5, or repeat one (the parameter is named).</exception>
    /// <exception cref="InvalidOperationException">A poll of that name is already open.</exception>
    Task OpenAsync(string name, string question, IReadOnlyList<string> options);

    /// <summary>Casts <paramref name="voter"/>'s vote for <paramref name="option"/> in the poll <paramref name="name"/>.</summary>
    /// <param name="name">The poll: not blank.</param>
    /// <param name="voter">Who votes: not blank.</param>
    /// <param name="option">Their choice: not blank (an option the poll does not offer is <see cref="VoteOutcome.UnknownOption"/>).</param>
    /// <returns>What became of the vote.</returns>
    /// <exception cref="ArgumentException">An argument is null or blank (the parameter is named).</exception>
    /// <exception cref="KeyNotFoundException">No poll of that name is open.</exception>
    Task<VoteOutcome> VoteAsync(string name, string voter, string option);

    /// <summary>Closes the poll <paramref name="name"/>: later votes are <see cref="VoteOutcome.Closed"/>. Closing a closed poll changes nothing.</summary>
    /// <param name="name">The poll: not blank.</param>
    /// <exception cref="ArgumentException">The name is null or blank.</exception>
    /// <exception cref="KeyNotFoundException">No poll of that name is open.</exception>
    Task CloseAsync(string name);

    /// <summary>
    /// The poll's results as one line: the question, then each option with its votes, most votes first (ties in the
    /// order the options were given), then the number of voters, then <c>closed</c> if it is:
    /// <c>Lunch? | pizza 2 | sushi 1 | salad 0 | 3 votes | closed</c> (<c>1 vote</c> for one).
    /// </summary>
    /// <param name="name">The poll: not blank.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The name is null or blank.</exception>
    /// <exception cref="KeyNotFoundException">No poll of that name is open.</exception>
    Task<string> ReportAsync(string name);
}
