namespace Otp;

/// <summary>
/// How a supervisor stops a child: the <c>shutdown</c> field of an OTP child spec. The supervisor unlinks and monitors the child,
/// then sends <c>kill</c> (<see cref="BrutalKill"/>), or <c>shutdown</c> and waits (for <see cref="After"/>'s time, then <c>kill</c>;
/// or for ever with <see cref="Infinity"/>).
/// </summary>
public sealed record ShutdownSpec
{
    private ShutdownSpec(TimeSpan? timeout, bool brutalKill)
    {
        Timeout = timeout;
        IsBrutalKill = brutalKill;
    }

    /// <summary><c>brutal_kill</c>: killed at once, unconditionally; the child never sees a <c>shutdown</c> signal.</summary>
    public static ShutdownSpec BrutalKill { get; } = new(TimeSpan.Zero, brutalKill: true);

    /// <summary><c>infinity</c>: sent <c>shutdown</c> and waited for as long as it takes (the default for supervisors).</summary>
    public static ShutdownSpec Infinity { get; } = new(null, brutalKill: false);

    /// <summary>OTP's default for workers: 5 seconds.</summary>
    public static ShutdownSpec Default { get; } = new(TimeSpan.FromSeconds(5), brutalKill: false);

    /// <summary>
    /// The time a child gets after <c>shutdown</c>; null for infinity. Zero both for <see cref="BrutalKill"/> and for
    /// <c>After(TimeSpan.Zero)</c>: <see cref="IsBrutalKill"/> tells them apart.
    /// </summary>
    public TimeSpan? Timeout { get; }

    /// <summary>True for <c>brutal_kill</c>; false for a timeout (even of 0 ms, which still sends <c>shutdown</c> first) and infinity.</summary>
    public bool IsBrutalKill { get; }

    /// <summary>
    /// A timeout (OTP's integer shutdown, in milliseconds): sent <c>shutdown</c>, killed if still alive after
    /// <paramref name="timeout"/> (read from the node's clock). Zero is allowed, as in OTP: the child gets the <c>shutdown</c>
    /// signal (which ends it at once unless it traps exits) and is then killed without waiting.
    /// </summary>
    /// <param name="timeout">Zero or more.</param>
    public static ShutdownSpec After(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return new ShutdownSpec(timeout, brutalKill: false);
    }

    /// <summary>Erlang's notation.</summary>
    public override string ToString() =>
        IsBrutalKill ? "brutal_kill" : Timeout is { } limit ? $"{limit.TotalMilliseconds}" : "infinity";
}
