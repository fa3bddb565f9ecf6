using Otp;

namespace Switchboard;

/// <summary>A line's state, and the call it belongs to (null when idle).</summary>
/// <param name="Number">The line's number.</param>
/// <param name="State">What the line is doing.</param>
/// <param name="Call">The call process it rings for or is engaged in; null when idle.</param>
public sealed record LineStatus(string Number, LineState State, Pid? Call)
{
    /// <summary>An idle line with this number.</summary>
    public static LineStatus IdleLine(string number) => new(number, LineState.Idle, null);
}
