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
    protected override SupervisorInit Init()
    {
        // TODO Step 1: return Ok([...], options) with the three desks in start order: Desk("sports"), Desk("weather"),
        //              Desk("politics"). Options: new SupervisorOptions { Strategy = SupervisorStrategy.OneForOne }
        //              (OTP's default, but a reader should not have to know that to see the choice).
        // TODO Step 5: add MaxRestarts = 3 and MaxTime = TimeSpan.FromSeconds(5) to the options.
        throw new NotImplementedException("Step 1: implement Desks.Init (see README, steps 1 and 5).");
    }

    // The spec of one desk: a Staffer named name, with name as its id.
    private ChildSpec Desk(string name)
    {
        // TODO Step 1: ChildSpec.For(() => new Staffer(name, _log)) is the spec Staffer gives itself: its id is
        //              typeof(Staffer), the same for all three desks, and a supervisor refuses two children with one
        //              id. Override it: ChildSpec.For(...) with { Id = name }. Keep the lambda: every start and every
        //              restart needs a new Staffer (a server instance runs once).
        throw new NotImplementedException("Step 1: implement Desks.Desk (see README, step 1).");
    }
}
