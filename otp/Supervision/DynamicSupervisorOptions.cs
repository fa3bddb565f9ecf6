namespace Otp;

/// <summary>
/// A DynamicSupervisor's flags: Elixir's <c>DynamicSupervisor.init/1</c> options, with its defaults
/// (<c>max_restarts: 3</c>, <c>max_seconds: 5</c>, <c>max_children: :infinity</c>, <c>extra_arguments: []</c>).
/// The strategy is always one_for_one. Checked when a supervisor is started with them: a negative
/// <see cref="MaxRestarts"/> or <see cref="MaxChildren"/>, or a <see cref="MaxTime"/> that is not positive, is refused
/// with <see cref="ArgumentOutOfRangeException"/> (Elixir's <c>invalid_intensity</c>, <c>invalid_period</c>, <c>invalid_max_children</c>).
/// </summary>
public sealed record DynamicSupervisorOptions
{
    /// <summary><c>:max_restarts</c>: restarts allowed within <see cref="MaxTime"/> (default 3; zero or more).</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary><c>:max_seconds</c>: the restart period (default 5 seconds; more than zero), on the node's clock.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>:max_children</c>: the most children at once, restarting ones included; null for no limit (<c>:infinity</c>).</summary>
    public int? MaxChildren { get; init; }

    /// <summary>
    /// <c>:extra_arguments</c>: a value every child's start receives first (several values: a tuple). Elixir prepends them to
    /// the child's start arguments; here a child started with
    /// <see cref="DynamicSupervisor.StartChildAsync{TExtra}(Node, ServerRef, Func{TExtra, ChildSpec}, CancellationToken)"/> gets them as the
    /// argument of its spec factory. Null for none.
    /// </summary>
    public object? ExtraArguments { get; init; }

    /// <summary>A local or via name, or null. A start option, not a flag: a module-based supervisor's <c>Init</c> leaves it null.</summary>
    public ServerName? Name { get; init; }

    /// <summary>Refuses flags Elixir refuses, naming the option and its value.</summary>
    internal static DynamicSupervisorOptions Validate(DynamicSupervisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (maxRestarts, maxTime, maxChildren) = (options.MaxRestarts, options.MaxTime, options.MaxChildren);
        if (maxRestarts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxRestarts, $"DynamicSupervisorOptions.MaxRestarts must be zero or more (Elixir's invalid_intensity); it was {maxRestarts}.");
        }

        if (maxTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxTime, $"DynamicSupervisorOptions.MaxTime must be more than zero (Elixir's invalid_period); it was {maxTime}.");
        }

        if (maxChildren < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxChildren, $"DynamicSupervisorOptions.MaxChildren must be zero or more, or null for no limit (Elixir's invalid_max_children); it was {maxChildren}.");
        }

        return options;
    }
}
