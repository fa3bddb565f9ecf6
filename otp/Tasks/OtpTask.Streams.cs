namespace Otp;

/// <summary>Elixir's <c>Task.async_stream</c>: a lazy, bounded, ordered stream of tasks (see <see cref="OtpTask"/>).</summary>
public static partial class OtpTask
{
    /// <summary>
    /// <c>Task.async_stream/3</c>: runs <paramref name="fun"/> on each item in its own task, linked (through an intermediate process,
    /// as in Elixir) to <paramref name="owner"/>,
    /// at most <see cref="AsyncStreamOptions.MaxConcurrency"/> at a time, and emits <c>{:ok, value}</c> per item, in input order
    /// or as they complete. A task past its <see cref="AsyncStreamOptions.Timeout"/> fails the enumeration
    /// (<see cref="TaskTimeoutException"/>) or, with <see cref="StreamTimeoutAction.KillTask"/>, is killed and emits
    /// <c>{:exit, :timeout}</c>. A crashed task takes the owner down through the link unless it traps exits; then the stream
    /// emits <c>{:exit, reason}</c>, and no EXIT of the stream's tasks reaches the owner's mailbox. Invalid options are refused
    /// with <see cref="ArgumentOutOfRangeException"/> here, before any task starts. Where .NET differs: the stream is an <see cref="IAsyncEnumerable{T}"/>, lazy like Elixir's;
    /// it must be enumerated by the owner's code; stopping early (or a failure) kills the tasks still running.
    /// </summary>
    /// <typeparam name="TIn">The items.</typeparam>
    /// <typeparam name="TOut">What the function returns.</typeparam>
    /// <param name="owner">The process that enumerates.</param>
    /// <param name="source">The items; read lazily, as tasks are started.</param>
    /// <param name="fun">The work per item.</param>
    /// <param name="options">Concurrency, order and time-outs; Elixir's defaults if null.</param>
    public static IAsyncEnumerable<TaskResult<TOut>> AsyncStream<TIn, TOut>(ProcessContext owner, IEnumerable<TIn> source, Func<TIn, TOut> fun, AsyncStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return AsyncStream(owner, source, (TIn item, ProcessContext _) => Task.FromResult(fun(item)), options);
    }

    /// <summary><c>Task.async_stream/3</c> with a function that awaits and gets the task's own process.</summary>
    /// <typeparam name="TIn">The items.</typeparam>
    /// <typeparam name="TOut">What the function returns.</typeparam>
    /// <param name="owner">The process that enumerates.</param>
    /// <param name="source">The items.</param>
    /// <param name="fun">The work per item.</param>
    /// <param name="options">Concurrency, order and time-outs.</param>
    public static IAsyncEnumerable<TaskResult<TOut>> AsyncStream<TIn, TOut>(ProcessContext owner, IEnumerable<TIn> source, Func<TIn, ProcessContext, Task<TOut>> fun, AsyncStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return TaskStream<TIn, TOut>.Create(owner, options, source, linked: true, (item, tag, linker) =>
        {
            var task = Spawn<TOut>(owner, linker!, tag, TaskBody.Create(tag, owner.Self, ctx => fun(item, ctx), waitForGo: false));
            return new ValueTask<(Pid, MonitorRef)>((task.Pid!, task.Ref));
        });
    }
}
