namespace Otp;

/// <summary>
/// Supervisors whose children are started on demand: Elixir's <c>DynamicSupervisor</c>. Children are known by pid, restarted
/// one_for_one by their restart type within the intensity (default 3 in 5 s), limited by <see cref="DynamicSupervisorOptions.MaxChildren"/>.
/// <see cref="Supervisor.WhichChildrenAsync(Node, ServerRef, CancellationToken)"/> and <see cref="Supervisor.CountChildrenAsync(Node, ServerRef, CancellationToken)"/> work on it too (ids show as <c>undefined</c>).
/// A child whose restart failed stays a child while the supervisor tries again (listed with <see cref="ChildInfo.Restarting"/>,
/// counted, and counting toward the limit) until it starts or <see cref="TerminateChildAsync(Node, ServerRef, Pid, CancellationToken)"/>
/// forgets it. Every function is callable from a process (a <see cref="ProcessContext"/>) or from outside one (a <see cref="Node"/>);
/// the management calls wait for ever (OTP's infinity) unless the <see cref="CancellationToken"/> gives up.
/// Where it differs from Elixir: extra arguments reach a child through a spec factory
/// (<see cref="StartChildAsync{TExtra}(Node, ServerRef, Func{TExtra, ChildSpec}, CancellationToken)"/>), and on stop the children
/// are shut down one at a time, newest first, rather than all at once.
/// </summary>
public static class DynamicSupervisor
{
    /// <summary>
    /// <c>DynamicSupervisor.start_link/1</c>: starts one with no children, linked to <paramref name="parent"/>. Invalid options are
    /// refused with <see cref="ArgumentOutOfRangeException"/> before anything starts.
    /// </summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="options">Intensity, max children, extra arguments and name; Elixir's defaults if null.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, DynamicSupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        options = DynamicSupervisorOptions.Validate(options ?? new DynamicSupervisorOptions());
        return GenServer.StartLinkAsync(parent, new DynamicSupervisorServer(() => options), options.Name);
    }

    /// <summary>Starts one from a process without linking it (its parent is <paramref name="parent"/>). Invalid options are refused before anything starts.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="options">Intensity, max children, extra arguments and name.</param>
    public static Task<Pid> StartAsync(ProcessContext parent, DynamicSupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        options = DynamicSupervisorOptions.Validate(options ?? new DynamicSupervisorOptions());
        return GenServer.StartAsync(parent, new DynamicSupervisorServer(() => options), options.Name);
    }

    /// <summary>Starts one from outside any process (no parent). Invalid options are refused before anything starts.</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="options">Intensity, max children, extra arguments and name.</param>
    public static Task<Pid> StartAsync(Node node, DynamicSupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        options = DynamicSupervisorOptions.Validate(options ?? new DynamicSupervisorOptions());
        return GenServer.StartAsync(node, new DynamicSupervisorServer(() => options), options.Name);
    }

    /// <summary>
    /// <c>DynamicSupervisor.start_link/3</c>: starts a module-based supervisor linked to <paramref name="parent"/>; its
    /// <see cref="DynamicSupervisorBase.Init"/> runs in the new process and returns the flags.
    /// Throws <see cref="StartFailedException"/> if Init throws (for instance on invalid flags) or ignores.
    /// </summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="supervisor">The module: a new instance of your subclass, holding the start argument.</param>
    /// <param name="name">A local or via name, or null.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, DynamicSupervisorBase supervisor, ServerName? name = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(supervisor);
        return GenServer.StartLinkAsync(parent, new DynamicSupervisorServer(supervisor.RunInit), name);
    }

    /// <summary><c>DynamicSupervisor.start_link/3</c> from a process, without a link (see <see cref="StartLinkAsync(ProcessContext, DynamicSupervisorBase, ServerName?)"/>).</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="supervisor">The module: a new instance of your subclass, holding the start argument.</param>
    /// <param name="name">A local or via name, or null.</param>
    public static Task<Pid> StartAsync(ProcessContext parent, DynamicSupervisorBase supervisor, ServerName? name = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(supervisor);
        return GenServer.StartAsync(parent, new DynamicSupervisorServer(supervisor.RunInit), name);
    }

    /// <summary><c>DynamicSupervisor.start_link/3</c> from outside any process: a module-based supervisor without a parent.</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="supervisor">The module: a new instance of your subclass, holding the start argument.</param>
    /// <param name="name">A local or via name, or null.</param>
    public static Task<Pid> StartAsync(Node node, DynamicSupervisorBase supervisor, ServerName? name = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(supervisor);
        return GenServer.StartAsync(node, new DynamicSupervisorServer(supervisor.RunInit), name);
    }

    /// <summary>
    /// <c>DynamicSupervisor.child_spec/1</c>: a spec to start one under a supervisor with <paramref name="options"/> (checked now):
    /// type supervisor (so shutdown infinity), permanent. The id is the name (Elixir's: a local name, or a via name's key),
    /// or <c>typeof(DynamicSupervisor)</c> (Elixir's module) when there is none.
    /// </summary>
    /// <param name="options">Intensity, max children, extra arguments and name.</param>
    public static ChildSpec ChildSpec(DynamicSupervisorOptions? options = null)
    {
        options = DynamicSupervisorOptions.Validate(options ?? new DynamicSupervisorOptions());
        return Otp.ChildSpec.Supervisor(IdOf(options.Name, typeof(DynamicSupervisor)), ctx => StartLinkAsync(ctx, options));
    }

    /// <summary>
    /// <c>DynamicSupervisor.start_child/2</c> from a process: starts a child from <paramref name="spec"/> (its id is not used).
    /// Returns its pid, or null for <c>:ignore</c>. Throws <see cref="SupervisorException"/> <c>max_children</c>, or
    /// <see cref="StartFailedException"/> whose reason is the start's own: the reason a start function exits with
    /// (<see cref="ProcessContext.Exit(object)"/>), the reason of a nested failed start, or the exception it threw.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="spec">How to start the child.</param>
    /// <param name="cancellationToken">Gives up waiting (the child may still be started).</param>
    public static Task<Pid?> StartChildAsync(ProcessContext caller, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate(nameof(spec));
        return StartChildAsync(caller.Node, caller, supervisor, new StartChildRequest(spec), cancellationToken);
    }

    /// <summary><c>DynamicSupervisor.start_child/2</c> from outside any process (see the <see cref="ProcessContext"/> overload).</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="spec">How to start the child.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<Pid?> StartChildAsync(Node node, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate(nameof(spec));
        return StartChildAsync(node, null, supervisor, new StartChildRequest(spec), cancellationToken);
    }

    /// <summary>
    /// <c>DynamicSupervisor.start_child/2</c> under a supervisor with <c>extra_arguments</c>: the supervisor calls
    /// <paramref name="spec"/> with its <see cref="DynamicSupervisorOptions.ExtraArguments"/> and starts the child it describes.
    /// Elixir prepends the extra arguments to the start function's arguments; a C# start is a closure, so the extra arguments
    /// come first as the factory's argument: <c>(Database db) =&gt; ChildSpec.Worker("room", c =&gt; GenServer.StartLinkAsync(c, new Room(db)))</c>.
    /// Restarts reuse the spec made then. Extra arguments that are not a <typeparamref name="TExtra"/> fail the start
    /// (<see cref="StartFailedException"/> with an <see cref="InvalidCastException"/>).
    /// </summary>
    /// <typeparam name="TExtra">The type of the supervisor's extra arguments (a tuple for several).</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="spec">Makes the child spec from the extra arguments; runs in the supervisor.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<Pid?> StartChildAsync<TExtra>(ProcessContext caller, ServerRef supervisor, Func<TExtra, ChildSpec> spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StartChildAsync(caller.Node, caller, supervisor, new StartChildWithExtraRequest(WithExtra(spec)), cancellationToken);
    }

    /// <summary><c>start_child/2</c> with extra arguments, from outside any process (see the <see cref="ProcessContext"/> overload).</summary>
    /// <typeparam name="TExtra">The type of the supervisor's extra arguments.</typeparam>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="spec">Makes the child spec from the extra arguments.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<Pid?> StartChildAsync<TExtra>(Node node, ServerRef supervisor, Func<TExtra, ChildSpec> spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        return StartChildAsync(node, null, supervisor, new StartChildWithExtraRequest(WithExtra(spec)), cancellationToken);
    }

    /// <summary>
    /// <c>DynamicSupervisor.terminate_child/2</c>: stops the child by its shutdown spec and forgets it; a child waiting to be
    /// restarted (under the pid it had) is forgotten and no longer retried. Throws <see cref="SupervisorException"/> <c>not_found</c>.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="child">The child's pid.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task TerminateChildAsync(ProcessContext caller, ServerRef supervisor, Pid child, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(child);
        return CallAsync(caller.Node, caller, supervisor, new TerminateChildRequest(child), cancellationToken);
    }

    /// <summary><c>DynamicSupervisor.terminate_child/2</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="child">The child's pid.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task TerminateChildAsync(Node node, ServerRef supervisor, Pid child, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(child);
        return CallAsync(node, null, supervisor, new TerminateChildRequest(child), cancellationToken);
    }

    /// <summary>
    /// <c>DynamicSupervisor.which_children/1</c>: every child in start order, id <c>undefined</c>; a child waiting to be restarted
    /// has a null pid and <see cref="ChildInfo.Restarting"/> set (Elixir shows <c>:restarting</c>).
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(ProcessContext caller, ServerRef supervisor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (IReadOnlyList<ChildInfo>)(await CallAsync(caller.Node, caller, supervisor, new WhichChildrenRequest(), cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary><c>DynamicSupervisor.which_children/1</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(Node node, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (IReadOnlyList<ChildInfo>)(await CallAsync(node, null, supervisor, new WhichChildrenRequest(), cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// <c>DynamicSupervisor.count_children/1</c>: <c>specs</c> and <c>workers</c>/<c>supervisors</c> count every child, restarting
    /// ones included; <c>active</c> only the running ones.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<ChildCounts> CountChildrenAsync(ProcessContext caller, ServerRef supervisor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (ChildCounts)(await CallAsync(caller.Node, caller, supervisor, new CountChildrenRequest(), cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary><c>DynamicSupervisor.count_children/1</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<ChildCounts> CountChildrenAsync(Node node, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (ChildCounts)(await CallAsync(node, null, supervisor, new CountChildrenRequest(), cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// <c>DynamicSupervisor.stop/3</c> from a process: stops it and its children; returns once it has exited. Fails as
    /// <see cref="GenServer.StopAsync(ProcessContext, ServerRef, object?, TimeSpan?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="caller">The stopping process.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="reason">The reason; normal if null.</param>
    /// <param name="timeout">How long to wait; null for ever (Elixir's default).</param>
    /// <param name="cancellationToken">Gives up waiting (the supervisor still stops).</param>
    public static Task StopAsync(ProcessContext caller, ServerRef supervisor, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.StopAsync(caller, supervisor, reason, timeout, cancellationToken);

    /// <summary><c>DynamicSupervisor.stop/3</c> from outside any process (see the <see cref="ProcessContext"/> overload).</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="reason">The reason; normal if null.</param>
    /// <param name="timeout">How long to wait; null for ever (Elixir's default).</param>
    /// <param name="cancellationToken">Gives up waiting (the supervisor still stops).</param>
    public static Task StopAsync(Node node, ServerRef supervisor, object? reason = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        GenServer.StopAsync(node, supervisor, reason, timeout, cancellationToken);

    /// <summary>A child spec id as Elixir derives it from a name: the local name, a via name's key, or the module.</summary>
    internal static object IdOf(ServerName? name, Type module) => name?.LocalName ?? name?.Key ?? module;

    private static Func<object?, ChildSpec> WithExtra<TExtra>(Func<TExtra, ChildSpec> spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return extra => extra is TExtra typed
            ? spec(typed)
            : throw new InvalidCastException($"The supervisor's extra arguments are {extra ?? "null"}, not a {typeof(TExtra).Name}: set DynamicSupervisorOptions.ExtraArguments to one.");
    }

    private static async Task<Pid?> StartChildAsync(Node node, ProcessContext? caller, ServerRef supervisor, object request, CancellationToken cancellationToken) =>
        (Pid?)await CallAsync(node, caller, supervisor, request, cancellationToken).ConfigureAwait(false);

    private static async Task<object?> CallAsync(Node node, ProcessContext? caller, ServerRef supervisor, object request, CancellationToken cancellationToken)
    {
        var reply = caller is null
            ? await GenServer.CallAsync<object?>(node, supervisor, request, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false)
            : await GenServer.CallAsync<object?>(caller, supervisor, request, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return reply is Exception error ? throw error : reply;
    }
}
