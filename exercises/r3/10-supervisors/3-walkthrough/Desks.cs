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
    /// <summary>The three desks, one_for_one, at most 3 restarts within 5 seconds.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            Desk("sports"),
            Desk("weather"),
            Desk("politics"),
        ],
        // Gap, step 5: these options keep OTP's default intensity, 1 restart within 5 seconds, so a second crash of any
        // desk within 5 seconds already makes the desks give up. The README allows the desks 3 restarts within 5
        // seconds: set MaxRestarts and MaxTime (a TimeSpan, measured on the node's clock) here.
        new SupervisorOptions { Strategy = SupervisorStrategy.OneForOne });

    // ChildSpec.For takes its id from the server's type, and all three desks are Staffers: three children with one id
    // would be refused (duplicate_child_name), so each spec overrides its id with `with`. The lambda makes a new
    // instance for every start, which a restart needs: a server instance runs once.
    private ChildSpec Desk(string name) => ChildSpec.For(() => new Staffer(name, log)) with { Id = name };
}
