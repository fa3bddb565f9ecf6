namespace CrcServer;

// Given: the core's messages, copied from exercise 03 so that this exercise stands alone. Nothing to change here.

/// <summary>
/// Something that happens to an account. The core reduces a sequence of them into the account's state
/// (CRC: construct, <b>reduce</b>, convert).
/// </summary>
/// <param name="Amount">How much money moves, in the account's currency; positive, with at most two decimals.</param>
public abstract record Transaction(decimal Amount);

/// <summary>Money paid into the account.</summary>
/// <param name="Amount">How much; positive, with at most two decimals.</param>
public sealed record Deposit(decimal Amount) : Transaction(Amount);

/// <summary>Money taken out of the account; refused when the balance would go below zero.</summary>
/// <param name="Amount">How much; positive, with at most two decimals.</param>
public sealed record Withdrawal(decimal Amount) : Transaction(Amount);
