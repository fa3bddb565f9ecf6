namespace Otp;

/// <summary>
/// Supervisors: OTP's <c>supervisor</c> module, with Elixir's list-of-children start. A supervisor is a process that traps
/// exits, starts its children in order, restarts them by <see cref="SupervisorStrategy"/> within the restart intensity,
/// and stops them in reverse order when it stops. The management functions are calls to it (timeout infinity, as in OTP);
/// from inside a process pass <c>ctx.Node</c>.
/// Not provided: <c>simple_one_for_one</c> (use <see cref="DynamicSupervisor"/>), significant children and
/// <c>auto_shutdown</c>, <c>check_childspecs</c>, and the <c>modules</c> field (a child spec holds a start delegate, not a module).
/// </summary>
public static class Supervisor
{
    /// <summary>
    /// <c>supervisor:start_link/2,3</c>: starts a supervisor linked to <paramref name="parent"/> with <paramref name="children"/>,
    /// started in order. If a child fails to start, the ones already started are stopped in reverse order and this throws
    /// <see cref="StartFailedException"/> with reason <c>{shutdown, (failed_to_start_child, Id, Reason)}</c>.
    /// </summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="children">The child specs, in start order; ids must be unique.</param>
    /// <param name="options">Strategy, intensity, period and name; OTP's defaults if null.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, IEnumerable<ChildSpec> children, SupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(children);
        options ??= new SupervisorOptions();
        return GenServer.StartLinkAsync(parent, new SupervisorServer(children.ToArray(), options), options.Name);
    }

    /// <summary><c>supervisor:start_link</c> from outside any process: a supervisor without a parent (a root supervisor).</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="children">The child specs, in start order.</param>
    /// <param name="options">Strategy, intensity, period and name.</param>
    public static Task<Pid> StartAsync(Node node, IEnumerable<ChildSpec> children, SupervisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(children);
        options ??= new SupervisorOptions();
        return GenServer.StartAsync(node, new SupervisorServer(children.ToArray(), options), options.Name);
    }

    /// <summary>
    /// <c>supervisor:start_child/2</c>: adds a child spec and starts it. Returns its pid, or null if it returned ignore (the spec is kept).
    /// Throws <see cref="StartFailedException"/> if it failed (the spec is not kept), or with reason <c>(already_started, Pid)</c>
    /// or <c>already_present</c> if the id is in use.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="spec">The new child.</param>
    public static async Task<Pid?> StartChildAsync(Node node, ServerRef supervisor, ChildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (Pid?)await CallAsync(node, supervisor, new StartChildRequest(spec)).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>supervisor:terminate_child/2</c>: stops the child by its shutdown spec; the spec is kept (unless temporary) so
    /// <see cref="RestartChildAsync"/> can start it again. Throws <see cref="SupervisorException"/> <c>not_found</c>.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    public static Task TerminateChildAsync(Node node, ServerRef supervisor, object id) =>
        CallAsync(node, supervisor, new TerminateChildRequest(id));

    /// <summary>
    /// <c>supervisor:restart_child/2</c>: starts a stopped child again from its spec. Throws <see cref="SupervisorException"/>
    /// <c>not_found</c>, <c>running</c> or <c>restarting</c>, or <see cref="StartFailedException"/>. Null if it returned ignore.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    public static async Task<Pid?> RestartChildAsync(Node node, ServerRef supervisor, object id) =>
        (Pid?)await CallAsync(node, supervisor, new RestartChildRequest(id)).ConfigureAwait(false);

    /// <summary><c>supervisor:delete_child/2</c>: forgets a stopped child's spec. Throws <see cref="SupervisorException"/> <c>not_found</c>, <c>running</c> or <c>restarting</c>.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="id">The child's id.</param>
    public static Task DeleteChildAsync(Node node, ServerRef supervisor, object id) =>
        CallAsync(node, supervisor, new DeleteChildRequest(id));

    /// <summary>
    /// <c>supervisor:which_children/1</c>: every child, newest first (the reverse of start order), as OTP lists them.
    /// A DynamicSupervisor lists its children in start order (Elixir leaves the order unspecified).
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor (or a DynamicSupervisor).</param>
    public static async Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(Node node, ServerRef supervisor) =>
        (IReadOnlyList<ChildInfo>)(await CallAsync(node, supervisor, new WhichChildrenRequest()).ConfigureAwait(false))!;

    /// <summary><c>supervisor:count_children/1</c>.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor (or a DynamicSupervisor).</param>
    public static async Task<ChildCounts> CountChildrenAsync(Node node, ServerRef supervisor) =>
        (ChildCounts)(await CallAsync(node, supervisor, new CountChildrenRequest()).ConfigureAwait(false))!;

    /// <summary>Stops a supervisor (and so its children, in reverse order): Elixir's <c>Supervisor.stop/3</c>.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The supervisor.</param>
    /// <param name="reason">The reason; normal if null.</param>
    public static Task StopAsync(Node node, ServerRef supervisor, object? reason = null) => GenServer.StopAsync(node, supervisor, reason);

    internal static async Task<object?> CallAsync(Node node, ServerRef supervisor, SupervisorRequest request)
    {
        var reply = await GenServer.CallAsync<object?>(node, supervisor, request, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        return reply is Exception error ? throw error : reply;
    }
}
