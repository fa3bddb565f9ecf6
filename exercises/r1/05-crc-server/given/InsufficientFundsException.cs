using System;

namespace CrcServer;

// Given: copied from exercise 03. Nothing to change here.

/// <summary>
/// A withdrawal asked for more than the balance. It is a business rule saying no, not a bug: the account is fine
/// and stays as it was.
/// </summary>
public sealed class InsufficientFundsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="balance">The balance when the withdrawal was refused.</param>
    /// <param name="requested">The amount the withdrawal asked for.</param>
    public InsufficientFundsException(decimal balance, decimal requested)
        : base($"Insufficient funds: cannot withdraw {requested} from a balance of {balance}.")
    {
        Balance = balance;
        Requested = requested;
    }

    /// <summary>The balance when the withdrawal was refused.</summary>
    public decimal Balance { get; }

    /// <summary>The amount the withdrawal asked for.</summary>
    public decimal Requested { get; }
}
