namespace Otp;

/// <summary>What a supervisor restarts when a child exits: OTP's restart <c>strategy</c>.</summary>
public enum SupervisorStrategy
{
    /// <summary><c>one_for_one</c>: only that child.</summary>
    OneForOne,

    /// <summary><c>one_for_all</c>: all children (the others are stopped in reverse order, then all started in order).</summary>
    OneForAll,

    /// <summary><c>rest_for_one</c>: that child and the ones started after it.</summary>
    RestForOne,
}
