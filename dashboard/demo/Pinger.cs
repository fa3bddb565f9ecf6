namespace Otp.Dashboard.Demo;

/// <summary>A plain process that casts a tick to the counter every 50 ms, so the chart of messages per second moves.</summary>
public static class Pinger
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(50);

    /// <summary>The child spec of pinger number <paramref name="n"/>, for the <c>pingers</c> DynamicSupervisor.</summary>
    /// <param name="n">Its number, in the ticks it sends.</param>
    public static ChildSpec Spec(int n) => ChildSpec.Worker($"pinger{n}", ctx => Task.FromResult(ctx.SpawnLink(c => RunAsync(c, $"pinger{n}"))));

    private static async Task RunAsync(ProcessContext ctx, string name)
    {
        while (true)
        {
            // receive ... after 50 -> tick: the Erlang way to wait, and any message (an exit signal) ends the wait.
            await ctx.ReceiveAsync(Every).ConfigureAwait(false);
            if (ctx.Node.WhereIs("counter") is { } counter)
            {
                GenServer.Cast(ctx.Node, counter, name);
            }
        }
    }
}
