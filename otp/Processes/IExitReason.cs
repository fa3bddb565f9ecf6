namespace Otp;

/// <summary>
/// An exception that carries an OTP exit reason: what Erlang would have exited the caller with (<c>noproc</c>,
/// <c>timeout</c>, <c>calling_self</c>, the server's own reason...). Every exception the runtime throws for a failed
/// call, start, await or management request implements it, so one <c>catch (Exception e) when (e is IExitReason r)</c>
/// reads the reason whatever the failure.
/// </summary>
public interface IExitReason
{
    /// <summary>The exit reason, as OTP names it.</summary>
    object Reason { get; }
}
