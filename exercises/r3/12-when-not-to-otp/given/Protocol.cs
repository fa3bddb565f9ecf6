namespace WhenNotToOtp;

// The messages of both designs, in one place: the split shop's two servers and the one-process shop's server.

/// <summary>A call to a server that knows the stock: how many units of the item are on hand (an int).</summary>
internal sealed record OnHandQuery(string Item);

/// <summary>A call to a server that knows the reservations: how many units of the item are reserved (an int).</summary>
internal sealed record ReservedQuery(string Item);

/// <summary>A call to the split shop's reservation server: record a reservation, no questions asked (the act alone).</summary>
internal sealed record AddReservation(string Item, int Quantity);

/// <summary>A call to the one-process shop's server: check that enough is free and reserve it, in one step (a bool).</summary>
internal sealed record Reserve(string Item, int Quantity);

/// <summary>A call to the one-process shop's server: add units on hand (the reply is the new count on hand).</summary>
internal sealed record Restock(string Item, int Quantity);
