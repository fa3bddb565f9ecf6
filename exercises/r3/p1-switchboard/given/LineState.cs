namespace Switchboard;

/// <summary>What a subscriber line is doing.</summary>
public enum LineState
{
    /// <summary>On hook, in no call: it can ring or make a call.</summary>
    Idle,

    /// <summary>A call rings it; nobody has answered yet.</summary>
    Ringing,

    /// <summary>In a call: the caller's line from off-hook to the end, the callee's line once it answered.</summary>
    Engaged,
}
