namespace Otp;

/// <summary>
/// An exit signal turned into a message because the receiver traps exits: Erlang's <c>{'EXIT', From, Reason}</c>.
/// </summary>
/// <param name="From">The process the signal came from (a linked process that exited, or the sender of an exit signal).</param>
/// <param name="Reason">The exit reason the signal carried.</param>
public sealed record ExitMessage(Pid From, object Reason);
