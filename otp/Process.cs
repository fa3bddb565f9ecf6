namespace Otp;

/// <summary>
/// A process: a mailbox, a body scheduled on the thread pool, and its links and monitors.
/// All state is guarded by the process's own lock; user code (the body, predicates) never runs under it,
/// and exit notifications to other processes are sent after the lock is released.
/// </summary>
internal sealed partial class Process : IThreadPoolWorkItem, IDownHandler
{
    [ThreadStatic]
    private static int t_notifyDepth;

    private readonly Func<ProcessContext, Task>? _body;
    private bool _dead;
    private object? _reason;
    private bool _trapExit;
    private HashSet<Process>? _links;
    private HashSet<MonitorRef>? _monitoredBy;
    private HashSet<MonitorRef>? _monitoring;
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

    /// <summary>The registered name; written by <see cref="Otp.Node"/> under this process's lock.</summary>
    public string? RegisteredName { get; set; }

    public bool IsAlive
    {
        get
        {
            lock (this)
            {
                return !_dead;
            }
        }
    }

    public object? ExitReasonOrNull
    {
        get
        {
            lock (this)
            {
                return _reason;
            }
        }
    }

    public bool TrapExit
    {
        get
        {
            lock (this)
            {
                return _trapExit;
            }
        }

        set
        {
            lock (this)
            {
                _trapExit = value;
            }
        }
    }

    public bool IsWaiting
    {
        get
        {
            lock (this)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Cancelled when the process exits, so long-running code can stop cooperatively.</summary>
    public CancellationToken ExitToken
    {
        get
        {
            lock (this)
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

    /// <summary>Starts the body on the thread pool.</summary>
    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    void IThreadPoolWorkItem.Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        object reason = ExitReason.Normal;
        try
        {
            await _body!(Context).ConfigureAwait(false);
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
        HashSet<Process>? links;
        HashSet<MonitorRef>? monitoredBy;
        HashSet<MonitorRef>? monitoring;
        CancellationTokenSource? exiting;
        bool wasWaiting;
        lock (this)
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
            _links = null;
            _monitoredBy = null;
            _monitoring = null;
            wasWaiting = ClearMailboxLocked();
        }

        if (wasWaiting)
        {
            _waiter.SetResult(Wake.Exited);
        }

        Node.OnExited(this);
        exiting?.Cancel();

        // A long chain of links would otherwise recurse once per process: past a few levels, continue on the pool.
        if (t_notifyDepth > 32)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Notify(reason, links, monitoredBy, monitoring), null);
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

    private void Notify(object reason, HashSet<Process>? links, HashSet<MonitorRef>? monitoredBy, HashSet<MonitorRef>? monitoring)
    {
        if (monitoring is not null)
        {
            foreach (var monitor in monitoring)
            {
                monitor.Target?.RemoveMonitor(monitor);
            }
        }

        if (links is not null)
        {
            foreach (var linked in links)
            {
                linked.OnLinkedExit(this, reason);
            }
        }

        if (monitoredBy is not null)
        {
            foreach (var monitor in monitoredBy.OrderBy(m => m.Id)) // oldest monitor first: a deterministic order for readers
            {
                monitor.Watcher.OnDown(monitor, Pid, reason);
            }
        }
    }

    /// <summary>
    /// An exit signal: from a linked process that exited (<paramref name="viaLink"/>) or sent with exit/2.
    /// Erlang's rules: <c>kill</c> sent directly cannot be trapped and becomes <c>killed</c>; a trapping process gets
    /// an <see cref="ExitMessage"/>; otherwise <c>normal</c> is ignored (unless a process sends it to itself) and
    /// anything else ends the process with that reason.
    /// </summary>
    public void ExitSignal(Pid from, object reason, bool viaLink)
    {
        bool trap;
        lock (this)
        {
            if (_dead)
            {
                return;
            }

            trap = _trapExit;
        }

        if (!viaLink && ExitReason.Kill.Equals(reason))
        {
            Terminate(ExitReason.Killed);
        }
        else if (trap)
        {
            Enqueue(new ExitMessage(from, reason));
        }
        else if (ExitReason.Normal.Equals(reason))
        {
            if (!viaLink && from == Pid)
            {
                Terminate(reason);
            }
        }
        else
        {
            Terminate(reason);
        }
    }

    private void OnLinkedExit(Process exited, object reason)
    {
        lock (this)
        {
            // Unlinked in the meantime: Erlang guarantees no signal from a link once unlink has returned.
            if (_dead || _links is null || !_links.Remove(exited))
            {
                return;
            }
        }

        ExitSignal(exited.Pid, reason, viaLink: true);
    }

    /// <summary>Links two processes, both ways; false if <paramref name="other"/> is dead (the caller decides what noproc means).</summary>
    public bool Link(Process other)
    {
        if (other == this)
        {
            return true;
        }

        // Lock both, in a fixed order, so a link is never half made while one of them dies.
        var (first, second) = Pid.Id < other.Pid.Id ? (this, other) : (other, this);
        lock (first)
        {
            lock (second)
            {
                if (_dead)
                {
                    throw ProcessKilledSignal.Instance;
                }

                if (other._dead)
                {
                    return false;
                }

                (_links ??= []).Add(other);
                (other._links ??= []).Add(this);
                return true;
            }
        }
    }

    public void Unlink(Process other)
    {
        var (first, second) = Pid.Id < other.Pid.Id ? (this, other) : (other, this);
        lock (first)
        {
            lock (second)
            {
                _links?.Remove(other);
                other._links?.Remove(this);
            }
        }
    }

    /// <summary>Adds a monitor held by <paramref name="watcher"/>; if this process is already dead, DOWN with noproc comes at once.</summary>
    public MonitorRef AddMonitor(IDownHandler watcher, Process? holder)
    {
        var monitor = new MonitorRef(this, watcher);
        bool dead;
        lock (this)
        {
            dead = _dead;
            if (!dead)
            {
                (_monitoredBy ??= []).Add(monitor);
            }
        }

        if (dead)
        {
            watcher.OnDown(monitor, Pid, ExitReason.NoProc);
        }
        else if (holder is not null)
        {
            lock (holder)
            {
                if (!holder._dead)
                {
                    (holder._monitoring ??= []).Add(monitor);
                }
            }
        }

        return monitor;
    }

    /// <summary>Removes a monitor; true if it was still active (no DOWN sent yet).</summary>
    public bool RemoveMonitor(MonitorRef monitor)
    {
        lock (this)
        {
            return _monitoredBy?.Remove(monitor) ?? false;
        }
    }

    public void ForgetMonitor(MonitorRef monitor)
    {
        lock (this)
        {
            _monitoring?.Remove(monitor);
        }
    }

    /// <summary>A monitor held by this process fired: forget it and queue the DOWN message.</summary>
    void IDownHandler.OnDown(MonitorRef monitor, Pid pid, object reason)
    {
        ForgetMonitor(monitor);
        Enqueue(new DownMessage(monitor, pid, reason));
    }

    /// <summary>A consistent copy of what introspection shows.</summary>
    public ProcessInfo Snapshot()
    {
        lock (this)
        {
            var status = _dead ? ProcessStatus.Exited : _waiting ? ProcessStatus.Waiting : ProcessStatus.Running;
            return new ProcessInfo(
                Pid,
                status,
                _sharedCount + _localCount,
                Volatile.Read(ref _handled),
                _links?.Select(p => p.Pid).Order().ToArray() ?? [],
                _monitoring?.Where(m => m.Target is not null).Select(m => m.Target!.Pid).ToArray() ?? [],
                _monitoredBy?.Select(m => m.Watcher).OfType<Process>().Select(p => p.Pid).ToArray() ?? [],
                RegisteredName,
                Behaviour,
                _trapExit,
                Parent,
                _reason);
        }
    }
}
