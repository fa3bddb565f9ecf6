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
/// <remarks>
/// A supervisor is a child like any other: <c>ChildSpec.For</c> makes it permanent, of type supervisor, with shutdown
/// infinity (it needs whatever time its own children take to stop). Restart intensity is what makes a tree of
/// supervisors escalate: a fault that restarting a worker does not cure exhausts the worker's supervisor, which exits;
/// its parent restarts the whole subsystem from a clean start; if even that does not help, the parent gives up too.
/// Here a subsystem rebuilt twice in a minute will not be saved by a third try.
/// </remarks>
public sealed class Newsroom(IStaffLog log) : SupervisorBase
{
    /// <summary>The four subsystems; one_for_one, at most 2 restarts within 60 seconds.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            ChildSpec.For(() => new Library(log)),
            ChildSpec.For(() => new Desks(log)),
            ChildSpec.For(() => new Press(log)),
            ChildSpec.For(() => new Assignments(log)),
        ],
        new SupervisorOptions { MaxRestarts = 2, MaxTime = TimeSpan.FromSeconds(60) });
}
