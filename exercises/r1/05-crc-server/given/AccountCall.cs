namespace CrcServer;

/// <summary>
/// The calls an <see cref="AccountServer"/> answers: its protocol, in one place.
/// Nested so that <c>AccountCall.Deposit</c> (a request to the server) does not clash with the core's
/// <see cref="CrcServer.Deposit"/> (a transaction).
/// </summary>
public abstract record AccountCall
{
    private AccountCall()
    {
    }

    /// <summary>Pay money in; the reply is the new balance (<see cref="AccountReply.Balance"/>).</summary>
    /// <param name="Amount">How much.</param>
    public sealed record Deposit(decimal Amount) : AccountCall;

    /// <summary>
    /// Take money out; the reply is the new balance, or <see cref="AccountReply.InsufficientFunds"/> when the
    /// balance is too low.
    /// </summary>
    /// <param name="Amount">How much.</param>
    public sealed record Withdraw(decimal Amount) : AccountCall;

    /// <summary>Ask for the balance; the reply is <see cref="AccountReply.Balance"/>.</summary>
    public sealed record GetBalance : AccountCall;

    /// <summary>Ask for the statement; the reply is <see cref="AccountReply.Statement"/>.</summary>
    public sealed record GetStatement : AccountCall;
}
