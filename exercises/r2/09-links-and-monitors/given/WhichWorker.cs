using Otp;

namespace LinksAndMonitors;

/// <summary>
/// Asks a <see cref="Watchdog"/> which worker it runs now. It answers a <see cref="CurrentWorker"/> carrying the same
/// <paramref name="Tag"/>, so the caller can tell this answer from any other message.
/// </summary>
/// <param name="ReplyTo">Where the answer goes.</param>
/// <param name="Tag">Names the request; the caller's monitor of the watchdog serves (as in OTP's calls).</param>
public sealed record WhichWorker(Pid ReplyTo, MonitorRef Tag);
