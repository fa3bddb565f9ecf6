using Otp;

namespace LinksAndMonitors;

/// <summary>A process that exited, and why: what a <see cref="Keeper"/> reports and what <see cref="Watch.FirstExitAsync"/> returns.</summary>
/// <param name="Pid">The process.</param>
/// <param name="Reason">Its exit reason: <c>normal</c>, an exception, <c>killed</c>, <c>noproc</c> or any other value.</param>
public sealed record Exited(Pid Pid, object Reason);
