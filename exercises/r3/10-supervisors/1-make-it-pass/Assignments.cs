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
    // The log, for the child specs: every worker gets it.
    private readonly IStaffLog _log = log;

    /// <summary>The wire (permanent), the correction (transient) and the interview (temporary); one_for_one.</summary>
    protected override SupervisorInit Init() =>
        throw new NotImplementedException("Step 4: implement Assignments.Init (see README, step 4).");
}
