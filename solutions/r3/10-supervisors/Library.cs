using Otp;

namespace Supervisors;

/// <summary>
/// The library: the <see cref="Archive"/> (registered as <see cref="Archive.Name"/>), then the <see cref="SearchIndex"/>
/// that loads its catalogue from it. The index must always hold the catalogue of the archive that runs now, so a
/// restarted archive restarts the index after it; a crashed index is restarted alone (rest_for_one). The index is a
/// cache with nothing to save: it is stopped with brutal kill. OTP's default intensity (1 restart in 5 seconds).
/// </summary>
/// <param name="log">Handed to the archive and the index.</param>
/// <remarks>
/// Order carries meaning here twice. At start, the index calls the archive by name, so the archive must come first.
/// On a crash, rest_for_one restarts the child that crashed and every child started after it: the children after a
/// child are the ones that depend on it. one_for_one would leave the index holding a dead archive's catalogue;
/// one_for_all would restart the archive (the expensive part) every time the cheap cache crashes.
/// </remarks>
public sealed class Library(IStaffLog log) : SupervisorBase
{
    /// <summary>The archive, then the index; rest_for_one.</summary>
    protected override SupervisorInit Init() => Ok(
        [
            ChildSpec.For(() => new Archive(log), name: Archive.Name),
            // A cache holds nothing that cannot be loaded again: no Terminate to wait for.
            ChildSpec.For(() => new SearchIndex(log)) with { Shutdown = ShutdownSpec.BrutalKill },
        ],
        new SupervisorOptions { Strategy = SupervisorStrategy.RestForOne });
}
