namespace Switchboard;

/// <summary>A call's state and parties, as a call answers every request.</summary>
/// <param name="State">The call's state after the request.</param>
/// <param name="Caller">The caller's number.</param>
/// <param name="Callee">The number dialled; null while dialing.</param>
public sealed record CallStatus(CallState State, string Caller, string? Callee);
