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
/// <remarks>
/// Why not rest_for_one, printer first? A crashed printer would restart both, as needed; but a crashed courier would
/// be restarted alone, and its replacement would ask the old printer to pair again, be refused, and fail to start,
/// round after round, until the press gave up. one_for_all stops the survivor too (in reverse start order) and
/// starts the pair again in order, printer first, so that every start is a fresh handshake.
/// </remarks>
public sealed class Press(IStaffLog log) : SupervisorBase
{
    /// <summary>The printer, then the courier; one_for_all.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            // A page takes at most 2 seconds: longer than that, the printer is stuck, and it is killed.
            ChildSpec.For(() => new Printer(log), name: Printer.Name) with { Shutdown = ShutdownSpec.After(TimeSpan.FromSeconds(2)) },
            ChildSpec.For(() => new Courier(log)),
        ],
        new SupervisorOptions { Strategy = SupervisorStrategy.OneForAll });
}
