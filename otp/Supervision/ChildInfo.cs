namespace Otp;

/// <summary>One entry of <see cref="Supervisor.WhichChildrenAsync(Node, ServerRef, CancellationToken)"/>: OTP's <c>{Id, Child, Type, Modules}</c>.</summary>
/// <param name="Id">The child's id; <c>undefined</c> (an <see cref="Atom"/>) for a DynamicSupervisor child, as Elixir shows.</param>
/// <param name="Pid">Its pid; null when it is not running (OTP's <c>undefined</c>) or waiting to be restarted (<c>restarting</c>).</param>
/// <param name="Type">Worker or supervisor.</param>
/// <param name="Restarting">True while a failed restart waits to be tried again (OTP's <c>restarting</c>).</param>
public sealed record ChildInfo(object Id, Pid? Pid, ChildType Type, bool Restarting);
