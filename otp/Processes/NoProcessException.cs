namespace Otp;

/// <summary>
/// The target process does not exist: OTP's <c>noproc</c> (a call to a dead pid or a free name, a link to a dead process,
/// a send to an unregistered name).
/// </summary>
public sealed class NoProcessException : Exception, IExitReason
{
    /// <summary>Creates the exception naming the missing process.</summary>
    /// <param name="target">The pid or name that was not found.</param>
    public NoProcessException(object target)
        : base($"No process: {target} is not alive or not registered (noproc).")
    {
        Target = target;
    }

    /// <summary>The pid or name that was not found.</summary>
    public object Target { get; }

    /// <summary>Always <c>noproc</c>.</summary>
    public object Reason => ExitReason.NoProc;
}
