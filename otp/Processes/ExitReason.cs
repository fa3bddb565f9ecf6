namespace Otp;

/// <summary>
/// The well-known exit reasons. An exit reason is any non-null value (an <see cref="Atom"/>, a record, an exception);
/// these are the ones the runtime gives a meaning to, exactly as OTP does.
/// </summary>
public static class ExitReason
{
    /// <summary><c>normal</c>: the process finished its work. Does not kill linked processes.</summary>
    public static readonly Atom Normal = new("normal");

    /// <summary><c>shutdown</c>: the process was asked to stop (by its supervisor). Kills linked processes that do not trap exits.</summary>
    public static readonly Atom Shutdown = new("shutdown");

    /// <summary><c>kill</c>: sent with <see cref="ProcessContext.Exit(Pid, object)"/> it kills unconditionally; it cannot be trapped.</summary>
    public static readonly Atom Kill = new("kill");

    /// <summary><c>killed</c>: the reason a process killed with <see cref="Kill"/> exits with, so linked processes can trap it.</summary>
    public static readonly Atom Killed = new("killed");

    /// <summary><c>noproc</c>: the process did not exist (monitoring, linking or calling a dead pid or a free name).</summary>
    public static readonly Atom NoProc = new("noproc");

    /// <summary><c>timeout</c>: the message a GenServer receives in <c>HandleInfo</c> when its idle timeout expires.</summary>
    public static readonly Atom Timeout = new("timeout");

    /// <summary>Builds <c>{shutdown, Detail}</c> (see <see cref="ShutdownReason"/>).</summary>
    /// <param name="detail">Any value explaining the shutdown.</param>
    public static ShutdownReason ShutdownWith(object detail) => new(detail);

    /// <summary>
    /// True for <c>normal</c>, <c>shutdown</c> and <c>{shutdown, _}</c>: the reasons OTP treats as a clean stop
    /// (a transient child is not restarted, no crash is reported).
    /// </summary>
    /// <param name="reason">An exit reason.</param>
    public static bool IsNormal(object? reason) =>
        Normal.Equals(reason) || Shutdown.Equals(reason) || reason is ShutdownReason;
}
