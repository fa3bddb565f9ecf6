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
/// <remarks>
/// The state is the <see cref="LineStatus"/> itself: the number, what the line does and its call. The monitor needs no
/// reference kept: a DOWN is the line's business only when its pid is the current call, so a DOWN of a call released
/// earlier is ignored as any stray message.
/// </remarks>
public sealed class Line(string number, SwitchConfig config) : GenServer<LineStatus>
{
    /// <summary>Step 1: a line starts idle.</summary>
    /// <returns><c>Ok</c> with an idle <see cref="LineStatus"/> for the line's number.</returns>
    protected override InitResult<LineStatus> Init() => Ok(LineStatus.IdleLine(number));

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
            case GetLineStatus:
                return Reply(state, state);
            case OffHook when state.State == LineState.Idle:
                // The line asks, the calls supervisor starts: the call is a child of the supervisor, not of the line,
                // so a crash of the line does not take the call down with it (the call notices by its own monitor).
                var call = await DynamicSupervisor.StartChildAsync(Context, config.Calls, Call.Spec(number, Self, config));
                Context.Monitor(call!);
                var engaged = state with { State = LineState.Engaged, Call = call };
                return Reply(engaged, engaged);
            case OffHook:
                return Reply(state, state);
            case Ring ring when state.State == LineState.Idle:
                Context.Monitor(ring.Call);
                return Reply(true, state with { State = LineState.Ringing, Call = ring.Call });
            case Connect connect when state.State == LineState.Ringing && connect.Call == state.Call:
                return Reply(true, state with { State = LineState.Engaged });
            case Release release when release.Call == state.Call:
                return Reply(true, LineStatus.IdleLine(number));
            case Ring or Connect or Release:
                return Reply(false, state);
            default:
                return await base.HandleCallAsync(request, from, state);
        }
    }

    /// <summary>Step 5: the DOWN of the line's current call makes it idle; any other message changes nothing.</summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The line's status.</param>
    /// <returns>The new status.</returns>
    protected override HandleResult<LineStatus> HandleInfo(object message, LineStatus state) =>
        message is DownMessage down && down.Pid == state.Call ? NoReply(LineStatus.IdleLine(number)) : NoReply(state);
}
