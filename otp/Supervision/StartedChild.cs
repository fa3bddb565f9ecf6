namespace Otp;

/// <summary>
/// A child started with extra information for whoever started it: OTP's <c>{ok, Pid, Info}</c> from a start function, which
/// <see cref="Supervisor.StartChildWithInfoAsync(Node, ServerRef, ChildSpec, CancellationToken)"/> returns to its caller
/// (a restart drops the info, as OTP's does). Made by the start function of <see cref="ChildSpec.WithInfo"/>.
/// </summary>
/// <param name="Pid">The child.</param>
/// <param name="Info">Anything the start function wants its caller to see; null for OTP's plain <c>{ok, Pid}</c>.</param>
public sealed record StartedChild(Pid Pid, object? Info);
