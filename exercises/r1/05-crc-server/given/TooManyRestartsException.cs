using System;

namespace CrcServer;

/// <summary>
/// A <see cref="Restarter{TCall, TReply, TCast}"/> gave up: its server crashed once more when it had already been
/// restarted <see cref="RestartPolicy.MaxRestarts"/> times within <see cref="RestartPolicy.Period"/>. Restarting
/// did not help, so the problem is not a passing one. An OTP supervisor then ends itself, and lets its own
/// supervisor decide.
/// </summary>
public sealed class TooManyRestartsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="policy">The policy that was exceeded.</param>
    /// <param name="lastCrash">The crash that was one too many.</param>
    public TooManyRestartsException(RestartPolicy policy, Exception lastCrash)
        : base(
            $"Gave up: the server crashed again after {policy?.MaxRestarts} restarts within {policy?.Period}.",
            lastCrash)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>The policy that was exceeded.</summary>
    public RestartPolicy Policy { get; }
}
