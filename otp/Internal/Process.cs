namespace Otp;

/// <summary>
/// A process: a mailbox, a body scheduled on the thread pool, and its links and monitors.
/// All state is guarded by the process's private lock (two processes being linked take both, in pid order); user code (the body, predicates) never runs under it,
/// and exit notifications to other processes are sent after the lock is released.
/// </summary>
internal sealed partial class Process : IThreadPoolWorkItem, IDownHandler
{
    [ThreadStatic]
    private static int t_notifyDepth;

    private readonly Lock _lock = new();
    private Func<ProcessContext, Task>? _body; // dropped once started: its closure may hold start-up state
    private volatile bool _dead; // written under the lock; read without it only to stop the code of a dead process early
    private object? _reason;
    private bool _trapExit;
    private object? _links; // a SmallSet of Process: most processes have at most one link
    private object? _monitoredBy; // null, one MonitorRef, or a HashSet of them: most processes have at most one watcher
    private object? _monitoring; // a SmallSet of the MonitorRefs this process holds
    private CancellationTokenSource? _exiting;

    public Process(Node node, long id, Func<ProcessContext, Task>? body, Pid? parent)
    {
        Node = node;
        Pid = new Pid(id, this);
        Context = new ProcessContext(this);
        Parent = parent;
        _body = body;
    }

    public Node Node { get; }

    public Pid Pid { get; }

    public ProcessContext Context { get; }

    public Pid? Parent { get; }

    /// <summary>The behaviour the process runs (<c>gen_server</c>, <c>supervisor</c>...), for introspection.</summary>
    public string? Behaviour { get; set; }

    /// <summary>The registered name; written only under this process's lock (<see cref="TryRegister"/>, <see cref="TryUnregister"/>).</summary>
    public string? RegisteredName { get; private set; }

    /// <summary>True once the process has exited; a lock-free read for the process's own code.</summary>
    public bool HasExited => _dead;

    public bool IsAlive
    {
        get
        {
            lock (_lock)
            {
                return !_dead;
            }
        }
    }

    public object? ExitReasonOrNull
    {
        get
        {
            lock (_lock)
            {
                return _reason;
            }
        }
    }

    public bool TrapExit
    {
        get
        {
            lock (_lock)
            {
                return _trapExit;
            }
        }

        set
        {
            lock (_lock)
            {
                _trapExit = value;
            }
        }
    }

    /// <summary>Cancelled when the process exits, so long-running code can stop cooperatively.</summary>
    public CancellationToken ExitToken
    {
        get
        {
            lock (_lock)
            {
                if (_dead)
                {
                    return new CancellationToken(canceled: true);
                }

                _exiting ??= new CancellationTokenSource();
                return _exiting.Token;
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="name"/> in <paramref name="names"/> for this process, under its lock, so a process never gets
    /// a name after it has exited (and freed its names): false if it is dead, already named, or the name is taken.
    /// </summary>
    public bool TryRegister(string name, System.Collections.Concurrent.ConcurrentDictionary<string, Process> names)
    {
        lock (_lock)
        {
            if (_dead || RegisteredName is not null || !names.TryAdd(name, this))
            {
                return false;
            }

            RegisteredName = name;
            return true;
        }
    }

    /// <summary>Frees <paramref name="name"/> if this process holds it in <paramref name="names"/>.</summary>
    public bool TryUnregister(string name, System.Collections.Concurrent.ConcurrentDictionary<string, Process> names)
    {
        lock (_lock)
        {
            if (!names.TryRemove(new KeyValuePair<string, Process>(name, this)))
            {
                return false;
            }

            RegisteredName = null;
            return true;
        }
    }

    /// <summary>Starts the body on the thread pool.</summary>
    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        object reason = ExitReason.Normal;
        try
        {
            var body = _body!;
            _body = null;
            await body(Context).ConfigureAwait(false);
        }
        catch (ProcessKilledSignal)
        {
            DropLocal();
            return; // already dead: an exit signal ended it while its code ran
        }
        catch (ExitException exit)
        {
            reason = exit.Reason;
        }
        catch (Exception crash)
        {
            reason = crash;
        }

        DropLocal(); // the body is done: nobody will receive again
        Terminate(reason);
    }

    /// <summary>
    /// Ends the process with <paramref name="reason"/> (once): drops its mailbox, frees its name, then tells linked
    /// processes and monitors. Erlang frees the name before the exit signals go out, so a supervisor can restart
    /// a registered child at once.
    /// </summary>
    public void Terminate(object reason)
    {
        object? links;
        object? monitoredBy;
        object? monitoring;
        CancellationTokenSource? exiting;
        bool wasWaiting;
        int dropped;
        lock (_lock)
        {
            if (_dead)
            {
                return;
            }

            _dead = true;
            _reason = reason;
            links = _links;
            monitoredBy = _monitoredBy;
            monitoring = _monitoring;
            exiting = _exiting;
            dropped = MessageCount;
            _links = null;
            _monitoredBy = null;
            _monitoring = null;
            wasWaiting = CloseMailbox();
        }

        if (wasWaiting)
        {
            _waiter.SetResult(Wake.Exited);
        }

        Node.OnExited(this, reason, MessagesHandled, dropped);
        if (exiting is not null)
        {
            // Marks the token at once; its callbacks (user code) run on the thread pool, not on the thread sending the signal.
            _ = exiting.CancelAsync();
        }

        // A long chain of links would otherwise recurse once per process: past a few levels, continue on the pool.
        if (t_notifyDepth > 32)
        {
            NotifyLater(reason, links, monitoredBy, monitoring);
        }
        else
        {
            t_notifyDepth++;
            try
            {
                Notify(reason, links, monitoredBy, monitoring);
            }
            finally
            {
                t_notifyDepth--;
            }
        }
    }

    // A method of its own: a lambda in Terminate would allocate its closure on every exit, deferred or not.
    private void NotifyLater(object reason, object? links, object? monitoredBy, object? monitoring) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ => Notify(reason, links, monitoredBy, monitoring), null);

    private void Notify(object reason, object? links, object? monitoredBy, object? monitoring)
    {
        switch (monitoring)
        {
            case MonitorRef one:
                one.Target?.RemoveMonitor(one);
                break;
            case HashSet<MonitorRef> many:
                foreach (var monitor in many)
                {
                    monitor.Target?.RemoveMonitor(monitor);
                }

                break;
        }

        switch (links)
        {
            case Process one:
                one.OnLinkedExit(this, reason);
                break;
            case HashSet<Process> many:
                foreach (var linked in many)
                {
                    linked.OnLinkedExit(this, reason);
                }

                break;
        }

        if (monitoredBy is MonitorRef only)
        {
            only.Watcher.OnDown(only, Pid, reason);
        }
        else if (monitoredBy is not null)
        {
            var watchers = Watchers(monitoredBy);
            Array.Sort(watchers, static (a, b) => a.Id.CompareTo(b.Id)); // oldest monitor first: a deterministic order for readers
            foreach (var monitor in watchers)
            {
                monitor.Watcher.OnDown(monitor, Pid, reason);
            }
        }
    }

    // The three lists of a snapshot, built without intermediate enumerables: a table of 100,000 processes is 100,000
    // snapshots, and most lists are empty (the shared empty array).
    private Pid[] LinkedPids()
    {
        var pids = PidsOf(SmallSet.ToArray<Process>(_links), static link => link);
        Array.Sort(pids);
        return pids;
    }

    private Pid[] MonitoredPids() => PidsOf(SmallSet.ToArray<MonitorRef>(_monitoring), static monitor => monitor.Target);

    private Pid[] MonitoringPids() => PidsOf(Watchers(_monitoredBy), static monitor => monitor.Watcher as Process);

    /// <summary>The pids of the processes <paramref name="processOf"/> finds in <paramref name="items"/> (skipping nulls), in their order.</summary>
    private static Pid[] PidsOf<T>(T[] items, Func<T, Process?> processOf)
    {
        var count = 0;
        foreach (var item in items)
            count += processOf(item) is null ? 0 : 1;
        if (count == 0)
            return [];
        var pids = new Pid[count];
        count = 0;
        foreach (var item in items)
        {
            if (processOf(item) is { } process)
                pids[count++] = process.Pid;
        }

        return pids;
    }

    /// <summary>A consistent copy of what introspection shows.</summary>
    public ProcessInfo Snapshot()
    {
        lock (_lock)
        {
            var status = _dead ? ProcessStatus.Exited : IsWaiting ? ProcessStatus.Waiting : ProcessStatus.Running;
            return new ProcessInfo(
                Pid,
                status,
                MessageCount,
                Volatile.Read(ref _handled),
                LinkedPids(),
                MonitoredPids(),
                MonitoringPids(),
                RegisteredName,
                Behaviour,
                _trapExit,
                Parent,
                _reason);
        }
    }
}
