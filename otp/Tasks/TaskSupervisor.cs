namespace Otp;

/// <summary>
/// Elixir's <c>Task.Supervisor</c>: a <see cref="DynamicSupervisor"/> for tasks. Its tasks are its children (temporary, shutdown 5 s
/// by default), so they are stopped with it; <see cref="RunNolinkAsync{T}(ProcessContext, ServerRef, Func{ProcessContext, Task{T}})"/>
/// tasks are only monitored by their owner, so a crash reaches the owner as a result (<c>{:exit, reason}</c> from yield, an
/// exception from await) instead of taking it down. Functions that start tasks call the supervisor, so they are <c>...Async</c>;
/// Elixir's <c>async</c> and <c>async_nolink</c> are named <c>RunAsync</c> and <c>RunNolinkAsync</c> here.
/// </summary>
public static class TaskSupervisor
{
    /// <summary><c>Task.Supervisor.start_link/1</c>: a task supervisor linked to <paramref name="parent"/>.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="options">Name, intensity and max children (Elixir's defaults if null).</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, DynamicSupervisorOptions? options = null) =>
        DynamicSupervisor.StartLinkAsync(parent, options);

    /// <summary>Starts a task supervisor from outside any process.</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="options">Name, intensity and max children.</param>
    public static Task<Pid> StartAsync(Node node, DynamicSupervisorOptions? options = null) => DynamicSupervisor.StartAsync(node, options);

    /// <summary>
    /// <c>Task.Supervisor.async/2</c>: starts a task under <paramref name="supervisor"/>, linked to <paramref name="owner"/> and
    /// monitored by it; await it with <see cref="OtpTask.AwaitAsync{T}"/>.
    /// </summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    public static Task<OtpTask<T>> RunAsync<T>(ProcessContext owner, ServerRef supervisor, Func<ProcessContext, Task<T>> fun) =>
        StartTaskAsync(owner, supervisor, fun, link: true);

    /// <summary><c>Task.Supervisor.async_nolink/2</c>: like <see cref="RunAsync{T}"/> but not linked to the owner: a crash does not take it down.</summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    public static Task<OtpTask<T>> RunNolinkAsync<T>(ProcessContext owner, ServerRef supervisor, Func<ProcessContext, Task<T>> fun) =>
        StartTaskAsync(owner, supervisor, fun, link: false);

    /// <summary><c>Task.Supervisor.async_nolink/2</c> with a plain function.</summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    public static Task<OtpTask<T>> RunNolinkAsync<T>(ProcessContext owner, ServerRef supervisor, Func<T> fun) =>
        StartTaskAsync(owner, supervisor, TaskBody.FromFunc(fun), link: false);

    /// <summary>
    /// <c>Task.Supervisor.start_child/3</c>: starts a fire-and-forget task under the supervisor, linked to nobody else; nothing
    /// replies. <paramref name="restart"/> is temporary by default (never restarted), as in Elixir.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    /// <param name="restart">Temporary (default) or transient/permanent to have it restarted.</param>
    /// <param name="shutdown">How the supervisor stops it; null for 5 s.</param>
    public static async Task<Pid> StartChildAsync(Node node, ServerRef supervisor, Func<ProcessContext, Task> fun, RestartType restart = RestartType.Temporary, ShutdownSpec? shutdown = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        var spec = ChildSpec.Worker(new Atom("task"), ctx => Task.FromResult(ctx.SpawnLink(fun))) with { Restart = restart, Shutdown = shutdown ?? ShutdownSpec.Default };
        return await DynamicSupervisor.StartChildAsync(node, supervisor, spec).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A task child cannot be ignored.");
    }

    /// <summary><c>Task.Supervisor.children/1</c>: the pids of the running tasks.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The task supervisor.</param>
    public static async Task<IReadOnlyList<Pid>> ChildrenAsync(Node node, ServerRef supervisor) =>
        (await DynamicSupervisor.WhichChildrenAsync(node, supervisor).ConfigureAwait(false)).Select(c => c.Pid).OfType<Pid>().ToArray();

    /// <summary><c>Task.Supervisor.terminate_child/2</c>: stops one task by its shutdown spec. Throws <see cref="SupervisorException"/> <c>not_found</c>.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="task">The task's pid.</param>
    public static Task TerminateChildAsync(Node node, ServerRef supervisor, Pid task) => DynamicSupervisor.TerminateChildAsync(node, supervisor, task);

    /// <summary>
    /// <c>Task.Supervisor.async_stream_nolink/4</c>: <see cref="OtpTask.AsyncStream{TIn, TOut}(ProcessContext, IEnumerable{TIn}, Func{TIn, TOut}, AsyncStreamOptions?)"/>
    /// with the tasks under <paramref name="supervisor"/> and not linked to the owner: a crashed task emits <c>{:exit, reason}</c>.
    /// </summary>
    /// <typeparam name="TIn">The items.</typeparam>
    /// <typeparam name="TOut">What the function returns.</typeparam>
    /// <param name="owner">The process that enumerates.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="source">The items.</param>
    /// <param name="fun">The work per item.</param>
    /// <param name="options">Concurrency, order and time-outs.</param>
    public static IAsyncEnumerable<TaskResult<TOut>> AsyncStreamNolink<TIn, TOut>(ProcessContext owner, ServerRef supervisor, IEnumerable<TIn> source, Func<TIn, TOut> fun, AsyncStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fun);
        return TaskStream<TIn, TOut>.Create(owner, options ?? new AsyncStreamOptions(), source, async (item, tag) =>
        {
            var task = await StartTaskAsync(owner, supervisor, _ => Task.FromResult(fun(item)), link: false, tag).ConfigureAwait(false);
            return (task.Pid, task.Ref);
        });
    }

    // As Elixir does: the task waits for the owner's go-ahead, sent once the owner links and monitors, so it cannot finish unseen.
    private static async Task<OtpTask<T>> StartTaskAsync<T>(ProcessContext owner, ServerRef supervisor, Func<ProcessContext, Task<T>> fun, bool link, TaskTag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(fun);
        tag ??= new TaskTag();
        var body = TaskBody.Create(tag, owner.Self, fun, waitForGo: true);
        var spec = ChildSpec.Worker(new Atom("task"), ctx => Task.FromResult(ctx.SpawnLink(body))) with { Restart = RestartType.Temporary };
        var pid = await DynamicSupervisor.StartChildAsync(owner.Node, supervisor, spec).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A task child cannot be ignored.");
        if (link)
        {
            owner.Link(pid);
        }

        var monitor = owner.Monitor(pid);
        owner.Send(pid, new TaskGo(tag));
        return new OtpTask<T>(owner, pid, monitor, tag);
    }
}
