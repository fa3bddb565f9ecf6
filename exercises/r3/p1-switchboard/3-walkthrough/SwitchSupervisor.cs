using System.Collections.Generic;
using Otp;

namespace Switchboard;

/// <summary>
/// Step 1: the root of the switch, one-for-one over two supervisors: the calls (a dynamic supervisor named
/// <see cref="SwitchConfig.Calls"/>, started first, since lines start calls under it) and the lines
/// (<see cref="LinesSupervisor"/>, named <see cref="SwitchConfig.Lines"/>).
/// </summary>
/// <param name="numbers">The numbers of the lines.</param>
/// <param name="config">The switch.</param>
public sealed class SwitchSupervisor(IReadOnlyList<string> numbers, SwitchConfig config) : SupervisorBase
{
    /// <summary>Step 1: the calls' dynamic supervisor, then the lines' supervisor; one-for-one.</summary>
    /// <returns>The children and the flags.</returns>
    protected override SupervisorInit Init() => Ok(
    [
        DynamicSupervisor.ChildSpec(new DynamicSupervisorOptions { Name = config.Calls }) with { Id = "calls" },
        ChildSpec.For(() => new LinesSupervisor(numbers, config), config.Lines) with { Id = "lines" },
    ]); // no options: the defaults are OTP's, one-for-one with 1 restart in 5 s
}
