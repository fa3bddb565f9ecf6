namespace Observing;

/// <summary>A customer pays at the till: a cast to the cashier.</summary>
public sealed record Sale;
