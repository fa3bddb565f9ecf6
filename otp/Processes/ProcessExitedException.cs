namespace Otp;

/// <summary>
/// The server exited before replying: OTP's <c>exit({Reason, {gen_server, call, ...}})</c>. <see cref="Reason"/> is its exit reason;
/// when that reason is an exception it is also the <see cref="Exception.InnerException"/>.
/// Also thrown by <see cref="GenServer.StopAsync(Node, ServerRef, object?, TimeSpan?, CancellationToken)"/> when the server exits with another reason than asked.
/// </summary>
public sealed class ProcessExitedException : Exception, IExitReason
{
    /// <summary>Creates the exception.</summary>
    /// <param name="server">The server.</param>
    /// <param name="reason">Its exit reason.</param>
    public ProcessExitedException(ServerRef server, object reason)
        : base($"{server} exited with reason {reason} before replying.", reason as Exception)
    {
        Server = server;
        Reason = reason;
    }

    /// <summary>The server.</summary>
    public ServerRef Server { get; }

    /// <summary>Its exit reason.</summary>
    public object Reason { get; }
}
