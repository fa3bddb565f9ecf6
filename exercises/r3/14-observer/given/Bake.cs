namespace Observing;

/// <summary>An order for one loaf: a cast to the oven.</summary>
public sealed record Bake;
