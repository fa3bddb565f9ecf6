namespace Applications;

/// <summary>An order the orders server took.</summary>
/// <param name="Item">What was ordered.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Total">The quantity times the item's price in the catalog.</param>
public sealed record Placed(string Item, int Quantity, decimal Total);
