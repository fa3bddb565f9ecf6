namespace Otp;

/// <summary>
/// Supervisors: OTP's <c>supervisor</c> module, with Elixir's list-of-children start. A supervisor is a process that traps
/// exits, starts its children in order, restarts them by <see cref="SupervisorStrategy"/> within the restart intensity,
/// and stops them in reverse order when it stops. Start one from a list of <see cref="ChildSpec"/>s, or from a
/// <see cref="SupervisorBase"/> subclass (a module-based supervisor). The management functions are calls to it (timeout
/// infinity, as in OTP), from a process (pass its <see cref="ProcessContext"/>) or from outside (pass the <see cref="Node"/>);
/// a <see cref="CancellationToken"/> gives up waiting. Specs and flags are checked before any process is contacted.
/// Not provided: <c>simple_one_for_one</c> (use <see cref="DynamicSupervisor"/>), significant children and
/// <c>auto_shutdown</c>, and the <c>modules</c> field (a child spec holds a start delegate, not a module).
/// </summary>
public static class Supervisor
{
    /// <summary>
    /// <c>supervisor:start_link/2,3</c> (Elixir's <c>Supervisor.start_link(children, options)</c>): starts a supervisor linked
    /// to <paramref name="parent"/> with <paramref name="children"/>, started in order. If a child fails to start, the ones
    /// already started are stopped in reverse order and this throws <see cref="StartFailedException"/> with reason
    /// <c>{shutdown, (failed_to_start_child, Id, Reason)}</c>. Throws <see cref="ArgumentException"/> for an invalid spec or flag.
    /// </summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="children">The child specs, in start order; ids must be unique.</param>
    /// <param name="options">Strategy, intensity, period and name; OTP's defaults if null.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, IEnumerable<ChildSpec> children, SupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var init = Checked(children, options);
        return GenServer.StartLinkAsync(parent, new SupervisorServer(() => init), init.Options.Name);
    }

    /// <summary><c>supervisor:start/2,3</c> from a process: like <see cref="StartLinkAsync(ProcessContext, IEnumerable{ChildSpec}, SupervisorOptions?)"/>, without a link.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="children">The child specs, in start order.</param>
    /// <param name="options">Strategy, intensity, period and name.</param>
    public static Task<Pid> StartAsync(ProcessContext parent, IEnumerable<ChildSpec> children, SupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var init = Checked(children, options);
        return GenServer.StartAsync(parent, new SupervisorServer(() => init), init.Options.Name);
    }

    /// <summary><c>supervisor:start/2,3</c> from outside any process: a supervisor without a parent (a root supervisor).</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="children">The child specs, in start order.</param>
    /// <param name="options">Strategy, intensity, period and name.</param>
    public static Task<Pid> StartAsync(Node node, IEnumerable<ChildSpec> children, SupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var init = Checked(children, options);
        return GenServer.StartAsync(node, new SupervisorServer(() => init), init.Options.Name);
    }

    /// <summary>
    /// <c>supervisor:start_link(Name, Module, Args)</c> (Elixir's <c>Supervisor.start_link(MySup, arg, name: ...)</c>): starts
    /// a module-based supervisor linked to <paramref name="parent"/>; its <c>Init</c> runs in the new process and gives the
    /// children and flags. Fails as the list form does; <c>Init</c> returning ignore throws <see cref="StartFailedException"/>
    /// with <see cref="StartFailedException.Ignored"/>, and an invalid spec from <c>Init</c> fails the start with the <see cref="ArgumentException"/> as reason.
    /// </summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="supervisor">The supervisor module, holding its start argument.</param>
    /// <param name="name">A local or via name, or null.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, SupervisorBase supervisor, ServerName? name = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(supervisor);
        return GenServer.StartLinkAsync(parent, new SupervisorServer(supervisor.RunInit), name);
    }

    /// <summary><c>supervisor:start/3</c> from a process: a module-based supervisor without a link.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="supervisor">The supervisor module.</param>
    /// <param name="name">A local or via name, or null.</param>
    public static Task<Pid> StartAsync(ProcessContext parent, SupervisorBase supervisor, ServerName? name = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(supervisor);
        return GenServer.StartAsync(parent, new SupervisorServer(supervisor.RunInit), name);
    }

    /// <summary><c>supervisor:start/3</c> from outside any process: a module-based root supervisor.</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="supervisor">The supervisor module.</param>
    /// <param name="name">A local or via name, or null.</param>
    public static Task<Pid> StartAsync(Node node, SupervisorBase supervisor, ServerName? name = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(supervisor);
        return GenServer.StartAsync(node, new SupervisorServer(supervisor.RunInit), name);
    }

    /// <summary>
    /// <c>supervisor:start_child/2</c>: adds a child spec and starts it. Returns its pid, or null if it returned ignore (the spec is kept).
    /// Throws <see cref="StartFailedException"/> if it failed (the spec is not kept; the reason is the start function's own,
    /// e.g. <c>oops</c> for <c>ctx.Exit(oops)</c>), or with reason <c>(already_started, Pid)</c> or <c>already_present</c> if the id is in use.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="spec">The new child.</param>
    /// <param name="cancellationToken">Gives up waiting (the supervisor still starts the child).</param>
    public static Task<Pid?> StartChildAsync(ProcessContext caller, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StartChild(caller.Node, caller, supervisor, spec, cancellationToken);
    }

    /// <summary><c>supervisor:start_child/2</c> from outside any process (see the <see cref="ProcessContext"/> form).</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="spec">The new child.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<Pid?> StartChildAsync(Node node, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken = default) =>
        StartChild(node, null, supervisor, spec, cancellationToken);

    /// <summary>
    /// <c>supervisor:start_child/2</c> when the start function returns <c>{ok, Pid, Info}</c> (<see cref="ChildSpec.WithInfo"/>):
    /// the child and its info (null info for a plain start function); null if it returned ignore. Fails as
    /// <see cref="StartChildAsync(ProcessContext, ServerRef, ChildSpec, CancellationToken)"/> does.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="spec">The new child.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<StartedChild?> StartChildWithInfoAsync(ProcessContext caller, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StartChildWithInfo(caller.Node, caller, supervisor, spec, cancellationToken);
    }

    /// <summary><c>supervisor:start_child/2</c> with <c>{ok, Pid, Info}</c>, from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="spec">The new child.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<StartedChild?> StartChildWithInfoAsync(Node node, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken = default) =>
        StartChildWithInfo(node, null, supervisor, spec, cancellationToken);

    /// <summary>
    /// Elixir's <c>Supervisor.start_child(sup, {Stack, arg})</c>: starts a child from <see cref="ChildSpec.For{TServer}"/>
    /// (id: the server's type).
    /// </summary>
    /// <typeparam name="TServer">The server type.</typeparam>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="create">Makes a new server instance for each start.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<Pid?> StartChildAsync<TServer>(ProcessContext caller, ServerRef supervisor, Func<TServer> create, CancellationToken cancellationToken = default)
        where TServer : ISupervisable =>
        StartChildAsync(caller, supervisor, ChildSpec.For(create), cancellationToken);

    /// <summary>Elixir's <c>Supervisor.start_child(sup, {Stack, arg})</c> from outside any process.</summary>
    /// <typeparam name="TServer">The server type.</typeparam>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="create">Makes a new server instance for each start.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task<Pid?> StartChildAsync<TServer>(Node node, ServerRef supervisor, Func<TServer> create, CancellationToken cancellationToken = default)
        where TServer : ISupervisable =>
        StartChildAsync(node, supervisor, ChildSpec.For(create), cancellationToken);

    /// <summary>
    /// <c>supervisor:terminate_child/2</c>: stops the child by its shutdown spec; the spec is kept (unless temporary) so
    /// <c>RestartChildAsync</c> can start it again. Throws <see cref="SupervisorException"/> <c>not_found</c>.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting (the child is still stopped).</param>
    public static Task TerminateChildAsync(ProcessContext caller, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        Call(caller, supervisor, new TerminateChildRequest(Id(id)), cancellationToken);

    /// <summary><c>supervisor:terminate_child/2</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task TerminateChildAsync(Node node, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        CallAsync(node, null, supervisor, new TerminateChildRequest(Id(id)), cancellationToken);

    /// <summary>
    /// <c>supervisor:restart_child/2</c>: starts a stopped child again from its spec. Throws <see cref="SupervisorException"/>
    /// <c>not_found</c>, <c>running</c> or <c>restarting</c>, or <see cref="StartFailedException"/>. Null if it returned ignore.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<Pid?> RestartChildAsync(ProcessContext caller, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        (Pid?)await Call(caller, supervisor, new RestartChildRequest(Id(id)), cancellationToken).ConfigureAwait(false);

    /// <summary><c>supervisor:restart_child/2</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<Pid?> RestartChildAsync(Node node, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        (Pid?)await CallAsync(node, null, supervisor, new RestartChildRequest(Id(id)), cancellationToken).ConfigureAwait(false);

    /// <summary><c>supervisor:delete_child/2</c>: forgets a stopped child's spec. Throws <see cref="SupervisorException"/> <c>not_found</c>, <c>running</c> or <c>restarting</c>.</summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task DeleteChildAsync(ProcessContext caller, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        Call(caller, supervisor, new DeleteChildRequest(Id(id)), cancellationToken);

    /// <summary><c>supervisor:delete_child/2</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task DeleteChildAsync(Node node, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        CallAsync(node, null, supervisor, new DeleteChildRequest(Id(id)), cancellationToken);

    /// <summary><c>supervisor:get_childspec/2</c>: the spec of the child <paramref name="id"/>. Throws <see cref="SupervisorException"/> <c>not_found</c>.</summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<ChildSpec> GetChildSpecAsync(ProcessContext caller, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        (ChildSpec)(await Call(caller, supervisor, new GetChildSpecRequest(Id(id)), cancellationToken).ConfigureAwait(false))!;

    /// <summary><c>supervisor:get_childspec/2</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<ChildSpec> GetChildSpecAsync(Node node, ServerRef supervisor, object id, CancellationToken cancellationToken = default) =>
        (ChildSpec)(await CallAsync(node, null, supervisor, new GetChildSpecRequest(Id(id)), cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// <c>supervisor:which_children/1</c>: every child, newest first (the reverse of start order), as OTP lists them.
    /// A DynamicSupervisor lists its children in start order (Elixir leaves the order unspecified).
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor (or a DynamicSupervisor).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(ProcessContext caller, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (IReadOnlyList<ChildInfo>)(await Call(caller, supervisor, new WhichChildrenRequest(), cancellationToken).ConfigureAwait(false))!;

    /// <summary><c>supervisor:which_children/1</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor (or a DynamicSupervisor).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(Node node, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (IReadOnlyList<ChildInfo>)(await CallAsync(node, null, supervisor, new WhichChildrenRequest(), cancellationToken).ConfigureAwait(false))!;

    /// <summary><c>supervisor:count_children/1</c>.</summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor (or a DynamicSupervisor).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<ChildCounts> CountChildrenAsync(ProcessContext caller, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (ChildCounts)(await Call(caller, supervisor, new CountChildrenRequest(), cancellationToken).ConfigureAwait(false))!;

    /// <summary><c>supervisor:count_children/1</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor (or a DynamicSupervisor).</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static async Task<ChildCounts> CountChildrenAsync(Node node, ServerRef supervisor, CancellationToken cancellationToken = default) =>
        (ChildCounts)(await CallAsync(node, null, supervisor, new CountChildrenRequest(), cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// Stops a supervisor (and so its children, in reverse order): Elixir's <c>Supervisor.stop/3</c>, OTP's <c>gen_server:stop/3</c>.
    /// Fails as <see cref="GenServer.StopAsync(ProcessContext, ServerRef, object?, TimeSpan?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="reason">The reason; normal if null.</param>
    /// <param name="cancellationToken">Gives up waiting (the supervisor still stops).</param>
    public static Task StopAsync(ProcessContext caller, ServerRef supervisor, object? reason = null, CancellationToken cancellationToken = default) =>
        GenServer.StopAsync(caller, supervisor, reason, cancellationToken: cancellationToken);

    /// <summary>Elixir's <c>Supervisor.stop/3</c> from outside any process.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="reason">The reason; normal if null.</param>
    /// <param name="cancellationToken">Gives up waiting.</param>
    public static Task StopAsync(Node node, ServerRef supervisor, object? reason = null, CancellationToken cancellationToken = default) =>
        GenServer.StopAsync(node, supervisor, reason, cancellationToken: cancellationToken);

    /// <summary>A management call from outside any process (also DynamicSupervisor's); a refusal comes back as an exception and is thrown.</summary>
    internal static Task<object?> CallAsync(Node node, ServerRef supervisor, SupervisorRequest request) =>
        CallAsync(node, null, supervisor, request, CancellationToken.None);

    /// <summary>A call with timeout infinity, from <paramref name="caller"/> if given (so a supervisor calling itself gets calling_self).</summary>
    internal static async Task<object?> CallAsync(Node node, ProcessContext? caller, ServerRef supervisor, SupervisorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var reply = caller is null
            ? await GenServer.CallAsync<object?>(node, supervisor, request, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false)
            : await GenServer.CallAsync<object?>(caller, supervisor, request, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return reply is Exception error ? throw error : reply;
    }

    private static Task<object?> Call(ProcessContext caller, ServerRef supervisor, SupervisorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return CallAsync(caller.Node, caller, supervisor, request, cancellationToken);
    }

    private static async Task<Pid?> StartChild(Node node, ProcessContext? caller, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken) =>
        (await StartChildWithInfo(node, caller, supervisor, spec, cancellationToken).ConfigureAwait(false))?.Pid;

    private static async Task<StartedChild?> StartChildWithInfo(Node node, ProcessContext? caller, ServerRef supervisor, ChildSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate(nameof(spec));
        return await CallAsync(node, caller, supervisor, new StartChildRequest(spec), cancellationToken).ConfigureAwait(false) switch
        {
            StartedChild started => started,
            Pid pid => new StartedChild(pid, null), // a DynamicSupervisor's reply
            _ => null,
        };
    }

    private static object Id(object id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id;
    }

    private static SupervisorInit Checked(IEnumerable<ChildSpec> children, SupervisorOptions? options) =>
        SupervisorInit.Checked(children, options, nameof(children), nameof(options));
}
