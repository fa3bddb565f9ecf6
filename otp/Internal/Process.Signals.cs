namespace Otp;

/// <summary>
/// The signal half of a process: exit signals, links and monitors. Links are made and removed with both processes
/// private locks held (in pid order), so a link is never half made while one side dies. A monitor is recorded on both
/// sides; its DOWN is queued only if the watching process still holds it, decided under the watcher's lock, so once
/// demonitor has returned no DOWN for it can arrive (erlang:demonitor/2).
/// </summary>
internal sealed partial class Process
{
    /// <summary>
    /// An exit signal: from a linked process that exited (<paramref name="viaLink"/>) or sent with exit/2.
    /// Erlang's rules: <c>kill</c> sent directly cannot be trapped and becomes <c>killed</c>; a trapping process gets
    /// an <see cref="ExitMessage"/>; otherwise <c>normal</c> is ignored (unless a process sends it to itself) and
    /// anything else ends the process with that reason.
    /// </summary>
    public void ExitSignal(Pid from, object reason, bool viaLink)
    {
        bool trap;
        lock (_lock)
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
        lock (_lock)
        {
            // Unlinked in the meantime: Erlang guarantees no signal from a link once unlink has returned.
            if (_dead || !SmallSet.Remove(ref _links, exited))
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
        lock (first._lock)
        {
            lock (second._lock)
            {
                if (_dead)
                {
                    throw ProcessKilledSignal.Instance;
                }

                if (other._dead)
                {
                    return false;
                }

                SmallSet.Add(ref _links, other);
                SmallSet.Add(ref other._links, this);
                return true;
            }
        }
    }

    public void Unlink(Process other)
    {
        var (first, second) = Pid.Id < other.Pid.Id ? (this, other) : (other, this);
        lock (first._lock)
        {
            lock (second._lock)
            {
                SmallSet.Remove(ref _links, other);
                SmallSet.Remove(ref other._links, this);
            }
        }
    }

    /// <summary>
    /// Adds a monitor held by <paramref name="watcher"/>; if this process is already dead, DOWN with noproc comes at once.
    /// A process watcher must be its own <paramref name="holder"/>: it queues a DOWN only for a monitor it still holds.
    /// </summary>
    public MonitorRef AddMonitor(IDownHandler watcher, Process? holder)
    {
        var monitor = new MonitorRef(this, watcher);

        // The holder records it first: if this process dies meanwhile, the DOWN that follows finds it and forgets it.
        holder?.RecordMonitor(monitor);

        bool dead;
        lock (_lock)
        {
            dead = _dead;
            if (!dead)
            {
                SmallSet.Add(ref _monitoredBy, monitor); // commonly one, a caller waiting for a reply: no set to allocate
            }
        }

        if (dead)
        {
            watcher.OnDown(monitor, Pid, ExitReason.NoProc);
        }

        return monitor;
    }

    /// <summary>Removes a monitor; true if it was still active (no DOWN sent yet).</summary>
    public bool RemoveMonitor(MonitorRef monitor)
    {
        lock (_lock)
        {
            return SmallSet.Remove(ref _monitoredBy, monitor);
        }
    }

    /// <summary>
    /// Drops a monitor this process holds (demonitor); true if it still held it, so no DOWN for it was queued and none
    /// will be. Under the same lock as <see cref="IDownHandler.OnDown"/>: a DOWN is either already in the mailbox (for
    /// a flush to take) or never comes.
    /// </summary>
    public bool ForgetMonitor(MonitorRef monitor)
    {
        lock (_lock)
        {
            return ForgetMonitorLocked(monitor);
        }
    }

    /// <summary>A monitor held by this process fired: queue the DOWN, unless this process dropped the monitor meanwhile.</summary>
    void IDownHandler.OnDown(MonitorRef monitor, Pid pid, object reason)
    {
        bool wake;
        lock (_lock)
        {
            // Demonitored meanwhile (or dead): Erlang places no DOWN once demonitor has returned.
            if (!ForgetMonitorLocked(monitor))
            {
                return;
            }

            wake = Push(new DownMessage(monitor, pid, reason)); // complete before the lock is released: a flush then finds it
        }

        if (wake)
        {
            _waiter.SetResult(Wake.Message);
        }
    }

    private void RecordMonitor(MonitorRef monitor)
    {
        lock (_lock)
        {
            if (!_dead)
            {
                SmallSet.Add(ref _monitoring, monitor);
            }
        }
    }

    private bool ForgetMonitorLocked(MonitorRef monitor) => SmallSet.Remove(ref _monitoring, monitor);

    private static MonitorRef[] Watchers(object? monitoredBy) => SmallSet.ToArray<MonitorRef>(monitoredBy);
}
