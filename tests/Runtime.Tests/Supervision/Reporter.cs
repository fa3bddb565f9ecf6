using Otp;

namespace Runtime.Tests;

/// <summary>A worker that tells an observer when it starts and terminates, so tests can await restarts instead of sleeping.</summary>
internal sealed class Reporter(object id, Pid observer, bool failStart = false) : GenServer<object>
{
    /// <summary>A child spec starting a reporter linked to the supervisor.</summary>
    public static ChildSpec Spec(object id, Pid observer, RestartType restart = RestartType.Permanent, bool failStart = false) =>
        ChildSpec.Worker(id, ctx => GenServer.StartLinkAsync(ctx, new Reporter(id, observer, failStart))) with { Restart = restart };

    protected override InitResult<object> Init()
    {
        if (failStart)
        {
            return StopInit(new Atom("cannot_start"));
        }

        Context.TrapExit = true; // so Terminate runs on the supervisor's shutdown
        Context.Send(observer, ("started", id, Self));
        return Ok(id);
    }

    protected override HandleResult<object> HandleCall(object request, From from, object state) => request switch
    {
        "ping" => Reply("pong", state),
        _ => base.HandleCall(request, from, state),
    };

    protected override HandleResult<object> HandleInfo(object message, object state) =>
        message is ExitMessage exit ? Stop(exit.Reason, state) : NoReply(state);

    protected override void Terminate(object reason, object state) => Context.Send(observer, ("terminated", id, reason));
}
