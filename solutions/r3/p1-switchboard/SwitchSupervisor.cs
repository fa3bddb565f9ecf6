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
/// <remarks>
/// One-for-one is enough at the root: if the calls supervisor dies, its calls die with it, and every line hears of its
/// call's death by its monitor; the lines need not start again. If the lines supervisor dies, every call hears of its
/// lines' deaths by its monitors and ends.
/// </remarks>
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
