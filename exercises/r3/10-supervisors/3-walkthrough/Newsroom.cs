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
    /// <summary>The four subsystems; one_for_one, at most 2 restarts within 60 seconds.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            // A SupervisorBase is a child like any other: ChildSpec.For makes it permanent, of type supervisor, with
            // shutdown infinity (it needs whatever time its own children take to stop).
            ChildSpec.For(() => new Library(log)),
            ChildSpec.For(() => new Desks(log)),
            ChildSpec.For(() => new Press(log)),
            ChildSpec.For(() => new Assignments(log)),
        ],
        Options());

    // Gap, step 5: the subsystems do not depend on each other (which strategy is that?), and the newsroom accepts at
    // most 2 restarts within 60 seconds: a subsystem rebuilt twice in a minute will not be saved by a third try.
    // Return new SupervisorOptions { ... } with the three.
    private static SupervisorOptions Options() =>
        throw new NotImplementedException("Step 5: choose the newsroom's options in Newsroom.Options (see README, step 5).");
}
