namespace Otp;

/// <summary>The requests <see cref="Supervisor"/>'s functions send to a supervisor process.</summary>
internal abstract record SupervisorRequest;

internal sealed record StartChildRequest(ChildSpec Spec) : SupervisorRequest;

internal sealed record TerminateChildRequest(object Id) : SupervisorRequest;

internal sealed record RestartChildRequest(object Id) : SupervisorRequest;

internal sealed record DeleteChildRequest(object Id) : SupervisorRequest;

internal sealed record GetChildSpecRequest(object Id) : SupervisorRequest;

internal sealed record WhichChildrenRequest : SupervisorRequest;

internal sealed record CountChildrenRequest : SupervisorRequest;

/// <summary>A restart that failed is tried again later, as OTP's <c>{try_again_restart, Id}</c>.</summary>
internal sealed record TryAgainRestart(object Id, object Reason);
