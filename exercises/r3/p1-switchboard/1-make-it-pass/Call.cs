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
        throw new NotImplementedException("Step 2: implement Call.Spec (see README, step 2).");

    /// <summary>Step 2: a call starts in <see cref="CallState.Dialing"/> and monitors the caller's line.</summary>
    /// <returns><c>Ok</c> in Dialing with the caller's data.</returns>
    protected override StateMachineInit<CallState, CallData> Init() =>
        throw new NotImplementedException("Step 2: implement Call.Init (see README, step 2).");

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
    protected override ValueTask<EventResult<CallState, CallData>> HandleEventAsync(StateEvent e, CallState state, CallData data) =>
        throw new NotImplementedException("Step 2: implement Call.HandleEventAsync, starting with GetCallStatus (see README, step 2).");
}
