using Otp;

namespace Supervisors;

/// <summary>A call from the <see cref="Courier"/> to the <see cref="Printer"/>: pair with me. The reply is the printer's pid, or null if it already has a courier.</summary>
/// <param name="Courier">The courier asking.</param>
public sealed record Pair(Pid Courier);
