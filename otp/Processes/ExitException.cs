namespace Otp;

/// <summary>
/// Thrown by <see cref="ProcessContext.Exit(object)"/> to end the calling process with a reason: Erlang's <c>exit(Reason)</c>.
/// When it escapes a process body the process exits with <see cref="Reason"/> itself (not with the exception),
/// so <c>Exit(ExitReason.Normal)</c> ends a process normally. Like Erlang's exit, it can be caught.
/// </summary>
public sealed class ExitException : Exception, IExitReason
{
    /// <summary>Creates the exception for an exit with <paramref name="reason"/>.</summary>
    /// <param name="reason">The exit reason.</param>
    public ExitException(object reason)
        : base($"The process exited: {reason}")
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
    }

    /// <summary>The exit reason.</summary>
    public object Reason { get; }
}
