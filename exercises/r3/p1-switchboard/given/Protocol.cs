using Otp;

namespace Switchboard;

/// <summary>To a line (a call): lift the handset. An idle line starts a call and is engaged in it; replies the <see cref="LineStatus"/>.</summary>
public sealed record OffHook;

/// <summary>To a line (a call): what are you doing? Replies the <see cref="LineStatus"/>.</summary>
public sealed record GetLineStatus;

/// <summary>To a line (a call), from <paramref name="Call"/>: ring for me. Replies true if the line was idle and now rings.</summary>
/// <param name="Call">The call that dialled the line.</param>
public sealed record Ring(Pid Call);

/// <summary>To a line (a call), from <paramref name="Call"/>: you answered me. Replies true if the line rang for that call and is now engaged.</summary>
/// <param name="Call">The call the line answered.</param>
public sealed record Connect(Pid Call);

/// <summary>To a line (a call), from <paramref name="Call"/>: I am over. Replies true if the line belonged to that call and is now idle.</summary>
/// <param name="Call">The call that ends.</param>
public sealed record Release(Pid Call);

/// <summary>To a call (a call): dial <paramref name="Number"/>. Replies the <see cref="CallStatus"/>.</summary>
/// <param name="Number">The callee's number.</param>
public sealed record Dial(string Number);

/// <summary>To a call (a call): the callee, <paramref name="Number"/>, picked up. Replies the <see cref="CallStatus"/>.</summary>
/// <param name="Number">The number that answers.</param>
public sealed record Answer(string Number);

/// <summary>To a call (a call): <paramref name="Number"/> put the handset down. Replies the <see cref="CallStatus"/>.</summary>
/// <param name="Number">The party that hangs up.</param>
public sealed record HangUp(string Number);

/// <summary>To a call (a call): what are you doing? Replies the <see cref="CallStatus"/>.</summary>
public sealed record GetCallStatus;

/// <summary>The content of a call's ring time-out (a state time-out of <see cref="CallState.Ringing"/>).</summary>
public sealed record NoAnswer;
