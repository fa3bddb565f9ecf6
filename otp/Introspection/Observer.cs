namespace Otp;

/// <summary>
/// Introspection for teaching and for the observer exercise: what Erlang's <c>observer</c> and <c>sys</c> show.
/// Process details come from <see cref="Node.Processes"/> and <see cref="Node.GetInfo"/>; this class adds the views that
/// need several of them.
/// </summary>
public static class Observer
{
    /// <summary>
    /// Walks the supervision tree under <paramref name="root"/> (a Supervisor or DynamicSupervisor) from a process, asking
    /// each supervisor for its children (<c>which_children</c>) and descending into those that are supervisors. A
    /// supervisor that exits during the walk shows with no children. Throws <see cref="NoProcessException"/> if
    /// <paramref name="root"/> is not alive.
    /// </summary>
    /// <param name="caller">The calling process.</param>
    /// <param name="root">The top supervisor.</param>
    /// <param name="cancellationToken">Gives up the walk.</param>
    public static Task<SupervisionTreeNode> WalkTreeAsync(ProcessContext caller, ServerRef root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return WalkTreeAsync(caller.Node, root, cancellationToken);
    }

    /// <summary>Walks the supervision tree under <paramref name="root"/> from outside any process (see <see cref="WalkTreeAsync(ProcessContext, ServerRef, CancellationToken)"/>).</summary>
    /// <param name="node">The node the tree runs on.</param>
    /// <param name="root">The top supervisor.</param>
    /// <param name="cancellationToken">Gives up the walk.</param>
    public static async Task<SupervisionTreeNode> WalkTreeAsync(Node node, ServerRef root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        cancellationToken.ThrowIfCancellationRequested();
        var pid = GenServer.WhereIs(node, root) ?? throw new NoProcessException(root);
        return await WalkAsync(node, pid, pid, ChildType.Supervisor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Snapshots of every live process, oldest first: the observer's Processes tab.</summary>
    /// <param name="node">The node.</param>
    public static IReadOnlyList<ProcessInfo> ProcessTable(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Snapshots();
    }

    /// <summary>Snapshots of every live process, from a process (see <see cref="ProcessTable(Node)"/>).</summary>
    /// <param name="caller">The asking process.</param>
    public static IReadOnlyList<ProcessInfo> ProcessTable(ProcessContext caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ProcessTable(caller.Node);
    }

    private static async Task<SupervisionTreeNode> WalkAsync(Node node, object id, Pid? pid, ChildType type, CancellationToken cancellationToken)
    {
        var info = pid is null ? null : node.GetInfo(pid);
        var children = new List<SupervisionTreeNode>();
        if (pid is not null && info?.Behaviour is "supervisor" or "dynamic_supervisor")
        {
            IReadOnlyList<ChildInfo> which;
            try
            {
                which = await Supervisor.WhichChildrenAsync(node, pid, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception gone) when (gone is NoProcessException or ProcessExitedException)
            {
                which = [];
            }

            // A Supervisor lists its newest child first; the tree reads better in start order.
            var inStartOrder = info.Behaviour == "supervisor" ? which.Reverse() : which;
            foreach (var child in inStartOrder)
            {
                children.Add(await WalkAsync(node, child.Id, child.Pid, child.Type, cancellationToken).ConfigureAwait(false));
            }
        }

        return new SupervisionTreeNode(id, pid, type, info?.Behaviour, info?.RegisteredName, children);
    }
}
