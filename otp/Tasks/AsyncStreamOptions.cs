namespace Otp;

/// <summary>
/// The options of Elixir's <c>Task.async_stream/3</c> (and <c>Task.Supervisor.async_stream/4</c>), with its defaults. Checked
/// when the stream is made, before any task runs: a <see cref="MaxConcurrency"/> below 1, a negative <see cref="Timeout"/>
/// (other than infinite) or an unknown <see cref="OnTimeout"/> is refused with <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
public sealed record AsyncStreamOptions
{
    /// <summary><c>:max_concurrency</c>: how many tasks run at once (default: the processor count, as <c>System.schedulers_online/0</c>).</summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary><c>:ordered</c>: emit results in input order (default true), or as they complete.</summary>
    public bool Ordered { get; init; } = true;

    /// <summary><c>:timeout</c>: how long each task may take, from its start, on the node's clock (default 5 s); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for ever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>:on_timeout</c>: what a task that takes too long causes (default <see cref="StreamTimeoutAction.Exit"/>).</summary>
    public StreamTimeoutAction OnTimeout { get; init; } = StreamTimeoutAction.Exit;

    /// <summary>
    /// <c>:shutdown</c> of <c>Task.Supervisor.async_stream</c>: how the task supervisor stops a task of the stream when it stops
    /// (null: 5 s). Only the <see cref="TaskSupervisor"/> streams use it, as in Elixir; <see cref="OtpTask"/>'s stream ignores it.
    /// </summary>
    public ShutdownSpec? Shutdown { get; init; }

    /// <summary>Refuses what Elixir refuses, naming the option and its value.</summary>
    internal static AsyncStreamOptions Validate(AsyncStreamOptions? options)
    {
        options ??= new AsyncStreamOptions();
        var (maxConcurrency, timeout, onTimeout) = (options.MaxConcurrency, options.Timeout, options.OnTimeout);
        if (maxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxConcurrency, $"AsyncStreamOptions.MaxConcurrency must be at least 1; it was {maxConcurrency}.");
        }

        if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, $"AsyncStreamOptions.Timeout must be zero or more, or Timeout.InfiniteTimeSpan; it was {timeout}.");
        }

        if (!Enum.IsDefined(onTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(options), onTimeout, $"AsyncStreamOptions.OnTimeout must be Exit or KillTask; it was {onTimeout}.");
        }

        return options;
    }
}
