using System;
using Otp;

namespace Supervisors;

/// <summary>
/// The day's assignments, three <see cref="Staffer"/>s with their names as ids, started in this order: "wire" (the news
/// wire, which must always run: permanent), "correction" (a correction that must be published: restarted after a crash,
/// done after a normal exit: transient) and "interview" (a live interview: if it fails, the moment has passed: temporary).
/// one_for_one, OTP's default intensity (1 restart in 5 seconds).
/// </summary>
/// <param name="log">Handed to every assignment.</param>
public sealed class Assignments(IStaffLog log) : SupervisorBase
{
    /// <summary>The wire (permanent), the correction (transient) and the interview (temporary); one_for_one.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            // Gap, step 4: all three are permanent here, so a correction that finished is started again, and a failed
            // interview is repeated. Give each the RestartType the README asks for: the wire always runs (Permanent);
            // the correction is restarted after a crash only (Transient: normal, shutdown and {shutdown, _} mean
            // done); the interview is never restarted, and its spec is dropped when it exits (Temporary).
            Assignment("wire", RestartType.Permanent),
            Assignment("correction", RestartType.Permanent),
            Assignment("interview", RestartType.Permanent),
        ]);

    private ChildSpec Assignment(string name, RestartType restart) =>
        ChildSpec.For(() => new Staffer(name, log)) with { Id = name, Restart = restart };
}
