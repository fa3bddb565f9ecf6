namespace TasksAndAgents;

/// <summary>The price of one product, as a fetch returns it.</summary>
/// <param name="Product">The product asked for.</param>
/// <param name="Price">Its price.</param>
public sealed record Quote(string Product, decimal Price);
