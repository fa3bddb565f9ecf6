using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace LinksAndMonitors;

/// <summary>
/// Step 2: a process that traps exits. It is linked to its workers, yet their exits do not end it: each exit signal
/// arrives as an <see cref="ExitMessage"/>, which it reports as an <see cref="Exited"/>. Only <c>kill</c> ends it.
/// </summary>
public static class Keeper
{
    /// <summary>
    /// Starts a keeper that traps exits and <paramref name="workers"/> workers linked to it (each runs
    /// <see cref="Worker.RunAsync"/>), and returns them once all are linked. The keeper sends
    /// <c>Exited(from, reason)</c> to <paramref name="reporter"/> for every exit signal it receives, whoever sent it,
    /// answers <see cref="Ping"/>, and ignores anything else. The reporter is not linked to it.
    /// </summary>
    /// <param name="reporter">The process that starts the keeper and receives its reports.</param>
    /// <param name="workers">How many workers; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is negative.</exception>
    public static Task<(Pid Keeper, IReadOnlyList<Pid> Workers)> StartAsync(ProcessContext reporter, int workers)
        => throw new NotImplementedException("Step 2: implement Keeper.StartAsync (see README, step 2).");
}
