namespace Otp;

/// <summary>The result of <see cref="Supervisor.CountChildrenAsync(Node, ServerRef, CancellationToken)"/>: OTP's <c>[{specs, _}, {active, _}, {supervisors, _}, {workers, _}]</c>.</summary>
/// <param name="Specs">All child specs, running or not.</param>
/// <param name="Active">Children running now.</param>
/// <param name="Supervisors">Child specs of type supervisor.</param>
/// <param name="Workers">Child specs of type worker.</param>
public sealed record ChildCounts(int Specs, int Active, int Supervisors, int Workers);
