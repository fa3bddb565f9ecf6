namespace CrcServer;

/// <summary>
/// The replies of an <see cref="AccountServer"/>: the core's state converted for the caller
/// (CRC: construct, reduce, <b>convert</b>), or a business error (Elixir's <c>{:error, :insufficient_funds}</c>).
/// </summary>
public abstract record AccountReply
{
    private AccountReply()
    {
    }

    /// <summary>The balance after the call.</summary>
    /// <param name="Amount">The balance.</param>
    public sealed record Balance(decimal Amount) : AccountReply;

    /// <summary>The account's statement.</summary>
    /// <param name="Text">The statement, as <see cref="Account.Statement"/> writes it.</param>
    public sealed record Statement(string Text) : AccountReply;

    /// <summary>A withdrawal was refused: an expected answer, not a crash. The account is unchanged.</summary>
    /// <param name="Available">The balance, which the withdrawal asked more than.</param>
    /// <param name="Requested">The amount the withdrawal asked for.</param>
    public sealed record InsufficientFunds(decimal Available, decimal Requested) : AccountReply;
}
