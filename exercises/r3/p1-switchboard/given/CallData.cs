using Otp;

namespace Switchboard;

/// <summary>What a call knows: who calls, from which line process, and whom (once dialled).</summary>
/// <param name="Caller">The caller's number.</param>
/// <param name="CallerLine">The caller's line process, monitored by the call.</param>
/// <param name="Callee">The number dialled; null while dialing.</param>
/// <param name="CalleeLine">The callee's line process once it rings, monitored by the call; null before.</param>
public sealed record CallData(string Caller, Pid CallerLine, string? Callee = null, Pid? CalleeLine = null);
