using Otp;

namespace LinksAndMonitors;

/// <summary>The answer to a <see cref="Ping"/>: <paramref name="From"/> was alive when it read the ping.</summary>
/// <param name="From">The process that answered.</param>
public sealed record Pong(Pid From);
