namespace Applications;

/// <summary>A call to the orders server: order <paramref name="Quantity"/> of <paramref name="Item"/>. The reply is a <see cref="Placed"/> or a <see cref="Refused"/>.</summary>
/// <param name="Item">What to order.</param>
/// <param name="Quantity">How many.</param>
public sealed record Place(string Item, int Quantity);
