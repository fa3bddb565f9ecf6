namespace Otp;

/// <summary>
/// The new process's side of a synchronous start: proc_lib's <c>init_ack/1</c> and <c>init_fail/2</c>.
/// A process started with <see cref="ProcLib.StartLinkAsync"/> calls exactly one of these when its initialisation is done.
/// </summary>
public sealed class InitAck : IDownHandler
{
    private readonly TaskCompletionSource<Pid> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private object? _failure;

    internal InitAck()
    {
    }

    internal Task<Pid> Task => _done.Task;

    /// <summary><c>init_ack({ok, self()})</c>: the start succeeded; the starter gets <paramref name="self"/>.</summary>
    /// <param name="self">The started process.</param>
    public void Started(Pid self) => _done.TrySetResult(self);

    /// <summary>
    /// The start failed with <paramref name="reason"/> (or was ignored, with <see cref="StartFailedException.IgnoreReason"/>).
    /// Call it, then end the process: the starter throws <see cref="StartFailedException"/> once the process has exited,
    /// so an EXIT it traps is already in its mailbox (as in OTP 26).
    /// </summary>
    /// <param name="reason">Why the start failed.</param>
    public void Failed(object reason) => Volatile.Write(ref _failure, reason);

    // Exited before acknowledging: the failure the process declared, or its exit reason (a crash in init).
    void IDownHandler.OnDown(MonitorRef monitor, Pid pid, object reason) =>
        _done.TrySetException(new StartFailedException(Volatile.Read(ref _failure) ?? reason));

    internal void Timeout() => _done.TrySetException(new StartFailedException(ExitReason.Timeout));
}
