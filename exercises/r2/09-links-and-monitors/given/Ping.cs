using Otp;

namespace LinksAndMonitors;

/// <summary>Asks a process whether it is still alive: it answers <see cref="Pong"/> to <paramref name="ReplyTo"/>.</summary>
/// <param name="ReplyTo">Where the <see cref="Pong"/> goes.</param>
public sealed record Ping(Pid ReplyTo);
