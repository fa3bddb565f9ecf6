using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace WorkerBees;

/// <summary>Data: where one player's session stands. Immutable: the functional core returns a new one for each answer.</summary>
/// <param name="Player">The player's name.</param>
/// <param name="Questions">The quiz's questions, in the order they are asked.</param>
/// <param name="Next">The index of the question asked now; <c>Questions.Count</c> once every question is answered.</param>
/// <param name="Score">How many answers were right so far.</param>
public sealed record Progress(string Player, ImmutableList<Question> Questions, int Next, int Score)
{
    /// <summary>Compares the questions item by item (a list compares by reference otherwise).</summary>
    /// <param name="other">The progress to compare with.</param>
    /// <returns>Whether both have the same player, questions, position and score.</returns>
    public bool Equals(Progress? other) =>
        other is not null && Player == other.Player && Next == other.Next && Score == other.Score && Questions.SequenceEqual(other.Questions);

    /// <inheritdoc />
    public override int GetHashCode() => System.HashCode.Combine(Player, Next, Score, Questions.Count);

    /// <summary>Prints the prompts, so a failing test shows them rather than the list's type.</summary>
    /// <param name="builder">Where the members go.</param>
    /// <returns>True: there were members to print.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Player = {Player}, Next = {Next}, Score = {Score}, Questions = [{string.Join(", ", Questions.Select(q => q.Prompt))}]");
        return true;
    }
}
