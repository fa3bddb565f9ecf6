namespace Otp;

/// <summary>
/// Elixir's <c>Task</c> module: run a function in a new process and collect its result. Named <c>OtpTask</c> so it does not hide
/// .NET's <see cref="System.Threading.Tasks.Task"/>. <see cref="Async{T}(ProcessContext, Func{T})"/> links the task to its owner and
/// monitors it; the reply comes to the owner's mailbox, and <see cref="AwaitAsync{T}"/>, <see cref="YieldAsync{T}"/>,
/// <see cref="AwaitManyAsync{T}"/> and <see cref="ShutdownAsync{T}"/> take it from there, so they must run in the owner's code.
/// Where .NET differs: where Elixir exits the caller (await timeout, a crashed task), these throw
/// (<see cref="TaskTimeoutException"/>, <see cref="ProcessExitedException"/>); uncaught, that ends the calling process the same way.
/// </summary>
public static class OtpTask
{
    /// <summary>Elixir's default time for await and yield: 5 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Task.async/1</c>: runs <paramref name="fun"/> in a new process linked to <paramref name="owner"/> and monitored by it.
    /// If the task crashes, the link takes the owner down too (unless it traps exits), as in Elixir.
    /// A function returning a .NET task is refused with <see cref="ArgumentException"/>: use the <c>ctx =&gt; ...</c> overload.
    /// </summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="fun">The work; it runs on the task's process.</param>
    public static OtpTask<T> Async<T>(ProcessContext owner, Func<T> fun) => Async(owner, TaskBody.FromFunc(fun));

    /// <summary><c>Task.async/1</c> with a function that awaits, and gets the task's own process (to receive, monitor...).</summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="fun">The work.</param>
    public static OtpTask<T> Async<T>(ProcessContext owner, Func<ProcessContext, Task<T>> fun)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(fun);
        var tag = new TaskTag();
        return Spawn<T>(owner, tag, TaskBody.Create(tag, owner.Self, fun, waitForGo: false));
    }

    /// <summary>
    /// <c>Task.await/2</c>: waits for the task's reply, at most <paramref name="timeout"/> (default 5 s). Throws
    /// <see cref="TaskTimeoutException"/> when the time runs out (the task is not stopped; a late reply is dropped),
    /// <see cref="ProcessExitedException"/> if the task exited without replying (its reason), <see cref="NoProcessException"/> if it
    /// was already gone. Call it from the owner's code, once.
    /// </summary>
    /// <typeparam name="T">What the task returns.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="timeout">How long to wait, on the node's clock; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="cancellationToken">Gives up waiting (the task goes on and can still be awaited).</param>
    public static async Task<T> AwaitAsync<T>(OtpTask<T> task, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.ThrowIfClosed();
        var limit = timeout ?? DefaultTimeout;
        var message = await task.OwnerContext.ReceiveAsync(task.IsMine, limit, cancellationToken).ConfigureAwait(false);
        task.Close();
        return message switch
        {
            TaskReply reply => (T)reply.Value!,
            DownMessage down => throw Exited(task.Pid, down.Reason),
            _ => throw new TaskTimeoutException(task.Pid, limit),
        };
    }

    /// <summary>
    /// <c>Task.yield/2</c>: waits at most <paramref name="timeout"/> (default 5 s) for the reply. Returns <c>{:ok, value}</c>,
    /// <c>{:exit, reason}</c> if the task exited without replying, or null if the time ran out; then the task goes on and
    /// can be yielded, awaited or shut down later.
    /// </summary>
    /// <typeparam name="T">What the task returns.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="timeout">How long to wait, on the node's clock.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<TaskResult<T>?> YieldAsync<T>(OtpTask<T> task, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.ThrowIfClosed();
        var message = await task.OwnerContext.ReceiveAsync(task.IsMine, timeout ?? DefaultTimeout, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return null;
        }

        task.Close();
        return message is TaskReply reply ? TaskResult<T>.Ok((T)reply.Value!) : TaskResult<T>.Exit(((DownMessage)message).Reason);
    }

    /// <summary>
    /// <c>Task.await_many/2</c>: waits for every task, within one <paramref name="timeout"/> for all (default 5 s), and returns
    /// their replies in the order given. Fails as <see cref="AwaitAsync{T}"/> does on the first task to exit or when the time
    /// runs out; the tasks not yet done are then no longer awaited (and keep running, linked to the owner).
    /// </summary>
    /// <typeparam name="T">What the tasks return.</typeparam>
    /// <param name="tasks">Tasks of one owner.</param>
    /// <param name="timeout">How long to wait for all of them, on the node's clock.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<T>> AwaitManyAsync<T>(IEnumerable<OtpTask<T>> tasks, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var all = tasks.ToArray();
        if (all.Length == 0)
        {
            return [];
        }

        var owner = all[0].OwnerContext;
        foreach (var task in all)
        {
            task.ThrowIfClosed();
            if (task.OwnerContext != owner)
            {
                throw new ArgumentException("await_many takes tasks of one owner.", nameof(tasks));
            }
        }

        var limit = timeout ?? DefaultTimeout;
        var time = owner.Node.Time;
        var started = time.GetTimestamp();
        var results = new T[all.Length];
        var pending = all.ToList();
        try
        {
            while (pending.Count > 0)
            {
                // One deadline for all: each wait gets what is left of it.
                var left = limit == Timeout.InfiniteTimeSpan ? limit : limit - time.GetElapsedTime(started);
                var message = left == Timeout.InfiniteTimeSpan || left > TimeSpan.Zero
                    ? await owner.ReceiveAsync(m => pending.Any(t => t.IsMine(m)), left, cancellationToken).ConfigureAwait(false)
                    : null;
                var task = message is null ? null : pending.First(t => t.IsMine(message));
                switch (message)
                {
                    case TaskReply reply:
                        results[Array.IndexOf(all, task)] = (T)reply.Value!;
                        task!.Close();
                        pending.Remove(task);
                        break;
                    case DownMessage down:
                        task!.Close();
                        throw Exited(task.Pid, down.Reason);
                    default:
                        throw new TaskTimeoutException(pending[0].Pid, limit);
                }
            }
        }
        catch (Exception) when (pending.Count > 0)
        {
            foreach (var task in pending)
            {
                task.Close();
            }

            throw;
        }

        return results;
    }

    /// <summary>
    /// <c>Task.shutdown/2</c>: unlinks and stops the task, and returns its reply if it arrived meanwhile. With
    /// <see cref="ShutdownSpec.BrutalKill"/> the task is killed; otherwise it gets <c>shutdown</c> and, if still alive after the
    /// spec's time (default 5 s), <c>kill</c>. Returns <c>{:ok, reply}</c> if the reply came, null if the task stopped as asked,
    /// <c>{:exit, reason}</c> if it exited for another reason first.
    /// </summary>
    /// <typeparam name="T">What the task returns.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="shutdown">Brutal kill, a time, or infinity; null for 5 s.</param>
    public static async Task<TaskResult<T>?> ShutdownAsync<T>(OtpTask<T> task, ShutdownSpec? shutdown = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.ThrowIfClosed();
        shutdown ??= ShutdownSpec.Default;
        var owner = task.OwnerContext;
        owner.Unlink(task.Pid);
        var sent = shutdown.Timeout == TimeSpan.Zero ? ExitReason.Kill : ExitReason.Shutdown;
        owner.Exit(task.Pid, sent);
        var wait = shutdown.Timeout is { } limit && limit > TimeSpan.Zero ? limit : Timeout.InfiniteTimeSpan;
        var message = await owner.ReceiveAsync(task.IsMine, wait).ConfigureAwait(false);
        if (message is null)
        {
            sent = ExitReason.Kill;
            owner.Exit(task.Pid, ExitReason.Kill);
            message = await owner.ReceiveAsync(task.IsMine, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        }

        task.Close();
        if (message is TaskReply reply)
        {
            return TaskResult<T>.Ok((T)reply.Value!);
        }

        var reason = ((DownMessage)message!).Reason;
        var expected = ExitReason.Kill.Equals(sent) ? ExitReason.Killed : ExitReason.Shutdown;
        return expected.Equals(reason) ? null : TaskResult<T>.Exit(reason);
    }

    /// <summary>
    /// <c>Task.async_stream/3</c>: runs <paramref name="fun"/> on each item in its own task (linked to <paramref name="owner"/>),
    /// at most <see cref="AsyncStreamOptions.MaxConcurrency"/> at a time, and emits <c>{:ok, value}</c> per item, in input order
    /// or as they complete. A task past its <see cref="AsyncStreamOptions.Timeout"/> fails the enumeration
    /// (<see cref="TaskTimeoutException"/>) or, with <see cref="StreamTimeoutAction.KillTask"/>, is killed and emits
    /// <c>{:exit, :timeout}</c>. A crashed task takes the owner down through the link unless it traps exits; then the stream
    /// emits <c>{:exit, reason}</c>. Where .NET differs: the stream is an <see cref="IAsyncEnumerable{T}"/>, lazy like Elixir's;
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
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fun);
        return TaskStream<TIn, TOut>.Create(owner, options ?? new AsyncStreamOptions(), source, (item, tag) =>
        {
            var task = Spawn<TOut>(owner, tag, TaskBody.Create(tag, owner.Self, ctx => fun(item, ctx), waitForGo: false));
            return new ValueTask<(Pid, MonitorRef)>((task.Pid, task.Ref));
        });
    }

    internal static Exception Exited(Pid task, object reason) =>
        ExitReason.NoProc.Equals(reason) ? new NoProcessException(task) : new ProcessExitedException(task, reason);

    // spawn_link and monitor in one step, so the task cannot end unseen between the two.
    private static OtpTask<T> Spawn<T>(ProcessContext owner, TaskTag tag, Func<ProcessContext, Task> body)
    {
        var (process, monitor) = owner.Node.SpawnProcess(body, owner.Process, link: true, monitorFrom: owner.Process, monitorHolder: owner.Process);
        return new OtpTask<T>(owner, process.Pid, monitor!, tag);
    }
}
