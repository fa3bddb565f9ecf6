namespace Otp;

/// <summary>
/// Supervisors whose children are started on demand: Elixir's <c>DynamicSupervisor</c>. Children are known by pid, restarted
/// one_for_one by their restart type within the intensity (default 3 in 5 s), limited by <see cref="DynamicSupervisorOptions.MaxChildren"/>.
/// <see cref="Supervisor.WhichChildrenAsync(Node, ServerRef, CancellationToken)"/> and <see cref="Supervisor.CountChildrenAsync(Node, ServerRef, CancellationToken)"/> work on it too (ids show as <c>undefined</c>).
/// Where it differs from Elixir: no <c>extra_arguments</c> (a start delegate captures what it needs), and on stop the
/// children are shut down one at a time, newest first, rather than all at once.
/// </summary>
public static class DynamicSupervisor
{
    /// <summary><c>DynamicSupervisor.start_link/1</c>: starts one with no children, linked to <paramref name="parent"/>.</summary>
    /// <param name="parent">The starting process.</param>
    /// <param name="options">Intensity, max children and name; Elixir's defaults if null.</param>
    public static Task<Pid> StartLinkAsync(ProcessContext parent, DynamicSupervisorOptions? options = null)
    {
        options ??= new DynamicSupervisorOptions();
        return GenServer.StartLinkAsync(parent, new DynamicSupervisorServer(options), options.Name);
    }

    /// <summary>Starts one from outside any process (no parent).</summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="options">Intensity, max children and name.</param>
    public static Task<Pid> StartAsync(Node node, DynamicSupervisorOptions? options = null)
    {
        options ??= new DynamicSupervisorOptions();
        return GenServer.StartAsync(node, new DynamicSupervisorServer(options), options.Name);
    }

    /// <summary>
    /// <c>DynamicSupervisor.start_child/2</c>: starts a child from <paramref name="spec"/> (its id is not used). Returns its pid, or
    /// null for <c>:ignore</c>. Throws <see cref="SupervisorException"/> <c>max_children</c> or <see cref="StartFailedException"/>.
    /// </summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="spec">How to start the child.</param>
    public static async Task<Pid?> StartChildAsync(Node node, ServerRef supervisor, ChildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (Pid?)await Supervisor.CallAsync(node, supervisor, new StartChildRequest(spec)).ConfigureAwait(false);
    }

    /// <summary><c>DynamicSupervisor.terminate_child/2</c>: stops the child by its shutdown spec and forgets it. Throws <see cref="SupervisorException"/> <c>not_found</c>.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="child">The child's pid.</param>
    public static Task TerminateChildAsync(Node node, ServerRef supervisor, Pid child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return Supervisor.CallAsync(node, supervisor, new TerminateChildRequest(child));
    }

    /// <summary><c>DynamicSupervisor.which_children/1</c>.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    public static Task<IReadOnlyList<ChildInfo>> WhichChildrenAsync(Node node, ServerRef supervisor) => Supervisor.WhichChildrenAsync(node, supervisor);

    /// <summary><c>DynamicSupervisor.count_children/1</c>.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    public static Task<ChildCounts> CountChildrenAsync(Node node, ServerRef supervisor) => Supervisor.CountChildrenAsync(node, supervisor);

    /// <summary><c>DynamicSupervisor.stop/3</c>: stops it and its children.</summary>
    /// <param name="node">The node the supervisor runs on.</param>
    /// <param name="supervisor">The DynamicSupervisor.</param>
    /// <param name="reason">The reason; normal if null.</param>
    public static Task StopAsync(Node node, ServerRef supervisor, object? reason = null) => GenServer.StopAsync(node, supervisor, reason);
}
