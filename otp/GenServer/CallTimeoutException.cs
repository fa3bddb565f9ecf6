namespace Otp;

/// <summary>
/// A call got no reply in time: OTP's <c>exit({timeout, {gen_server, call, ...}})</c>. A late reply is dropped.
/// </summary>
public sealed class CallTimeoutException : TimeoutException, IExitReason
{
    /// <summary>Creates the exception.</summary>
    /// <param name="server">The server called.</param>
    /// <param name="timeout">The time allowed.</param>
    public CallTimeoutException(ServerRef server, TimeSpan timeout)
        : base($"The call to {server} got no reply within {timeout.TotalMilliseconds} ms (timeout). Is the server busy, or does it forget to reply?")
    {
        Server = server;
        Timeout = timeout;
    }

    /// <summary>The server called.</summary>
    public ServerRef Server { get; }

    /// <summary>The time allowed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Always <c>timeout</c>.</summary>
    public object Reason => ExitReason.Timeout;
}
