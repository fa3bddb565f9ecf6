namespace Otp;

/// <summary>
/// A caller waiting for a reply: OTP's <c>from()</c> in <c>handle_call(Request, From, State)</c>.
/// Return <c>NoReply</c> and keep it to reply later with <see cref="GenServer.Reply"/>, from the server or from any process.
/// A reply after the caller gave up (timeout, cancellation) is dropped.
/// </summary>
public sealed class From : IDownHandler
{
    private readonly TaskCompletionSource<object?> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TimeSpan _timeout;

    internal From(Pid? caller, ServerRef server, TimeSpan timeout)
    {
        Caller = caller;
        Server = server;
        _timeout = timeout;
    }

    /// <summary>The calling process, or null when the caller is not a process (code outside the runtime).</summary>
    public Pid? Caller { get; }

    internal ServerRef Server { get; }

    internal Task<object?> Task => _reply.Task;

    /// <summary>Delivers the reply; false if one was already delivered or the caller gave up.</summary>
    internal bool TryReply(object? reply) => _reply.TrySetResult(reply);

    internal bool TryFail(Exception error) => _reply.TrySetException(error);

    internal void OnTimeout() => TryFail(new CallTimeoutException(Server, _timeout));

    void IDownHandler.OnDown(MonitorRef monitor, Pid pid, object reason) =>
        TryFail(ExitReason.NoProc.Equals(reason) ? new NoProcessException(Server) : new ProcessExitedException(Server, reason));

    /// <summary>The caller, for logs.</summary>
    public override string ToString() => $"from {Caller?.ToString() ?? "outside"}";
}
