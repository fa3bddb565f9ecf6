namespace Observing;

/// <summary>What the cashier and the oven tell the ledger: one sale or one loaf, by whom.</summary>
/// <param name="By">Who did it: <c>cashier</c> (a sale) or <c>oven</c> (a loaf); the ledger refuses anything else.</param>
public sealed record Recorded(string By);
