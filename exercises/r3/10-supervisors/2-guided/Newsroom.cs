using System;
using Otp;

namespace Supervisors;

/// <summary>
/// The root of the newsroom's tree: the <see cref="Library"/>, the <see cref="Desks"/>, the <see cref="Press"/> and the
/// <see cref="Assignments"/>, started in that order, each a supervisor of its own. The four do not depend on each other,
/// so a subsystem that gives up is started again alone (one_for_one). More than 2 restarts within 60 seconds and the
/// newsroom gives up too, with <c>shutdown</c>.
/// </summary>
/// <param name="log">Handed to every subsystem.</param>
public sealed class Newsroom(IStaffLog log) : SupervisorBase
{
    // The log, for the child specs: every worker gets it.
    private readonly IStaffLog _log = log;

    /// <summary>The four subsystems; one_for_one, at most 2 restarts within 60 seconds.</summary>
    protected override SupervisorInit Init()
    {
        // TODO Step 5: return Ok([...], options) with the four subsystems in start order: Library, Desks, Press,
        //              Assignments, each as ChildSpec.For(() => new Library(_log)) and so on (a SupervisorBase gets the
        //              type supervisor and shutdown infinity from ChildSpec.For).
        //              Options: one_for_one, MaxRestarts = 2, MaxTime = TimeSpan.FromSeconds(60).
        throw new NotImplementedException("Step 5: implement Newsroom.Init (see README, step 5).");
    }
}
