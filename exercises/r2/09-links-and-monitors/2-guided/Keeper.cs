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
    /// <summary>Told to the reporter once the keeper traps exits and its workers are linked to it.</summary>
    private sealed record Ready(Pid Keeper, IReadOnlyList<Pid> Workers);

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
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentOutOfRangeException.ThrowIfNegative(workers);

        // TODO Step 2.1: spawn the keeper (reporter.Spawn(ctx => RunAsync(ctx, reporter.Self, workers))), then wait for
        //                its Ready (ReceiveAsync<Ready> matching the keeper's pid, with a time-out) and return
        //                (keeper, ready.Workers).
        throw new NotImplementedException("Step 2: implement Keeper.StartAsync (see README, step 2).");
    }

    private static Task RunAsync(ProcessContext ctx, Pid reporter, int count)
    {
        // TODO Step 2.2: trap exits (ctx.TrapExit = true), first of all.
        // TODO Step 2.3: start `count` workers linked to the keeper (ctx.SpawnLink(Worker.RunAsync)), then send the
        //                reporter new Ready(ctx.Self, workers).
        // TODO Step 2.4: loop for ever over ctx.ReceiveAsync(): an ExitMessage becomes new Exited(exit.From, exit.Reason)
        //                sent to the reporter; a Ping gets a Pong; anything else is ignored.
        throw new NotImplementedException("Step 2: implement the keeper's body (see README, step 2).");
    }
}
