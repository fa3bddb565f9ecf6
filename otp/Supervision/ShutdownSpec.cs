namespace Otp;

/// <summary>
/// How a supervisor stops a child: the <c>shutdown</c> field of an OTP child spec. The supervisor unlinks and monitors the child,
/// then sends <c>kill</c> (<see cref="BrutalKill"/>), or <c>shutdown</c> and waits (for <see cref="After"/>'s time, then <c>kill</c>;
/// or for ever with <see cref="Infinity"/>).
/// </summary>
public sealed record ShutdownSpec
{
    private ShutdownSpec(TimeSpan? timeout) => Timeout = timeout;

    /// <summary><c>brutal_kill</c>: killed at once, unconditionally.</summary>
    public static ShutdownSpec BrutalKill { get; } = new(TimeSpan.Zero);

    /// <summary><c>infinity</c>: sent <c>shutdown</c> and waited for as long as it takes (the default for supervisors).</summary>
    public static ShutdownSpec Infinity { get; } = new((TimeSpan?)null);

    /// <summary>OTP's default for workers: 5 seconds.</summary>
    public static ShutdownSpec Default { get; } = new(TimeSpan.FromSeconds(5));

    /// <summary>The time a child gets after <c>shutdown</c>; zero for brutal kill, null for infinity.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>A timeout: sent <c>shutdown</c>, killed if still alive after <paramref name="timeout"/> (read from the node's clock).</summary>
    /// <param name="timeout">More than zero.</param>
    public static ShutdownSpec After(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return new ShutdownSpec(timeout);
    }

    /// <summary>Erlang's notation.</summary>
    public override string ToString() => Timeout is null ? "infinity" : Timeout == TimeSpan.Zero ? "brutal_kill" : $"{Timeout.Value.TotalMilliseconds}";
}
