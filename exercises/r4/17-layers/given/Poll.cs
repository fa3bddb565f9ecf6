using System.Collections.Immutable;
using System;
using System.Linq;
using System.Text;

namespace Layers;

/// <summary>
/// The data layer: one poll as a value. Nothing in it runs, waits or talks to a process; the functional core
/// (<c>PollCore</c>) makes new polls from old ones, and a worker keeps the latest one as its state.
/// </summary>
/// <param name="Question">What the poll asks.</param>
/// <param name="Options">The answers a voter may choose from, in the order they were given.</param>
/// <param name="Ballots">Each voter's current choice: voter to option.</param>
/// <param name="IsClosed">True once the poll is closed: no more votes are counted.</param>
public sealed record Poll(string Question, ImmutableList<string> Options, ImmutableDictionary<string, string> Ballots, bool IsClosed)
{
    // Prints the options and ballots themselves (a collection's own ToString is only its type's name), for readable failures.
    private bool PrintMembers(StringBuilder builder)
    {
        var ballots = Ballots.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}: {b.Value}");
        builder.Append($"Question = {Question}, Options = [{string.Join(", ", Options)}], Ballots = {{{string.Join(", ", ballots)}}}, IsClosed = {IsClosed}");
        return true;
    }
}
