namespace Otp;

/// <summary>
/// The receive loop of a gen_server: take a message, run the matching callback, act on its result.
/// One instance per server process; it holds what OTP keeps in the loop's arguments (state, idle timer, continue).
/// </summary>
internal sealed class GenServerLoop<TState>(GenServer<TState> server, ProcessContext context, ServerName? name, InitAck ack)
{
    private static readonly Atom BadReturnValue = new("bad_return_value");

    private InitAck? _ack = ack; // needed until Init is done; not kept by an idle server
    private TState _state = default!;
    private object? _continue;
    private ITimer? _idleTimer;
    private long _idleGeneration;
    private bool _timeoutNow;

    /// <summary>Runs Init, then the loop, in one async method: an idle server holds one state machine, not two.</summary>
    public async Task RunAsync()
    {
        CurrentServer.Pid = context.Self;
        var ack = _ack!;
        _ack = null;
        if (!await InitAsync(ack).ConfigureAwait(false))
        {
            return;
        }

        while (true)
        {
            HandleResult<TState> result;
            From? from = null;
            try
            {
                if (_continue is { } argument)
                {
                    _continue = null;
                    result = await server.RunContinue(argument, _state).ConfigureAwait(false);
                }
                else if (_timeoutNow)
                {
                    _timeoutNow = false;
                    result = await server.RunInfo(ExitReason.Timeout, _state).ConfigureAwait(false);
                }
                else
                {
                    var message = await context.Process.ReceiveAnyAsync().ConfigureAwait(false);
                    if (HandleSystemMessage(message))
                    {
                        continue; // system messages are not the server's business, and leave its idle timer running
                    }

                    if (message is IdleTimeoutMessage tick)
                    {
                        if (tick.Generation != _idleGeneration)
                        {
                            continue; // a timer cancelled too late: not a message the server should see
                        }

                        message = ExitReason.Timeout;
                    }

                    CancelIdleTimeout();
                    switch (message)
                    {
                        case CallMessage call:
                            from = call.From;
                            result = await server.RunCall(call.Request, call.From, _state).ConfigureAwait(false);
                            break;
                        case CastMessage cast:
                            result = await server.RunCast(cast.Request, _state).ConfigureAwait(false);
                            break;
                        case StopMessage stop:
                            result = HandleResult<TState>.Stop(stop.Reason, _state);
                            break;
                        case ExitMessage exit when exit.From == context.Parent && context.TrapExit:
                            // OTP: an exit signal from the parent, trapped, stops the server through terminate.
                            result = HandleResult<TState>.Stop(exit.Reason, _state);
                            break;
                        default:
                            result = await server.RunInfo(message, _state).ConfigureAwait(false);
                            break;
                    }
                }

                if (result.HasReply && from is null && result.Outcome != HandleOutcome.Stop)
                {
                    throw new ExitException((BadReturnValue, result.ToString()));
                }
            }
            catch (ExitException exit)
            {
                await TerminateAsync(exit.Reason).ConfigureAwait(false);
                throw;
            }
            catch (Exception crash) when (crash is not ProcessKilledSignal)
            {
                await TerminateAsync(crash).ConfigureAwait(false);
                throw;
            }

            _state = result.State;
            if (result.Outcome == HandleOutcome.Stop)
            {
                await TerminateAsync(result.Reason!).ConfigureAwait(false);
                if (result.HasReply && from is not null)
                {
                    from.TryReply(result.ReplyValue);
                }

                throw new ExitException(result.Reason!);
            }

            _continue = result.Continue;
            ArmIdleTimeout(result.Timeout); // before the reply, so a caller that got its reply knows the timer runs
            if (result.HasReply)
            {
                from!.TryReply(result.ReplyValue);
            }
        }
    }

    private async Task<bool> InitAsync(InitAck ack)
    {
        context.Process.Behaviour ??= "gen_server";
        if (name is not null && !name.TryRegister(context.Node, context.Self))
        {
            ack.Failed((new Atom("already_started"), name.WhereIs(context.Node)));
            return false;
        }

        server.Attach(context);
        InitResult<TState> init;
        try
        {
            init = await server.RunInit().ConfigureAwait(false);
        }
        catch (ExitException exit)
        {
            ack.Failed(exit.Reason);
            throw;
        }

        switch (init.Outcome)
        {
            case InitOutcome.Ignore:
                ack.Failed(StartFailedException.IgnoreReason);
                name?.Unregister(context.Node);
                return false;
            case InitOutcome.Stop:
                ack.Failed(init.Reason!);
                throw new ExitException(init.Reason!);
        }

        _state = init.State;
        _continue = init.Continue;
        ArmIdleTimeout(init.Timeout);
        ack.Started(context.Self);
        return true;
    }

    private bool HandleSystemMessage(object message)
    {
        switch (message)
        {
            case SysGetState get:
                get.From.TryReply(_state);
                return true;
            case SysReplaceState replace:
                try
                {
                    _state = (TState)replace.Replace(_state)!;
                    replace.From.TryReply(_state);
                }
                catch (Exception error) when (error is not ProcessKilledSignal)
                {
                    replace.From.TryFail(error); // as in OTP, a failing replace function leaves the server and its state alone
                }

                return true;
            default:
                return false;
        }
    }

    private async Task TerminateAsync(object reason)
    {
        CancelIdleTimeout();
        await server.RunTerminate(reason, _state).ConfigureAwait(false); // if terminate throws, that becomes the exit reason
    }

    private void ArmIdleTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } after || after == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (after <= TimeSpan.Zero)
        {
            _timeoutNow = context.MessageQueueLength == 0;
            return;
        }

        var generation = ++_idleGeneration;
        var self = context.Self;
        var node = context.Node;
        _idleTimer = node.Time.CreateTimer(_ => node.Send(self, new IdleTimeoutMessage(generation)), null, after, Timeout.InfiniteTimeSpan);
    }

    private void CancelIdleTimeout()
    {
        _idleGeneration++;
        _idleTimer?.Dispose();
        _idleTimer = null;
    }
}
