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
    // The log, for the child specs: every worker gets it.
    private readonly IStaffLog _log = log;

    /// <summary>The archive, then the index; rest_for_one.</summary>
    protected override SupervisorInit Init() =>
        throw new NotImplementedException("Step 2: implement Library.Init (see README, steps 2 and 6).");
}
