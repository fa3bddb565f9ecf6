using System;
using System.Threading.Tasks;
using Otp;

namespace Switchboard;

/// <summary>
/// Step 1 to 5: one subscriber line, a GenServer registered by its number. It is idle, rings for one call, or is
/// engaged in one call; it monitors that call and is idle again as soon as the call ends, however it ends.
/// A line never calls a call: calls call lines, so no two processes can ever wait for each other.
/// </summary>
/// <param name="number">The line's number.</param>
/// <param name="config">The switch the line belongs to: where to start its calls.</param>
public sealed class Line(string number, SwitchConfig config) : GenServer<LineStatus>
{
    // The constructor's arguments, for the callbacks to use (the number in every status, the config to start calls).
    private readonly string _number = number;
    private readonly SwitchConfig _config = config;

    /// <summary>Step 1: a line starts idle.</summary>
    /// <returns><c>Ok</c> with an idle <see cref="LineStatus"/> for the line's number.</returns>
    protected override InitResult<LineStatus> Init() =>
        // TODO Step 1.7: Ok(LineStatus.IdleLine(_number)).
        throw new NotImplementedException("Step 1: implement Line.Init (see README, step 1).");

    /// <summary>
    /// Steps 1 to 4: <see cref="GetLineStatus"/> replies the status; <see cref="OffHook"/> on an idle line starts a call
    /// under the calls supervisor, monitors it and is engaged in it; <see cref="Ring"/> on an idle line rings for that
    /// call (and monitors it); <see cref="Connect"/> from the call the line rings for makes it engaged;
    /// <see cref="Release"/> from its own call makes it idle. A request the state does not allow changes nothing
    /// (<see cref="OffHook"/> replies the status unchanged, the others false). Anything else is a bad call.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The line's status.</param>
    /// <returns>The reply and the new status.</returns>
    protected override async ValueTask<HandleResult<LineStatus>> HandleCallAsync(object request, From from, LineStatus state)
    {
        switch (request)
        {
            // TODO Step 1.8: GetLineStatus: Reply(state, state).
            // TODO Step 2.4: OffHook when the line is Idle: var call = await DynamicSupervisor.StartChildAsync(Context,
            //                _config.Calls, Call.Spec(_number, Self, _config)); Context.Monitor(call!); the new status is
            //                Engaged in that call: reply it and keep it. OffHook in any other state: reply the state unchanged.
            // TODO Step 3.1: Ring(call) when Idle: monitor the call, reply true, Ringing for it.
            // TODO Step 4.1: Connect(call) when Ringing for that very call: reply true, Engaged.
            // TODO Step 4.2: Release(call) when that call is the line's call: reply true, idle (LineStatus.IdleLine(_number)).
            // TODO Step 4.3: any other Ring, Connect or Release: reply false, state unchanged.
            default:
                // TODO Step 1.9: anything else is a bad call: return await base.HandleCallAsync(request, from, state).
                await Task.CompletedTask;
                throw new NotImplementedException("Step 1: implement Line.HandleCallAsync, starting with GetLineStatus (see README, step 1).");
        }
    }

    /// <summary>Step 5: the DOWN of the line's current call makes it idle; any other message changes nothing.</summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The line's status.</param>
    /// <returns>The new status.</returns>
    protected override HandleResult<LineStatus> HandleInfo(object message, LineStatus state)
    {
        // TODO Step 5.1: a DownMessage whose Pid is state.Call: NoReply(LineStatus.IdleLine(_number)).
        //                Anything else (a DOWN of another process included): NoReply(state).
        throw new NotImplementedException("Step 5: implement Line.HandleInfo (see README, step 5).");
    }
}
