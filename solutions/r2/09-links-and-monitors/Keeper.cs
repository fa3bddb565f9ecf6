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
    public static async Task<(Pid Keeper, IReadOnlyList<Pid> Workers)> StartAsync(ProcessContext reporter, int workers)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentOutOfRangeException.ThrowIfNegative(workers);

        var keeper = reporter.Spawn(ctx => RunAsync(ctx, reporter.Self, workers));
        var ready = await reporter.ReceiveAsync<Ready>(r => r.Keeper == keeper, TimeSpan.FromSeconds(5))
            ?? throw new TimeoutException("Keeper.StartAsync: the keeper was not ready within 5 s.");
        return (keeper, ready.Workers);
    }

    private static async Task RunAsync(ProcessContext ctx, Pid reporter, int count)
    {
        // Trap first: a worker that crashed between its spawn_link and this line would otherwise take the keeper down.
        ctx.TrapExit = true;
        var workers = new Pid[count];
        for (var i = 0; i < count; i++)
        {
            workers[i] = ctx.SpawnLink(Worker.RunAsync);
        }

        ctx.Send(reporter, new Ready(ctx.Self, workers));
        while (true)
        {
            switch (await ctx.ReceiveAsync())
            {
                case ExitMessage exit: // {'EXIT', From, Reason}: a signal turned into a message, because we trap exits
                    ctx.Send(reporter, new Exited(exit.From, exit.Reason));
                    break;
                case Ping ping:
                    ctx.Send(ping.ReplyTo, new Pong(ctx.Self));
                    break;
            }
        }
    }
}
