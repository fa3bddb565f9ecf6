namespace Supervisors;

/// <summary>A call to the <see cref="Printer"/>: put a page on the press; it stays there until <see cref="PageDone"/> arrives.</summary>
public sealed record PrintPage;
