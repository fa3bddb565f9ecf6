namespace Otp;

/// <summary>
/// A supervisor's flags: OTP's <c>#{strategy, intensity, period}</c>, with OTP's defaults (one_for_one, 1 restart in 5 seconds;
/// note Elixir's Supervisor defaults to 3 in 5). More than <see cref="MaxRestarts"/> restarts within <see cref="MaxTime"/>
/// and the supervisor stops its children and exits with <c>shutdown</c>. Invalid flags are refused when the supervisor is
/// started (<see cref="ArgumentException"/> naming the flag), before any process is spawned.
/// </summary>
public sealed record SupervisorOptions
{
    /// <summary>The restart strategy.</summary>
    public SupervisorStrategy Strategy { get; init; } = SupervisorStrategy.OneForOne;

    /// <summary>OTP's <c>intensity</c>: restarts allowed within <see cref="MaxTime"/> (default 1; zero or more).</summary>
    public int MaxRestarts { get; init; } = 1;

    /// <summary>OTP's <c>period</c> (default 5 seconds; more than zero), measured on the node's clock.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A local or via name to register the supervisor under, or null. A <see cref="SupervisorBase"/> is named at its start instead.</summary>
    public ServerName? Name { get; init; }

    /// <summary>Refuses flags OTP's supervisor would refuse (<c>{invalid_intensity, _}</c>, <c>{invalid_period, _}</c>, <c>{invalid_strategy, _}</c>).</summary>
    /// <param name="paramName">The argument that holds the options.</param>
    internal void Validate(string? paramName)
    {
        if (!Enum.IsDefined(Strategy))
        {
            throw new ArgumentException($"SupervisorOptions.Strategy is {(int)Strategy}, not a SupervisorStrategy (OneForOne, OneForAll or RestForOne).", paramName);
        }

        if (MaxRestarts < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxRestarts, $"SupervisorOptions.MaxRestarts (OTP's intensity) is {MaxRestarts}; it must be zero or more.");
        }

        if (MaxTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxTime, $"SupervisorOptions.MaxTime (OTP's period) is {MaxTime}; it must be more than zero.");
        }
    }
}
