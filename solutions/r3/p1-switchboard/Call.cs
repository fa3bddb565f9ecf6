using System;
using System.Threading.Tasks;
using Otp;

namespace Switchboard;

/// <summary>
/// Steps 2 to 5: one call, a state machine started by the caller's line under the calls supervisor (temporary: a call
/// that ended, or crashed, is never started again). Dialing, then Ringing at the callee's line or Busy, then Connected
/// when the callee answers; a hang-up, the ring time-out or the death of either line ends it, after it has released
/// the lines still alive. It monitors both lines.
/// </summary>
/// <param name="caller">The caller's number.</param>
/// <param name="callerLine">The caller's line process.</param>
/// <param name="config">The switch: the registry to find the callee's line in, and the ring time-out.</param>
/// <remarks>
/// The machine calls lines (to ring, connect and release them) and lines never call it, so a cycle of calls, the one
/// way two processes can wait for each other for ever, cannot form. A line that died answers no call: those calls are
/// wrapped in <see cref="TryCallLineAsync"/>, because a dead line is news the DOWN brings anyway.
/// </remarks>
public sealed class Call(string caller, Pid callerLine, SwitchConfig config) : StateMachine<CallState, CallData>
{
    /// <summary>
    /// Step 2: a temporary worker spec that starts a <see cref="Call"/> linked to the calls supervisor.
    /// </summary>
    /// <param name="caller">The caller's number.</param>
    /// <param name="callerLine">The caller's line process.</param>
    /// <param name="config">The switch.</param>
    /// <returns>A <see cref="ChildSpec"/> with <see cref="RestartType.Temporary"/>.</returns>
    public static ChildSpec Spec(string caller, Pid callerLine, SwitchConfig config) =>
        ChildSpec.Worker(typeof(Call), ctx => StateMachine.StartLinkAsync(ctx, new Call(caller, callerLine, config)))
            with { Restart = RestartType.Temporary };

    /// <summary>Step 2: a call starts in <see cref="CallState.Dialing"/> and monitors the caller's line.</summary>
    /// <returns><c>Ok</c> in Dialing with the caller's data.</returns>
    protected override StateMachineInit<CallState, CallData> Init()
    {
        Context.Monitor(callerLine);
        return Ok(CallState.Dialing, new CallData(caller, callerLine));
    }

    /// <summary>
    /// Steps 2 to 5: <see cref="GetCallStatus"/> in every state; <see cref="Dial"/> in Dialing rings the callee's line
    /// (Ringing, with the ring time-out as a state time-out) or finds it engaged or unknown (Busy); <see cref="Answer"/>
    /// by the callee in Ringing connects its line (Connected); <see cref="HangUp"/> by either party, the ring time-out
    /// and the DOWN of either line release the lines still alive and stop the call with reason normal. Every call is
    /// answered with the <see cref="CallStatus"/>; one the state does not allow changes nothing.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The call's state.</param>
    /// <param name="data">The call's parties.</param>
    /// <returns>The transition.</returns>
    protected override async ValueTask<EventResult<CallState, CallData>> HandleEventAsync(StateEvent e, CallState state, CallData data)
    {
        switch (e.Kind, e.Content, state)
        {
            case (EventKind.Call, Dial dial, CallState.Dialing):
                var line = config.Registry.WhereIsName(dial.Number);
                var dialled = data with { Callee = dial.Number };
                if (line is null || line == data.CallerLine || !await TryCallLineAsync(line, new Ring(Self)))
                {
                    return NextState(CallState.Busy, dialled, Answered(e, CallState.Busy, dialled));
                }

                Context.Monitor(line);
                var ringing = dialled with { CalleeLine = line };
                return NextState(CallState.Ringing, ringing,
                    Answered(e, CallState.Ringing, ringing), StateAction.StateTimeout(config.RingTimeout, new NoAnswer()));
            case (EventKind.Call, Answer answer, CallState.Ringing) when answer.Number == data.Callee:
                await TryCallLineAsync(data.CalleeLine!, new Connect(Self));
                return NextState(CallState.Connected, data, Answered(e, CallState.Connected, data));
            case (EventKind.Call, HangUp hangUp, _) when hangUp.Number == data.Caller || hangUp.Number == data.Callee:
                await ReleaseLinesAsync(data);
                return StopAndReply(ExitReason.Normal, data, Answered(e, CallState.HungUp, data));
            case (EventKind.Call, _, _):
                return KeepStateAndData(Answered(e, state, data));
            case (EventKind.StateTimeout, NoAnswer, CallState.Ringing):
                await ReleaseLinesAsync(data);
                return Stop(ExitReason.Normal, data);
            case (EventKind.Info, DownMessage down, _) when down.Pid == data.CallerLine || down.Pid == data.CalleeLine:
                await ReleaseLinesAsync(data);
                return Stop(ExitReason.Normal, data);
            default:
                return KeepStateAndData();
        }
    }

    /// <summary>The reply to the call <paramref name="e"/>: the status in <paramref name="state"/>.</summary>
    private static StateAction Answered(StateEvent e, CallState state, CallData data) =>
        StateAction.Reply(e.From!, new CallStatus(state, data.Caller, data.Callee));

    /// <summary>Releases both lines; a line that died needs no release (and cannot answer).</summary>
    private async Task ReleaseLinesAsync(CallData data)
    {
        await TryCallLineAsync(data.CallerLine, new Release(Self));
        if (data.CalleeLine is { } callee)
        {
            await TryCallLineAsync(callee, new Release(Self));
        }
    }

    /// <summary>Calls a line; false if it said no or is no longer alive.</summary>
    private async Task<bool> TryCallLineAsync(Pid line, object request)
    {
        try
        {
            return await GenServer.CallAsync<bool>(Context, line, request);
        }
        catch (Exception error) when (error is NoProcessException or ProcessExitedException)
        {
            return false;
        }
    }
}
