namespace Otp;

/// <summary>
/// The server behind an <see cref="Agent"/>: a gen_server whose state is the agent's value and whose requests carry the
/// function to run on it. The functions run in the agent's process, one at a time, as Elixir's do.
/// </summary>
internal sealed class AgentServer(Func<object?> init) : GenServer<object?>
{
    protected override InitResult<object?> Init()
    {
        Context.Process.Behaviour = "agent";
        return Ok(init());
    }

    // An exception thrown by the function crashes the agent with it, and the caller's call fails with that reason (as in Elixir).
    protected override HandleResult<object?> HandleCall(object request, From from, object? state)
    {
        if (request is not AgentCall call)
        {
            return base.HandleCall(request, from, state);
        }

        var (reply, next) = call.Function(state);
        return Reply(reply, next);
    }

    protected override HandleResult<object?> HandleCast(object request, object? state) =>
        request is AgentCast cast ? NoReply(cast.Function(state)) : base.HandleCast(request, state);
}

/// <summary>A get, update or get-and-update: the function returns the reply and the new state.</summary>
internal sealed record AgentCall(Func<object?, (object? Reply, object? State)> Function);

/// <summary>An <c>Agent.cast/2</c>: the function returns the new state.</summary>
internal sealed record AgentCast(Func<object?, object?> Function);
