using Otp;

namespace LinksAndMonitors;

/// <summary>A <see cref="Watchdog"/>'s answer to <see cref="WhichWorker"/>.</summary>
/// <param name="Tag">The tag of the request this answers.</param>
/// <param name="Worker">The worker the watchdog runs now.</param>
/// <param name="Restarts">How many times the watchdog has started a new worker since it started (0 while the first one runs).</param>
public sealed record CurrentWorker(MonitorRef Tag, Pid Worker, int Restarts);
