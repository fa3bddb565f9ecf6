using System.Text.Json;

namespace Otp.Dashboard.Internal;

/// <summary>Builds what the pages show from the runtime's introspection (Node, Observer, Sys) and the dashboard's samples.</summary>
internal static class Queries
{
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(1);
    private static readonly Atom Undefined = new("undefined");

    public static NodeView Node(DashboardState state)
    {
        var samples = state.Samples();
        var latest = samples[^1];
        var statistics = latest.Statistics;
        var gc = GC.GetGCMemoryInfo();
        var now = state.Time.GetUtcNow();
        return new NodeView(
            statistics.Name,
            now,
            (now - state.Started).TotalSeconds,
            state.Node.ProcessCount,
            statistics.ProcessesSpawned,
            statistics.MessagesSent,
            statistics.MessagesReceived,
            statistics.MessagesQueued,
            statistics.LongestMailbox,
            statistics.Restarts,
            latest.MessagesPerSecond,
            Environment.ProcessorCount,
            new MemoryView(Environment.WorkingSet, GC.GetTotalMemory(false), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), gc.PauseTimePercentage),
            new ThreadPoolView(ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, ThreadPool.CompletedWorkItemCount),
            state.Node.Applications().Select(a => a.Name).ToArray(),
            samples.Select(s => new ChartPoint(s.At, s.MessagesPerSecond, s.Statistics.ProcessCount)).ToArray(),
            state.Options.AllowKill);
    }

    public static ProcessList Processes(DashboardState state, string? filter, string? sort, bool descending)
    {
        sort = sort?.ToLowerInvariant() switch
        {
            "name" or "behaviour" or "status" or "mailbox" or "handled" => sort.ToLowerInvariant(),
            _ => "pid",
        };
        var text = filter?.Trim() ?? "";
        return state.Derived($"processes|{sort}|{descending}|{text}", all => List(all, text, sort, descending, state.Options.MaxRows));
    }

    private static ProcessList List(IReadOnlyList<ProcessInfo> all, string filter, string sort, bool descending, int maxRows)
    {
        var matching = filter.Length == 0 ? all : all.Where(p => Matches(p, filter));
        var sorted = sort switch
        {
            "name" => Order(matching, p => p.RegisteredName ?? "\uffff", descending, StringComparer.Ordinal),
            "behaviour" => Order(matching, p => p.Behaviour ?? "\uffff", descending, StringComparer.Ordinal),
            "status" => Order(matching, p => p.Status.ToString(), descending, StringComparer.Ordinal),
            "mailbox" => Order(matching, p => p.MessageQueueLength, descending, Comparer<int>.Default),
            "handled" => Order(matching, p => p.MessagesHandled, descending, Comparer<long>.Default),
            _ => Order(matching, p => p.Pid.Id, descending, Comparer<long>.Default),
        };
        var list = sorted.ToList();
        var rows = list.Take(maxRows).Select(Row).ToArray();
        return new ProcessList(all.Count, list.Count, rows.Length, sort, descending, rows);
    }

    public static async Task<ProcessDetail?> DetailAsync(DashboardState state, long id, CancellationToken cancellationToken)
    {
        if (state.Node.FindPid(id) is not { } pid || state.Node.GetInfo(pid) is not { } info)
        {
            return null;
        }

        string? text = null;
        string? error = null;
        if (info.Behaviour is "gen_server" or "agent" or "gen_statem")
        {
            try
            {
                var value = await Sys.GetStateAsync<object?>(state.Node, pid, StateTimeout, cancellationToken).ConfigureAwait(false);
                text = Describe(value);
            }
            catch (Exception failed) when (failed is CallTimeoutException or NoProcessException or ProcessExitedException)
            {
                error = $"sys:get_state failed: {failed.Message}";
            }
        }

        return new ProcessDetail(
            pid.Id,
            pid.ToString(),
            info.RegisteredName,
            info.Behaviour,
            info.Status.ToString(),
            info.MessageQueueLength,
            info.MessagesHandled,
            info.TrapExit,
            PidView.Of(info.Parent),
            info.Links.Select(p => PidView.Of(p)!).ToArray(),
            info.Monitors.Select(p => PidView.Of(p)!).ToArray(),
            info.MonitoredBy.Select(p => PidView.Of(p)!).ToArray(),
            text,
            error);
    }

    public static async Task<TreesView> TreesAsync(DashboardState state, CancellationToken cancellationToken)
    {
        var node = state.Node;
        var trees = new List<TreeView>();
        var shown = new HashSet<Pid>();
        foreach (var application in node.Applications())
        {
            if (application.TopSupervisor is { } top && node.IsAlive(top))
            {
                trees.Add(new TreeView(application.Name, await WalkAsync(state, top, shown, cancellationToken).ConfigureAwait(false)));
            }
        }

        // Supervision trees started without an application: supervisors whose parent is no supervisor.
        var supervisors = state.Derived("supervisors", all => all.Where(p => p.Behaviour is "supervisor" or "dynamic_supervisor").ToArray());
        foreach (var info in supervisors)
        {
            if (!shown.Contains(info.Pid) && node.IsAlive(info.Pid)
                && (info.Parent is null || node.GetInfo(info.Parent)?.Behaviour is not ("supervisor" or "dynamic_supervisor")))
            {
                trees.Add(new TreeView(null, await WalkAsync(state, info.Pid, shown, cancellationToken).ConfigureAwait(false)));
            }
        }

        var events = state.RecentRestarts().Select(e => new RestartEventView(
            e.At,
            e.Report.SupervisorName ?? e.Report.Supervisor.ToString(),
            e.Report.ChildId.ToString() ?? "",
            e.Report.Kind.ToString(),
            e.Report.ChildPid?.ToString(),
            Describe(e.Report.Reason))).ToArray();
        return new TreesView(trees, events);
    }

    private static async Task<TreeNodeView> WalkAsync(DashboardState state, Pid root, HashSet<Pid> shown, CancellationToken cancellationToken)
    {
        SupervisionTreeNode tree;
        try
        {
            tree = await Observer.WalkTreeAsync(state.Node, root, cancellationToken).ConfigureAwait(false);
        }
        catch (NoProcessException)
        {
            tree = new SupervisionTreeNode(root, null, ChildType.Supervisor, null, null, []);
        }

        return View(state, tree, null, shown);
    }

    private static TreeNodeView View(DashboardState state, SupervisionTreeNode tree, Pid? supervisor, HashSet<Pid> shown)
    {
        if (tree.Pid is { } pid)
        {
            shown.Add(pid);
        }

        // A DynamicSupervisor's children have no id (undefined): their restarts are counted on the supervisor only.
        var restarts = supervisor is null || Undefined.Equals(tree.Id) ? 0 : state.RestartsOf(supervisor, tree.Id);
        var childRestarts = tree.Pid is null || tree.Type != ChildType.Supervisor ? 0 : state.RestartsUnder(tree.Pid);
        var children = tree.Children.Select(c => View(state, c, tree.Pid, shown)).ToArray();
        var id = tree.Id is Pid ? "root" : tree.Id.ToString() ?? "";
        var type = tree.Type == ChildType.Supervisor ? "supervisor" : "worker";
        return new TreeNodeView(id, PidView.Of(tree.Pid), type, tree.Behaviour, tree.RegisteredName, restarts, childRestarts, children);
    }

    private static bool Matches(ProcessInfo info, string text) =>
        Contains(info.RegisteredName, text) || Contains(info.Behaviour, text) || Contains(info.Pid.ToString(), text) || Contains(info.Status.ToString(), text);

    private static bool Contains(string? value, string text) => value is not null && value.Contains(text, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ProcessInfo> Order<TKey>(IEnumerable<ProcessInfo> rows, Func<ProcessInfo, TKey> key, bool descending, IComparer<TKey> comparer)
    {
        var ordered = descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
        return ordered.ThenBy(p => p.Pid.Id);
    }

    private static ProcessRow Row(ProcessInfo p) =>
        new(p.Pid.Id, p.Pid.ToString(), p.RegisteredName, p.Behaviour, p.Status.ToString(), p.MessageQueueLength, p.MessagesHandled, p.Links.Count, p.Parent?.ToString());

    /// <summary>A value as text: records and atoms print well as they are; other objects as JSON where that works.</summary>
    public static string Describe(object? value)
    {
        if (value is null or string or Atom or Exception || value.GetType().IsPrimitive)
        {
            return value switch
            {
                null => "null",
                Exception e => $"{e.GetType().Name}: {e.Message}",
                _ => value.ToString() ?? "",
            };
        }

        var text = value.ToString() ?? "";
        if (text != value.GetType().ToString())
        {
            return text; // a record, a tuple, or a type that says what it is
        }

        try
        {
            return JsonSerializer.Serialize(value, Json.State);
        }
        catch (Exception unserialisable) when (unserialisable is NotSupportedException or JsonException or InvalidOperationException)
        {
            return text;
        }
    }
}
