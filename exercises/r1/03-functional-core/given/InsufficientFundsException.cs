using System;
using System.Globalization;

namespace FunctionalCore;

/// <summary>Thrown by <see cref="Account.Apply"/> for a withdrawal larger than the balance.</summary>
public sealed class InsufficientFundsException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names both amounts.</summary>
    /// <param name="balance">The balance when the withdrawal was refused.</param>
    /// <param name="requested">The amount the withdrawal asked for.</param>
    public InsufficientFundsException(decimal balance, decimal requested)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Cannot withdraw {requested:0.00}: the balance is only {balance:0.00}."))
    {
        Balance = balance;
        Requested = requested;
    }

    /// <summary>The balance when the withdrawal was refused (it is unchanged).</summary>
    public decimal Balance { get; }

    /// <summary>The amount the withdrawal asked for.</summary>
    public decimal Requested { get; }
}
