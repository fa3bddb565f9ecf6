namespace Otp;

/// <summary>
/// A supervisor's flags: OTP's <c>#{strategy, intensity, period}</c>, with OTP's defaults (one_for_one, 1 restart in 5 seconds;
/// note Elixir's Supervisor defaults to 3 in 5). More than <see cref="MaxRestarts"/> restarts within <see cref="MaxTime"/>
/// and the supervisor stops its children and exits with <c>shutdown</c>.
/// </summary>
public sealed record SupervisorOptions
{
    /// <summary>The restart strategy.</summary>
    public SupervisorStrategy Strategy { get; init; } = SupervisorStrategy.OneForOne;

    /// <summary>OTP's <c>intensity</c>: restarts allowed within <see cref="MaxTime"/> (default 1).</summary>
    public int MaxRestarts { get; init; } = 1;

    /// <summary>OTP's <c>period</c> (default 5 seconds), measured on the node's clock.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A local or via name to register the supervisor under, or null.</summary>
    public ServerName? Name { get; init; }
}
