namespace Otp;

/// <summary>
/// Stops one child the way OTP's supervisor does: unlink (dropping an EXIT already queued), monitor, send <c>shutdown</c>
/// (or <c>kill</c>), wait for the DOWN, and send <c>kill</c> if the shutdown time runs out.
/// Runs on the supervisor's own process, so it may receive.
/// </summary>
internal static class ChildShutdown
{
    public static async Task<object> StopAsync(ProcessContext supervisor, Pid child, ShutdownSpec shutdown)
    {
        var monitor = supervisor.Monitor(child);
        supervisor.Unlink(child);
        await supervisor.ReceiveAsync(m => m is ExitMessage exit && exit.From == child, TimeSpan.Zero).ConfigureAwait(false);

        ITimer? killTimer = null;
        if (shutdown.IsBrutalKill)
        {
            supervisor.Exit(child, ExitReason.Kill);
        }
        else if (shutdown.Timeout == TimeSpan.Zero)
        {
            // OTP's shutdown of 0 ms: the shutdown signal first (it ends a child that does not trap exits), then <c>kill</c> at once.
            supervisor.Exit(child, ExitReason.Shutdown);
            supervisor.Exit(child, ExitReason.Kill);
        }
        else
        {
            if (shutdown.Timeout is { } limit)
            {
                // Armed before the shutdown signal, so the deadline is in place once the child can see the signal.
                var node = supervisor.Node;
                killTimer = node.Time.CreateTimer(_ => node.Exit(child, ExitReason.Kill), null, limit, Timeout.InfiniteTimeSpan);
            }

            supervisor.Exit(child, ExitReason.Shutdown);
        }

        try
        {
            var down = await supervisor.ReceiveAsync<DownMessage>(d => d.Ref == monitor).ConfigureAwait(false);
            return down!.Reason;
        }
        finally
        {
            if (killTimer is not null)
            {
                await killTimer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
