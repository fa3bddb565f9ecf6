namespace Supervisors;

/// <summary>A call to the <see cref="Printer"/> or the <see cref="Courier"/>: the pid of its partner (null for a printer with no courier).</summary>
public sealed record PairedWith;
