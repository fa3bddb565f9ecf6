using System;
using Otp;

namespace Supervisors;

/// <summary>
/// The newsroom's desks: three <see cref="Staffer"/>s, "sports", "weather" and "politics", started in that order, each
/// with its own id. They are independent, so a crash of one restarts that one only (one_for_one). More than 3 restarts
/// within 5 seconds and the supervisor gives up, exits with <c>shutdown</c> and leaves the decision to its own supervisor.
/// </summary>
/// <param name="log">Handed to every desk.</param>
/// <remarks>
/// <c>ChildSpec.For</c> takes its id from the server's type, and all three desks are <see cref="Staffer"/>s: three
/// children with one id would be refused (<c>duplicate_child_name</c>), so each spec overrides its id with <c>with</c>,
/// as Elixir's <c>Supervisor.child_spec(spec, id: ...)</c> does. The lambda makes a new instance for every start,
/// which a restart needs: a server instance runs once.
/// </remarks>
public sealed class Desks(IStaffLog log) : SupervisorBase
{
    /// <summary>The three desks, one_for_one, at most 3 restarts within 5 seconds.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            Desk("sports"),
            Desk("weather"),
            Desk("politics"),
        ],
        new SupervisorOptions
        {
            // A crash of one desk tells nothing about the others: restart that one only.
            Strategy = SupervisorStrategy.OneForOne,
            // A desk that crashes four times in five seconds is not having a bad moment; it is broken.
            MaxRestarts = 3,
            MaxTime = TimeSpan.FromSeconds(5),
        });

    private ChildSpec Desk(string name) => ChildSpec.For(() => new Staffer(name, log)) with { Id = name };
}
