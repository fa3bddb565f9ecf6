namespace CrcServer;

/// <summary>The casts an <see cref="AccountServer"/> handles: requests nobody waits for.</summary>
public abstract record AccountCast
{
    private AccountCast()
    {
    }

    /// <summary>Pay money in, fire and forget.</summary>
    /// <param name="Amount">How much.</param>
    public sealed record Deposit(decimal Amount) : AccountCast;
}
