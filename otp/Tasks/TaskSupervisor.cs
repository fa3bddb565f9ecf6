namespace Otp;

/// <summary>
/// Elixir's <c>Task.Supervisor</c>: a <see cref="DynamicSupervisor"/> for tasks. Its tasks are its children (temporary, shutdown 5 s
/// by default), so they are stopped with it; <see cref="RunNolinkAsync{T}(ProcessContext, ServerRef, Func{ProcessContext, Task{T}}, ShutdownSpec?)"/>
/// tasks are only monitored by their owner, so a crash reaches the owner as a result (<c>{:exit, reason}</c> from yield, an
/// exception from await) instead of taking it down. Functions that start tasks call the supervisor, so they are <c>...Async</c>;
/// Elixir's <c>async</c> and <c>async_nolink</c> are named <c>RunAsync</c> and <c>RunNolinkAsync</c> here. They take the owner's
/// <see cref="ProcessContext"/>, since the reply goes to its mailbox and only its code may await it; the management functions
/// work from a process or a <see cref="Node"/>.
/// </summary>
public static class TaskSupervisor
{
    /// <summary><c>Task.Supervisor.start_link/1</c>: a task supervisor linked to <paramref name="parent"/>.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="options">Name, intensity and max children (Elixir's defaults if null); refused if invalid.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, DynamicSupervisorOptions? options = null) =>
        DynamicSupervisor.StartLinkAsync(parent, options);

    /// <summary>Starts a task supervisor from a process, without a link.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="options">Name, intensity and max children.</param>
    public static Task<Pid> StartAsync(ProcessContext parent, DynamicSupervisorOptions? options = null) => DynamicSupervisor.StartAsync(parent, options);

    /// <summary>Starts a task supervisor from outside any process.</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="options">Name, intensity and max children.</param>
    public static Task<Pid> StartAsync(Node node, DynamicSupervisorOptions? options = null) => DynamicSupervisor.StartAsync(node, options);

    /// <summary>
    /// <c>Task.Supervisor.child_spec/1</c>: a spec to start a task supervisor under a supervisor with <paramref name="options"/>
    /// (checked now): type supervisor, permanent; the id is the name, or <c>typeof(TaskSupervisor)</c> when there is none.
    /// </summary>
    /// <param name="options">Name, intensity and max children.</param>
    public static ChildSpec ChildSpec(DynamicSupervisorOptions? options = null)
    {
        options = DynamicSupervisorOptions.Validate(options ?? new DynamicSupervisorOptions());
        return Otp.ChildSpec.Supervisor(DynamicSupervisor.IdOf(options.Name, typeof(TaskSupervisor)), ctx => StartLinkAsync(ctx, options));
    }

    /// <summary>
    /// <c>Task.Supervisor.async/3</c>: starts a task under <paramref name="supervisor"/>, linked to <paramref name="owner"/> and
    /// monitored by it; await it with <see cref="OtpTask.AwaitAsync{T}"/>. Throws <see cref="SupervisorException"/>
    /// <c>max_children</c> if the supervisor is full.
    /// </summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    /// <param name="shutdown">The <c>:shutdown</c> option: how the supervisor stops the task when it stops (null: 5 s; the task must trap exits for a time to matter).</param>
    public static Task<OtpTask<T>> RunAsync<T>(ProcessContext owner, ServerRef supervisor, Func<ProcessContext, Task<T>> fun, ShutdownSpec? shutdown = null) =>
        StartTaskAsync(owner, supervisor, fun, owner?.Process, shutdown);

    /// <summary><c>Task.Supervisor.async/3</c> with a plain function.</summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    /// <param name="shutdown">How the supervisor stops the task (null: 5 s).</param>
    public static Task<OtpTask<T>> RunAsync<T>(ProcessContext owner, ServerRef supervisor, Func<T> fun, ShutdownSpec? shutdown = null) =>
        StartTaskAsync(owner, supervisor, TaskBody.FromFunc(fun), owner?.Process, shutdown);

    /// <summary><c>Task.Supervisor.async_nolink/3</c>: like <see cref="RunAsync{T}(ProcessContext, ServerRef, Func{ProcessContext, Task{T}}, ShutdownSpec?)"/> but not linked to the owner: a crash does not take it down.</summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    /// <param name="shutdown">How the supervisor stops the task (null: 5 s).</param>
    public static Task<OtpTask<T>> RunNolinkAsync<T>(ProcessContext owner, ServerRef supervisor, Func<ProcessContext, Task<T>> fun, ShutdownSpec? shutdown = null) =>
        StartTaskAsync(owner, supervisor, fun, null, shutdown);

    /// <summary><c>Task.Supervisor.async_nolink/3</c> with a plain function.</summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process that awaits the result.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    /// <param name="shutdown">How the supervisor stops the task (null: 5 s).</param>
    public static Task<OtpTask<T>> RunNolinkAsync<T>(ProcessContext owner, ServerRef supervisor, Func<T> fun, ShutdownSpec? shutdown = null) =>
        StartTaskAsync(owner, supervisor, TaskBody.FromFunc(fun), null, shutdown);

    /// <summary>
    /// <c>Task.Supervisor.start_child/3</c>: starts a fire-and-forget task under the supervisor, linked to nobody else; nothing
    /// replies. <paramref name="restart"/> is temporary by default (never restarted), as in Elixir.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    /// <param name="restart">Temporary (default) or transient/permanent to have it restarted.</param>
    /// <param name="shutdown">How the supervisor stops it; null for 5 s.</param>
    /// <param name="cancellationToken">Gives up waiting (the task may still be started).</param>
    public static Task<Pid> StartChildAsync(ProcessContext caller, ServerRef supervisor, Func<ProcessContext, Task> fun, RestartType restart = RestartType.Temporary, ShutdownSpec? shutdown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StartChildAsync(caller.Node, caller, supervisor, fun, restart, shutdown, cancellationToken);
    }

    /// <summary><c>Task.Supervisor.start_child/3</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="fun">The work.</param>
    /// <param name="restart">Temporary (default) or transient/permanent to have it restarted.</param>
    /// <param name="shutdown">How the supervisor stops it; null for 5 s.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<Pid> StartChildAsync(Node node, ServerRef supervisor, Func<ProcessContext, Task> fun, RestartType restart = RestartType.Temporary, ShutdownSpec? shutdown = null, CancellationToken cancellationToken = default) =>
        StartChildAsync(node, null, supervisor, fun, restart, shutdown, cancellationToken);

    /// <summary><c>Task.Supervisor.children/1</c>: the pids of the running tasks (not those waiting to be restarted).</summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<Pid>> ChildrenAsync(ProcessContext caller, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (await DynamicSupervisor.WhichChildrenAsync(caller, supervisor, cancellationToken).ConfigureAwait(false)).Select(c => c.Pid).OfType<Pid>().ToArray();

    /// <summary><c>Task.Supervisor.children/1</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<Pid>> ChildrenAsync(Node node, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (await DynamicSupervisor.WhichChildrenAsync(node, supervisor, cancellationToken).ConfigureAwait(false)).Select(c => c.Pid).OfType<Pid>().ToArray();

    /// <summary><c>Task.Supervisor.terminate_child/2</c>: stops one task by its shutdown spec. Throws <see cref="SupervisorException"/> <c>not_found</c>.</summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="task">The task's pid.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task TerminateChildAsync(ProcessContext caller, ServerRef supervisor, Pid task, CancellationToken cancellationToken = default) =>
        DynamicSupervisor.TerminateChildAsync(caller, supervisor, task, cancellationToken);

    /// <summary><c>Task.Supervisor.terminate_child/2</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="task">The task's pid.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task TerminateChildAsync(Node node, ServerRef supervisor, Pid task, CancellationToken cancellationToken = default) =>
        DynamicSupervisor.TerminateChildAsync(node, supervisor, task, cancellationToken);

    /// <summary>
    /// <c>Task.Supervisor.async_stream/4</c>: <see cref="OtpTask.AsyncStream{TIn, TOut}(ProcessContext, IEnumerable{TIn}, Func{TIn, TOut}, AsyncStreamOptions?)"/>
    /// with the tasks under <paramref name="supervisor"/>, linked (through the stream's intermediate process) to the owner: a
    /// crashed task takes an owner that does not trap exits down with it. <see cref="AsyncStreamOptions.Shutdown"/> applies.
    /// </summary>
    /// <typeparam name="TIn">The items.</typeparam>
    /// <typeparam name="TOut">What the function returns.</typeparam>
    /// <param name="owner">The process that enumerates.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="source">The items.</param>
    /// <param name="fun">The work per item.</param>
    /// <param name="options">Concurrency, order, time-outs and shutdown; refused at once if invalid.</param>
    public static IAsyncEnumerable<TaskResult<TOut>> AsyncStream<TIn, TOut>(ProcessContext owner, ServerRef supervisor, IEnumerable<TIn> source, Func<TIn, TOut> fun, AsyncStreamOptions? options = null) =>
        Stream(owner, supervisor, source, fun, options, linked: true);

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
    /// <param name="options">Concurrency, order, time-outs and shutdown; refused at once if invalid.</param>
    public static IAsyncEnumerable<TaskResult<TOut>> AsyncStreamNolink<TIn, TOut>(ProcessContext owner, ServerRef supervisor, IEnumerable<TIn> source, Func<TIn, TOut> fun, AsyncStreamOptions? options = null) =>
        Stream(owner, supervisor, source, fun, options, linked: false);

    /// <summary><c>Task.Supervisor.async_stream/4</c> with a function that awaits and gets the task's own process.</summary>
    /// <typeparam name="TIn">The items.</typeparam>
    /// <typeparam name="TOut">What the function returns.</typeparam>
    /// <param name="owner">The process that enumerates.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="source">The items.</param>
    /// <param name="fun">The work per item.</param>
    /// <param name="options">Concurrency, order, time-outs and shutdown; refused at once if invalid.</param>
    public static IAsyncEnumerable<TaskResult<TOut>> AsyncStream<TIn, TOut>(ProcessContext owner, ServerRef supervisor, IEnumerable<TIn> source, Func<TIn, ProcessContext, Task<TOut>> fun, AsyncStreamOptions? options = null) =>
        Stream(owner, supervisor, source, fun, options, linked: true);

    /// <summary><c>Task.Supervisor.async_stream_nolink/4</c> with a function that awaits and gets the task's own process.</summary>
    /// <typeparam name="TIn">The items.</typeparam>
    /// <typeparam name="TOut">What the function returns.</typeparam>
    /// <param name="owner">The process that enumerates.</param>
    /// <param name="supervisor">The task supervisor.</param>
    /// <param name="source">The items.</param>
    /// <param name="fun">The work per item.</param>
    /// <param name="options">Concurrency, order, time-outs and shutdown; refused at once if invalid.</param>
    public static IAsyncEnumerable<TaskResult<TOut>> AsyncStreamNolink<TIn, TOut>(ProcessContext owner, ServerRef supervisor, IEnumerable<TIn> source, Func<TIn, ProcessContext, Task<TOut>> fun, AsyncStreamOptions? options = null) =>
        Stream(owner, supervisor, source, fun, options, linked: false);

    private static IAsyncEnumerable<TaskResult<TOut>> Stream<TIn, TOut>(ProcessContext owner, ServerRef supervisor, IEnumerable<TIn> source, Func<TIn, TOut> fun, AsyncStreamOptions? options, bool linked)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return Stream(owner, supervisor, source, (TIn item, ProcessContext _) => Task.FromResult(fun(item)), options, linked);
    }

    private static IAsyncEnumerable<TaskResult<TOut>> Stream<TIn, TOut>(ProcessContext owner, ServerRef supervisor, IEnumerable<TIn> source, Func<TIn, ProcessContext, Task<TOut>> fun, AsyncStreamOptions? options, bool linked)
    {
        ArgumentNullException.ThrowIfNull(fun);
        var shutdown = options?.Shutdown;
        return TaskStream<TIn, TOut>.Create(owner, options, source, linked, async (item, tag, linker) =>
        {
            var task = await StartTaskAsync(owner, supervisor, ctx => fun(item, ctx), linker, shutdown, tag).ConfigureAwait(false);
            return (task.Pid!, task.Ref);
        });
    }

    private static async Task<Pid> StartChildAsync(Node node, ProcessContext? caller, ServerRef supervisor, Func<ProcessContext, Task> fun, RestartType restart, ShutdownSpec? shutdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(fun);
        var spec = Otp.ChildSpec.Worker(new Atom("task"), ctx => OtpTask.StartLinkAsync(ctx, fun)) with { Restart = restart, Shutdown = shutdown ?? ShutdownSpec.Default };
        var pid = caller is null
            ? await DynamicSupervisor.StartChildAsync(node, supervisor, spec, cancellationToken).ConfigureAwait(false)
            : await DynamicSupervisor.StartChildAsync(caller, supervisor, spec, cancellationToken).ConfigureAwait(false);
        return pid ?? throw new InvalidOperationException("A task child cannot be ignored.");
    }

    // As Elixir does: the task waits for the owner's go-ahead, sent once it is linked (to the owner, or to a stream's link
    // holder) and monitored by the owner, so it cannot finish unseen.
    private static async Task<OtpTask<T>> StartTaskAsync<T>(ProcessContext owner, ServerRef supervisor, Func<ProcessContext, Task<T>> fun, Process? linkTo, ShutdownSpec? shutdown, TaskTag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(fun);
        tag ??= new TaskTag();
        var body = TaskBody.Create(tag, owner.Self, fun, waitForGo: true);
        var spec = Otp.ChildSpec.Worker(new Atom("task"), ctx => Task.FromResult(ctx.SpawnLink(body)))
            with { Restart = RestartType.Temporary, Shutdown = shutdown ?? ShutdownSpec.Default };
        var pid = await DynamicSupervisor.StartChildAsync(owner, supervisor, spec).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A task child cannot be ignored.");
        linkTo?.Context.Link(pid);
        var monitor = owner.Monitor(pid);
        owner.Send(pid, new TaskGo(tag));
        return new OtpTask<T>(owner, pid, monitor, tag);
    }
}
