using System;
using Otp;

namespace Supervisors;

/// <summary>
/// The newsroom's desks: three <see cref="Staffer"/>s, "sports", "weather" and "politics", started in that order, each
/// with its own id. They are independent, so a crash of one restarts that one only (one_for_one). More than 3 restarts
/// within 5 seconds and the supervisor gives up, exits with <c>shutdown</c> and leaves the decision to its own supervisor.
/// </summary>
/// <param name="log">Handed to every desk.</param>
public sealed class Desks(IStaffLog log) : SupervisorBase
{
    // The log, for the child specs: every worker gets it.
    private readonly IStaffLog _log = log;

    /// <summary>The three desks, one_for_one, at most 3 restarts within 5 seconds.</summary>
    protected override SupervisorInit Init() =>
        throw new NotImplementedException("Step 1: implement Desks.Init (see README, steps 1 and 5).");
}
