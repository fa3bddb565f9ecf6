namespace Otp;

/// <summary>
/// A server, supervisor or child did not start: OTP's <c>{error, Reason}</c> from a start function, or <c>ignore</c>
/// (then <see cref="Ignored"/> is true and <see cref="Reason"/> is <c>ignore</c>). When the reason is an exception it is
/// also the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class StartFailedException : Exception, IExitReason
{
    /// <summary>The reason OTP uses for <c>ignore</c>.</summary>
    public static readonly Atom IgnoreReason = new("ignore");

    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the start failed.</param>
    public StartFailedException(object reason)
        : base(IgnoreReason.Equals(reason) ? "The init callback returned ignore." : $"The start failed: {reason}", reason as Exception)
    {
        Reason = reason;
    }

    /// <summary>Why the start failed: the init stop reason, the init exception, <c>(already_started, Pid)</c>, <c>timeout</c>...</summary>
    public object Reason { get; }

    /// <summary>True when init returned <c>ignore</c>: not an error to a supervisor, which keeps the child unstarted.</summary>
    public bool Ignored => IgnoreReason.Equals(Reason);
}
