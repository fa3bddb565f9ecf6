namespace Switchboard;

/// <summary>The states of a call, from the caller's off-hook to its end.</summary>
public enum CallState
{
    /// <summary>Off hook, dial tone: waiting for a number.</summary>
    Dialing,

    /// <summary>The callee's line rings, until it answers or the ring time-out ends the call.</summary>
    Ringing,

    /// <summary>The number was engaged or unknown: busy tone until the caller hangs up.</summary>
    Busy,

    /// <summary>Both parties talking.</summary>
    Connected,

    /// <summary>Over: the reply to a hang-up. The call process then exits with reason normal.</summary>
    HungUp,
}
