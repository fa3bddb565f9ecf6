namespace WhenNotToOtp;

/// <summary>One customer's order in a batch (<c>Allocation.Allocate</c>).</summary>
/// <param name="Customer">Who ordered.</param>
/// <param name="Item">What.</param>
/// <param name="Quantity">How many units: more than zero.</param>
public sealed record Order(string Customer, string Item, int Quantity);
