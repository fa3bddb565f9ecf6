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
    protected override ValueTask<HandleResult<LineStatus>> HandleCallAsync(object request, From from, LineStatus state) =>
        throw new NotImplementedException("Step 1: implement Line.HandleCallAsync, starting with GetLineStatus (see README, step 1).");

    /// <summary>Step 5: the DOWN of the line's current call makes it idle; any other message changes nothing.</summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The line's status.</param>
    /// <returns>The new status.</returns>
    protected override HandleResult<LineStatus> HandleInfo(object message, LineStatus state) =>
        throw new NotImplementedException("Step 5: implement Line.HandleInfo (see README, step 5).");
}
