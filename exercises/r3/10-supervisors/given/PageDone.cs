namespace Supervisors;

/// <summary>A message (not a call) to the <see cref="Printer"/>: the page on the press is done.</summary>
public sealed record PageDone;
