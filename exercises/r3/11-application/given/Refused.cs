namespace Applications;

/// <summary>An order the orders server refused, and why.</summary>
/// <param name="Item">What was ordered.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Why">The reason: an item the catalog does not list, or a quantity outside 1 to the maximum.</param>
public sealed record Refused(string Item, int Quantity, string Why);
