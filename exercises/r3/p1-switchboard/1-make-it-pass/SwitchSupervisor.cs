using System;
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
    // The constructor's arguments, for Init to use.
    private readonly IReadOnlyList<string> _numbers = numbers;
    private readonly SwitchConfig _config = config;

    /// <summary>Step 1: the calls' dynamic supervisor, then the lines' supervisor; one-for-one.</summary>
    /// <returns>The children and the flags.</returns>
    protected override SupervisorInit Init() =>
        throw new NotImplementedException("Step 1: implement SwitchSupervisor.Init (see README, step 1).");
}
