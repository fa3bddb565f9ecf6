using Otp;

namespace Runtime.Tests;

/// <summary>A counter server whose every callback can be steered by the request, so one class covers the gen_server tests.</summary>
internal sealed class TestServer(Pid? observer = null, Func<InitResult<int>>? init = null, bool trapExit = false) : GenServer<int>
{
    private From? _parked;

    protected override InitResult<int> Init()
    {
        Context.TrapExit = trapExit;
        return init is null ? Ok(0) : init();
    }

    protected override async ValueTask<HandleResult<int>> HandleCallAsync(object request, From from, int state)
    {
        switch (request)
        {
            case "get":
                return Reply(state, state);
            case ("add", int n):
                return Reply(state + n, state + n);
            case "idle":
                return Reply("ok", state).WithTimeout(TimeSpan.FromSeconds(1));
            case "continue":
                return Reply("ok", state).WithContinue("bump");
            case "park":
                _parked = from;
                return NoReply(state);
            case "release":
                GenServer.Reply(_parked!, "released");
                return Reply("ok", state);
            case "never":
                return NoReply(state);
            case "call_self" or "call_self_from_node":
                try
                {
                    await (request is "call_self" ? GenServer.CallAsync<int>(Context, Self, "get") : GenServer.CallAsync<int>(Context.Node, Self, "get"));
                    return Reply("no error", state);
                }
                catch (CallingSelfException)
                {
                    return Reply("calling_self", state);
                }

            case "stop_self" or "stop_self_from_context":
                try
                {
                    await (request is "stop_self" ? GenServer.StopAsync(Context.Node, Self) : GenServer.StopAsync(Context, Self));
                    return Reply("no error", state);
                }
                catch (CallingSelfException)
                {
                    return Reply("calling_self", state);
                }

            case ("stop", object reason):
                return Stop(reason, state);
            case ("stop_reply", object reason):
                return StopAndReply(reason, "bye", state);
            case "crash":
                throw new InvalidOperationException("crash in handle_call");
            default:
                return base.HandleCall(request, from, state);
        }
    }

    protected override HandleResult<int> HandleCast(object request, int state) => request switch
    {
        "inc" => NoReply(state + 1),
        "reply_from_cast" => Reply("wrong", state),
        "crash" => throw new InvalidOperationException("crash in handle_cast"),
        _ => base.HandleCast(request, state),
    };

    protected override HandleResult<int> HandleInfo(object message, int state)
    {
        if (observer is not null)
        {
            Context.Send(observer, ("info", message));
        }

        return NoReply(state);
    }

    protected override HandleResult<int> HandleContinue(object argument, int state) => NoReply(state + 100);

    protected override void Terminate(object reason, int state)
    {
        if (observer is not null)
        {
            Context.Send(observer, ("terminate", reason, state));
        }
    }
}
