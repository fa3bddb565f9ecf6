namespace Otp;

/// <summary>
/// Synchronous starts, as OTP's <c>proc_lib:start/start_link</c>: spawn a process and wait until it says its
/// initialisation is done. The behaviours (GenServer, Supervisor, ...) start this way; so can any custom behaviour.
/// </summary>
public static class ProcLib
{
    /// <summary>
    /// Spawns <paramref name="body"/> (linked to <paramref name="parent"/> when there is one and <paramref name="link"/> is set)
    /// and waits for its <see cref="InitAck"/>. Throws <see cref="StartFailedException"/> if it fails, is ignored, exits first,
    /// or does not answer within <paramref name="timeout"/> (then it is killed, reason <c>timeout</c>).
    /// </summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="parent">The starting process (the new one's parent), or null from outside any process.</param>
    /// <param name="link">Link the new process to <paramref name="parent"/> (start_link).</param>
    /// <param name="body">The process's code; it must call <see cref="InitAck.Started"/> or <see cref="InitAck.Failed"/>.</param>
    /// <param name="timeout">How long initialisation may take; null for ever (OTP's default <c>infinity</c>).</param>
    public static async Task<Pid> StartLinkAsync(Node node, ProcessContext? parent, bool link, Func<ProcessContext, InitAck, Task> body, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(body);
        var ack = new InitAck();
        var (process, monitor) = node.SpawnProcess(ctx => body(ctx, ack), parent?.Process, link && parent is not null, monitorFrom: ack);
        ITimer? timer = null;
        if (timeout is { } limit && limit != Timeout.InfiniteTimeSpan)
        {
            timer = node.Time.CreateTimer(_ => ack.Timeout(), null, limit, Timeout.InfiniteTimeSpan);
        }

        try
        {
            return await ack.Task.ConfigureAwait(false);
        }
        catch (StartFailedException failed) when (ExitReason.Timeout.Equals(failed.Reason))
        {
            if (parent is not null)
            {
                parent.Unlink(process.Pid);
            }

            process.ExitSignal(node.Pid, ExitReason.Kill, viaLink: false);
            throw;
        }
        finally
        {
            process.RemoveMonitor(monitor!);
            if (timer is not null)
            {
                await timer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
