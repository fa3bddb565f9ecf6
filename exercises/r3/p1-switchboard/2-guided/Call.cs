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
public sealed class Call(string caller, Pid callerLine, SwitchConfig config) : StateMachine<CallState, CallData>
{
    // The constructor's arguments, for the callbacks to use.
    private readonly string _caller = caller;
    private readonly Pid _callerLine = callerLine;
    private readonly SwitchConfig _config = config;

    /// <summary>
    /// Step 2: a temporary worker spec that starts a <see cref="Call"/> linked to the calls supervisor.
    /// </summary>
    /// <param name="caller">The caller's number.</param>
    /// <param name="callerLine">The caller's line process.</param>
    /// <param name="config">The switch.</param>
    /// <returns>A <see cref="ChildSpec"/> with <see cref="RestartType.Temporary"/>.</returns>
    public static ChildSpec Spec(string caller, Pid callerLine, SwitchConfig config) =>
        // TODO Step 2.5: ChildSpec.Worker(typeof(Call), ctx => StateMachine.StartLinkAsync(ctx, new Call(caller, callerLine, config)))
        //                with { Restart = RestartType.Temporary }.
        throw new NotImplementedException("Step 2: implement Call.Spec (see README, step 2).");

    /// <summary>Step 2: a call starts in <see cref="CallState.Dialing"/> and monitors the caller's line.</summary>
    /// <returns><c>Ok</c> in Dialing with the caller's data.</returns>
    protected override StateMachineInit<CallState, CallData> Init()
    {
        // TODO Step 2.6: Context.Monitor(_callerLine), then Ok(CallState.Dialing, new CallData(_caller, _callerLine)).
        throw new NotImplementedException("Step 2: implement Call.Init (see README, step 2).");
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
            // TODO Step 3.2: (EventKind.Call, Dial dial, CallState.Dialing): find the line (_config.Registry.WhereIsName(dial.Number)).
            //                No line, the caller's own line, or TryCallLineAsync(line, new Ring(Self)) false: NextState Busy
            //                (data with { Callee = dial.Number }) and answer. Otherwise monitor the line, NextState Ringing
            //                with CalleeLine set, answer, and (step 4) StateAction.StateTimeout(_config.RingTimeout, new NoAnswer()).
            // TODO Step 4.4: (EventKind.Call, Answer answer, CallState.Ringing) when answer.Number == data.Callee:
            //                TryCallLineAsync(data.CalleeLine!, new Connect(Self)), then NextState Connected and answer.
            // TODO Step 4.5: (EventKind.Call, HangUp hangUp, _) from the caller or the callee: ReleaseLinesAsync(data), then
            //                StopAndReply(ExitReason.Normal, data, Answered(e, CallState.HungUp, data)).
            // TODO Step 4.6: (EventKind.StateTimeout, NoAnswer, CallState.Ringing): release the lines, Stop(ExitReason.Normal, data).
            // TODO Step 6.1: (EventKind.Info, DownMessage down, _) when down.Pid is data.CallerLine or data.CalleeLine:
            //                release the lines, Stop(ExitReason.Normal, data).
            case (EventKind.Call, _, _):
                // TODO Step 2.7: every other call (GetCallStatus included) changes nothing: KeepStateAndData(Answered(e, state, data)).
                await Task.CompletedTask;
                throw new NotImplementedException("Step 2: implement Call.HandleEventAsync, starting with GetCallStatus (see README, step 2).");
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
        // TODO Step 4.7: TryCallLineAsync(line, new Release(Self)) for data.CallerLine, and for data.CalleeLine if there is one.
        await Task.CompletedTask;
        throw new NotImplementedException("Step 4: release the lines (see README, step 4).");
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
            // Step 6: a line that died cannot answer; its DOWN tells the call so, so here it is just a "no".
            return false;
        }
    }
}
