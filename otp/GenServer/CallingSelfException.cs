namespace Otp;

/// <summary>
/// A server called itself, which could only deadlock: OTP's <c>exit({calling_self, {gen_server, call, ...}})</c>.
/// </summary>
public sealed class CallingSelfException : InvalidOperationException, IExitReason
{
    /// <summary>Creates the exception.</summary>
    /// <param name="server">The server, which is also the caller.</param>
    public CallingSelfException(Pid server)
        : base($"{server} called itself (calling_self); a server cannot wait for its own reply. Handle the request directly instead.")
    {
        Server = server;
    }

    /// <summary>The server, which is also the caller.</summary>
    public Pid Server { get; }

    /// <summary>Always <c>calling_self</c>.</summary>
    public object Reason => new Atom("calling_self");
}
