namespace Otp;

/// <summary>
/// Elixir's <c>Task</c> module: run a function in a new process and collect its result. Named <c>OtpTask</c> so it does not hide
/// .NET's <see cref="System.Threading.Tasks.Task"/>. <see cref="Async{T}(ProcessContext, Func{T})"/> links the task to its owner and
/// monitors it; the reply comes to the owner's mailbox, and <see cref="AwaitAsync{T}"/>, <see cref="YieldAsync{T}"/>,
/// <see cref="AwaitManyAsync{T}"/>, <see cref="YieldManyAsync{T}(IEnumerable{OtpTask{T}}, TimeSpan?, CancellationToken)"/>,
/// <see cref="Ignore{T}"/> and <see cref="ShutdownAsync{T}"/> take it from there, so they must run in the owner's code (there is
/// no <see cref="Node"/> form of them). <see cref="StartLinkAsync"/>, <see cref="StartAsync(Node, Func{ProcessContext, Task})"/>
/// and <see cref="ChildSpec(Func{ProcessContext, Task}, object?)"/> run fire-and-forget tasks (Elixir's <c>Task.start_link</c>, <c>Task.start</c>, <c>Task.child_spec</c>).
/// Where .NET differs: where Elixir exits the caller (await timeout, a crashed task), these throw
/// (<see cref="TaskTimeoutException"/>, <see cref="ProcessExitedException"/>); uncaught, that ends the calling process the same way.
/// </summary>
public static partial class OtpTask
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
        return Spawn<T>(owner, owner.Process, tag, TaskBody.Create(tag, owner.Self, fun, waitForGo: false));
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
            DownMessage down => throw Exited(task.Pid!, down.Reason),
            _ => throw new TaskTimeoutException(task.Pid!, limit),
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
        var all = OfOneOwner(tasks);
        if (all.Length == 0)
        {
            return [];
        }

        var owner = all[0].OwnerContext;
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
                        throw Exited(task.Pid!, down.Reason);
                    default:
                        throw new TaskTimeoutException(pending[0].Pid!, limit);
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
    /// spec's time (default 5 s), <c>kill</c>. Returns <c>{:ok, reply}</c> if the reply came, null if the task stopped as asked
    /// (<c>shutdown</c>, or <c>killed</c> for a brutal kill), <c>{:exit, reason}</c> otherwise: a task that had to be killed
    /// once its time ran out gives <c>{:exit, :killed}</c>, as in Elixir. A task made by <see cref="Completed{T}"/> is only ignored.
    /// </summary>
    /// <typeparam name="T">What the task returns.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="shutdown">Brutal kill, a time, or infinity; null for 5 s.</param>
    public static async Task<TaskResult<T>?> ShutdownAsync<T>(OtpTask<T> task, ShutdownSpec? shutdown = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.ThrowIfClosed();
        if (task.Pid is not { } pid)
        {
            return Ignore(task);
        }

        shutdown ??= ShutdownSpec.Default;
        var owner = task.OwnerContext;
        var brutal = shutdown.IsBrutalKill; // After(0) is not brutal: shutdown first, then kill if no answer is already there
        owner.Unlink(pid);
        owner.Exit(pid, brutal ? ExitReason.Kill : ExitReason.Shutdown);
        var wait = brutal ? Timeout.InfiniteTimeSpan : shutdown.Timeout ?? Timeout.InfiniteTimeSpan;
        var message = await owner.ReceiveAsync(task.IsMine, wait).ConfigureAwait(false);
        if (message is null)
        {
            owner.Exit(pid, ExitReason.Kill); // its time ran out: the DOWN now says killed, which is reported as such
            message = await owner.ReceiveAsync(task.IsMine, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        }

        task.Close();
        if (message is TaskReply reply)
        {
            return TaskResult<T>.Ok((T)reply.Value!);
        }

        var reason = ((DownMessage)message!).Reason;
        var asked = brutal ? ExitReason.Killed : ExitReason.Shutdown;
        return asked.Equals(reason) ? null : TaskResult<T>.Exit(reason);
    }

    /// <summary>
    /// <c>Task.ignore/1</c>: keeps the task running but stops caring about it: it is unlinked, its reply and DOWN will be
    /// dropped, and it can no longer be awaited, yielded or shut down. Returns <c>{:ok, reply}</c> or <c>{:exit, reason}</c> if
    /// that already arrived, otherwise null. Call it from the owner's code; it does not wait.
    /// </summary>
    /// <typeparam name="T">What the task returns.</typeparam>
    /// <param name="task">The task.</param>
    public static TaskResult<T>? Ignore<T>(OtpTask<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        task.ThrowIfClosed();
        var owner = task.OwnerContext;
        object? found = null;
        owner.Process.TryTake(m => task.IsMine(m) && (found = m) is not null);
        if (found is not DownMessage && task.Pid is { } pid)
        {
            owner.Unlink(pid);
        }

        task.Close();
        return found switch
        {
            TaskReply reply => TaskResult<T>.Ok((T)reply.Value!),
            DownMessage down => TaskResult<T>.Exit(down.Reason),
            _ => null,
        };
    }

    /// <summary>
    /// <c>Task.completed/1</c>: a task that is already done with <paramref name="value"/>, without a process (<see cref="OtpTask{T}.Pid"/>
    /// is null), for mixing ready values with running tasks in <see cref="AwaitManyAsync{T}"/> or <see cref="YieldManyAsync{T}(IEnumerable{OtpTask{T}}, TimeSpan?, CancellationToken)"/>.
    /// Its reply is put in the owner's mailbox at once, as Elixir does.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="owner">The process that will await it.</param>
    /// <param name="value">The result.</param>
    public static OtpTask<T> Completed<T>(ProcessContext owner, T value)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var tag = new TaskTag();
        owner.Send(owner.Self, new TaskReply(tag, value));
        return new OtpTask<T>(owner, null, new MonitorRef(null, owner.Process), tag);
    }

    /// <summary>
    /// <c>Task.yield_many/2</c> with a time-out: waits at most <paramref name="timeout"/> (default 5 s) for all of the tasks and
    /// returns each with its result, in the order given: <c>{:ok, value}</c>, <c>{:exit, reason}</c>, or null for a task still
    /// running (it can be awaited, yielded, ignored or shut down later). Call it from the owner's code.
    /// </summary>
    /// <typeparam name="T">What the tasks return.</typeparam>
    /// <param name="tasks">Tasks of one owner.</param>
    /// <param name="timeout">How long to wait for all of them, on the node's clock.</param>
    /// <param name="cancellationToken">Gives up waiting (the tasks go on; results already taken are lost).</param>
    public static Task<IReadOnlyList<(OtpTask<T> Task, TaskResult<T>? Result)>> YieldManyAsync<T>(
        IEnumerable<OtpTask<T>> tasks, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        YieldManyAsync(tasks, new YieldManyOptions { Timeout = timeout ?? DefaultTimeout }, cancellationToken);

    /// <summary>
    /// <c>Task.yield_many/2</c> with options: stops waiting when <see cref="YieldManyOptions.Limit"/> tasks are done or the
    /// time runs out; in the second case the tasks still running are left alone, ignored (<see cref="Ignore{T}"/>) or killed
    /// (<see cref="ShutdownAsync{T}"/> with brutal kill) as <see cref="YieldManyOptions.OnTimeout"/> says.
    /// </summary>
    /// <typeparam name="T">What the tasks return.</typeparam>
    /// <param name="tasks">Tasks of one owner.</param>
    /// <param name="options">Time-out, limit and what to do on time-out.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<(OtpTask<T> Task, TaskResult<T>? Result)>> YieldManyAsync<T>(
        IEnumerable<OtpTask<T>> tasks, YieldManyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        YieldManyOptions.Validate(options);
        var all = OfOneOwner(tasks);
        var results = new TaskResult<T>?[all.Length];
        if (all.Length == 0)
        {
            return [];
        }

        var owner = all[0].OwnerContext;
        var time = owner.Node.Time;
        var started = time.GetTimestamp();
        var pending = all.ToList();
        var limit = Math.Min(options.Limit ?? all.Length, all.Length);
        var timedOut = false;
        for (var done = 0; done < limit && !timedOut;)
        {
            // One deadline for all: each wait gets what is left of it (nothing left: only look).
            var left = options.Timeout == Timeout.InfiniteTimeSpan ? options.Timeout : Later(TimeSpan.Zero, options.Timeout - time.GetElapsedTime(started));
            var message = await owner.ReceiveAsync(m => pending.Any(t => t.IsMine(m)), left, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                timedOut = true;
                break;
            }

            var task = pending.First(t => t.IsMine(message));
            results[Array.IndexOf(all, task)] = message is TaskReply reply ? TaskResult<T>.Ok((T)reply.Value!) : TaskResult<T>.Exit(((DownMessage)message).Reason);
            task.Close();
            pending.Remove(task);
            done++;
        }

        if (timedOut && options.OnTimeout != YieldTimeoutAction.Nothing)
        {
            foreach (var task in pending)
            {
                results[Array.IndexOf(all, task)] = options.OnTimeout == YieldTimeoutAction.Ignore
                    ? Ignore(task)
                    : await ShutdownAsync(task, ShutdownSpec.BrutalKill).ConfigureAwait(false);
            }
        }

        return all.Select((task, i) => (task, results[i])).ToArray();
    }

    internal static Exception Exited(Pid task, object reason) =>
        ExitReason.NoProc.Equals(reason) ? new NoProcessException(task) : new ProcessExitedException(task, reason);

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static OtpTask<T>[] OfOneOwner<T>(IEnumerable<OtpTask<T>> tasks)
    {
        var all = tasks.ToArray();
        foreach (var task in all)
        {
            ArgumentNullException.ThrowIfNull(task, nameof(tasks));
            task.ThrowIfClosed();
            if (task.OwnerContext != all[0].OwnerContext)
            {
                throw new ArgumentException($"The tasks must have one owner, whose code waits for them; {task} belongs to {task.Owner}, not {all[0].Owner}.", nameof(tasks));
            }
        }

        return all;
    }

    // spawn_link (to the owner, or to a stream's link holder) and the owner's monitor in one step, so the task cannot end unseen between the two.
    private static OtpTask<T> Spawn<T>(ProcessContext owner, Process linkTo, TaskTag tag, Func<ProcessContext, Task> body)
    {
        var (process, monitor) = owner.Node.SpawnProcess(body, linkTo, link: true, monitorFrom: owner.Process, monitorHolder: owner.Process);
        return new OtpTask<T>(owner, process.Pid, monitor!, tag);
    }
}
