namespace Otp;

/// <summary>
/// A DynamicSupervisor's options: Elixir's <c>DynamicSupervisor.init/1</c> options, with its defaults
/// (<c>max_restarts: 3</c>, <c>max_seconds: 5</c>, <c>max_children: :infinity</c>). The strategy is always one_for_one.
/// </summary>
public sealed record DynamicSupervisorOptions
{
    /// <summary>Restarts allowed within <see cref="MaxTime"/> (default 3).</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary>The restart period (default 5 seconds), on the node's clock.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most children at once; null for no limit (<c>:infinity</c>).</summary>
    public int? MaxChildren { get; init; }

    /// <summary>A local or via name, or null.</summary>
    public ServerName? Name { get; init; }
}
