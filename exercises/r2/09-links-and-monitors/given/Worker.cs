using System;
using System.Threading.Tasks;
using Otp;

namespace LinksAndMonitors;

/// <summary>
/// The code of a small worker process, handed to you complete: it answers <see cref="Ping"/>, crashes on
/// <see cref="Crash"/>, ends normally on <see cref="Finish"/>, and ignores anything else.
/// </summary>
public static class Worker
{
    /// <summary>The worker's body: pass it to <c>Spawn</c>, <c>SpawnLink</c> or <c>SpawnMonitor</c>.</summary>
    /// <param name="ctx">The worker's own process.</param>
    public static async Task RunAsync(ProcessContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        while (true)
        {
            switch (await ctx.ReceiveAsync())
            {
                case Ping ping:
                    ctx.Send(ping.ReplyTo, new Pong(ctx.Self));
                    break;
                case Crash crash:
                    throw new InvalidOperationException(crash.Why);
                case Finish:
                    return;
            }
        }
    }

    /// <summary>
    /// A worker body that first sends <see cref="WorkerStarted"/> to <paramref name="probe"/>, then runs as
    /// <see cref="RunAsync"/>: a test learns of each new worker without asking anyone.
    /// </summary>
    /// <param name="probe">The process told of each start.</param>
    public static Func<ProcessContext, Task> Reporting(Pid probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return ctx =>
        {
            ctx.Send(probe, new WorkerStarted(ctx.Self));
            return RunAsync(ctx);
        };
    }
}
