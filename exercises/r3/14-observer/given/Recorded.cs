namespace Observing;

/// <summary>What the cashier and the oven tell the ledger: one sale or one loaf, by whom.</summary>
/// <param name="By">The child id of the worker that did it (<c>cashier</c> or <c>oven</c>).</param>
public sealed record Recorded(string By);
