namespace FunctionalCore;

/// <summary>Money taken out of the account.</summary>
/// <param name="Amount">How much, in currency units (3.00 is three); positive, at most two decimals.</param>
public sealed record Withdrawal(decimal Amount) : Transaction;
