namespace Layers;

/// <summary>What became of a vote.</summary>
public enum VoteOutcome
{
    /// <summary>The voter had not voted in this poll: the vote is counted.</summary>
    Counted,

    /// <summary>The voter had voted before: the new choice replaces the old one (each voter counts once).</summary>
    Replaced,

    /// <summary>The option is not one of the poll's: nothing changes.</summary>
    UnknownOption,

    /// <summary>The poll is closed: nothing changes.</summary>
    Closed,
}
