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
    /// <summary>The printer, then the courier; one_for_all.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            // Gap, step 6: a page takes at most 2 seconds. Give the printer
            // `with { Shutdown = ShutdownSpec.After(TimeSpan.FromSeconds(2)) }`: told to stop mid-page, it may finish
            // the page within that time and is killed after it. Without it, the default gives the printer 5 seconds.
            ChildSpec.For(() => new Printer(log), name: Printer.Name),
            // Second: the courier pairs with the printer, by name, when it starts.
            ChildSpec.For(() => new Courier(log)),
        ],
        new SupervisorOptions { Strategy = Strategy() });

    // Gap, step 3: which strategy? The printer refuses a second courier (so a courier cannot be restarted alone), and a
    // new printer knows nothing of the old courier (so a printer cannot be restarted alone). Whatever crashes, both
    // must start again, printer first.
    private static SupervisorStrategy Strategy() =>
        throw new NotImplementedException("Step 3: choose the press's strategy in Press.Strategy (see README, step 3).");
}
