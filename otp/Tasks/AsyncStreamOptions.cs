namespace Otp;

/// <summary>The options of Elixir's <c>Task.async_stream/3</c>, with its defaults.</summary>
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
}
