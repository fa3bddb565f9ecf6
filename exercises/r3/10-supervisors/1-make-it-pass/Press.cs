using System;
using Otp;

namespace Supervisors;

/// <summary>
/// The press: the <see cref="Printer"/> (registered as <see cref="Printer.Name"/>), then the <see cref="Courier"/>
/// that pairs with it. The two share a numbered protocol that neither can resume with a new partner, so a crash of
/// either restarts both (one_for_all). The printer gets 2 seconds to finish the page on the press when told to stop,
/// and is killed after that. OTP's default intensity (1 restart in 5 seconds).
/// </summary>
/// <param name="log">Handed to the printer and the courier.</param>
public sealed class Press(IStaffLog log) : SupervisorBase
{
    // The log, for the child specs: every worker gets it.
    private readonly IStaffLog _log = log;

    /// <summary>The printer, then the courier; one_for_all.</summary>
    protected override SupervisorInit Init() =>
        throw new NotImplementedException("Step 3: implement Press.Init (see README, steps 3 and 6).");
}
