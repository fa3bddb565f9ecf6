using System;
using Otp;

namespace Supervisors;

/// <summary>
/// The library: the <see cref="Archive"/> (registered as <see cref="Archive.Name"/>), then the <see cref="SearchIndex"/>
/// that loads its catalogue from it. The index must always hold the catalogue of the archive that runs now, so a
/// restarted archive restarts the index after it; a crashed index is restarted alone (rest_for_one). The index is a
/// cache with nothing to save: it is stopped with brutal kill. OTP's default intensity (1 restart in 5 seconds).
/// </summary>
/// <param name="log">Handed to the archive and the index.</param>
public sealed class Library(IStaffLog log) : SupervisorBase
{
    /// <summary>The archive, then the index; rest_for_one.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            // First: the index calls the archive by this name when it starts.
            ChildSpec.For(() => new Archive(log), name: Archive.Name),
            // Gap, step 6: with no Shutdown given, the index gets the default: shutdown, then 5 seconds for its
            // Terminate. It is a cache, with nothing to save and nothing worth waiting for: give it
            // `with { Shutdown = ShutdownSpec.BrutalKill }`, so it is killed at once (and its Terminate never runs).
            ChildSpec.For(() => new SearchIndex(log)),
        ],
        new SupervisorOptions { Strategy = Strategy() });

    // Gap, step 2: which strategy? A restarted archive must restart the index after it (the index would otherwise
    // hold a dead archive's catalogue); a crashed index must be restarted alone (nothing depends on it, and restarting
    // the archive for a cache's sake is waste). One strategy restarts "the child and every child started after it".
    private static SupervisorStrategy Strategy() =>
        throw new NotImplementedException("Step 2: choose the library's strategy in Library.Strategy (see README, step 2).");
}
