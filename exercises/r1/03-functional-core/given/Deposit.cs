namespace FunctionalCore;

/// <summary>Money paid into the account.</summary>
/// <param name="Amount">How much, in currency units (12.50 is twelve and a half); positive, at most two decimals.</param>
public sealed record Deposit(decimal Amount) : Transaction;
