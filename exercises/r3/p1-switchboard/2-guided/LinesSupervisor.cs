using System;
using System.Collections.Generic;
using Otp;

namespace Switchboard;

/// <summary>
/// Step 1 and 5: the supervisor of the lines: one permanent <see cref="Line"/> per number, named by its number in the
/// switch's registry, one-for-one (a line's crash concerns that line only). Up to
/// <see cref="MaxRestarts"/> restarts within <see cref="MaxTime"/>; one more and it gives up.
/// </summary>
/// <param name="numbers">The numbers of the lines, in start order.</param>
/// <param name="config">The switch.</param>
public sealed class LinesSupervisor(IReadOnlyList<string> numbers, SwitchConfig config) : SupervisorBase
{
    /// <summary>Step 5: how many line restarts the supervisor allows within <see cref="MaxTime"/>.</summary>
    public const int MaxRestarts = 5;

    /// <summary>Step 5: the window of <see cref="MaxRestarts"/>, on the node's clock.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(10);

    // The constructor's arguments, for Init to use.
    private readonly IReadOnlyList<string> _numbers = numbers;
    private readonly SwitchConfig _config = config;

    /// <summary>Step 1: one line per number, with the number as its child id; one-for-one.</summary>
    /// <returns>The children and the flags.</returns>
    protected override SupervisorInit Init()
    {
        // TODO Step 1.4: one child per number, in order: ChildSpec.For(() => new Line(number, _config), _config.LineName(number))
        //                with { Id = number } (a GenServer's spec is permanent already). Strategy one-for-one.
        // TODO Step 6.3: the flags also carry MaxRestarts and MaxTime (the constants above): the defaults allow 1 in 5 s.
        throw new NotImplementedException("Step 1: implement LinesSupervisor.Init (see README, step 1).");
    }
}
