namespace Otp;

/// <summary>The options of Elixir's <c>Task.yield_many/2</c>, with its defaults.</summary>
public sealed record YieldManyOptions
{
    /// <summary><c>:timeout</c>: how long to wait for all the tasks, on the node's clock (default 5 s); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</summary>
    public TimeSpan Timeout { get; init; } = OtpTask.DefaultTimeout;

    /// <summary><c>:limit</c>: return as soon as this many tasks are done (then <see cref="OnTimeout"/> does not apply); null for all of them.</summary>
    public int? Limit { get; init; }

    /// <summary><c>:on_timeout</c>: what happens to the tasks still running when the time runs out (default <see cref="YieldTimeoutAction.Nothing"/>).</summary>
    public YieldTimeoutAction OnTimeout { get; init; } = YieldTimeoutAction.Nothing;

    /// <summary>Refuses what Elixir refuses, naming the option and its value.</summary>
    internal static void Validate(YieldManyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (timeout, limit, onTimeout) = (options.Timeout, options.Limit, options.OnTimeout);
        if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, $"YieldManyOptions.Timeout must be zero or more, or Timeout.InfiniteTimeSpan; it was {timeout}.");
        }

        if (limit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), limit, $"YieldManyOptions.Limit must be at least 1, or null for all the tasks; it was {limit}.");
        }

        if (!Enum.IsDefined(onTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(options), onTimeout, $"YieldManyOptions.OnTimeout must be Nothing, Ignore or KillTask; it was {onTimeout}.");
        }
    }
}
