namespace Otp;

/// <summary>
/// The per-key locks of <see cref="Registry.LockAsync{T}(Pid, object, Func{Task{T}}, CancellationToken)"/>: Elixir's
/// <c>Registry.lock/3</c>. One holder per key, the others wait in arrival order; a holder that exits releases its lock
/// (it is monitored), and a waiter that exits or gives up leaves the queue.
/// </summary>
internal sealed class RegistryLocks
{
    private readonly Lock _lock = new();
    private readonly Dictionary<object, KeyLock> _held = [];

    /// <summary>Waits until <paramref name="owner"/> holds <paramref name="key"/>'s lock; the ticket releases it.</summary>
    public async Task<Ticket> AcquireAsync(Pid owner, Process process, object key, CancellationToken cancellationToken)
    {
        var ticket = new Ticket(this, key, owner);
        bool free;
        lock (_lock)
        {
            free = !_held.TryGetValue(key, out var keyLock);
            if (free)
            {
                _held[key] = new KeyLock(ticket);
                ticket.Granted.SetResult();
            }
            else
            {
                keyLock!.Waiters.AddLast(ticket);
            }
        }

        if (free)
        {
            // Watched outside the lock: an owner already dead fires its DOWN at once, which releases the lock.
            ticket.Watch(process);
            return ticket;
        }

        // A waiter stops waiting when its caller gives up or its process exits.
        using var exited = process.ExitToken.UnsafeRegister(t => Withdraw((Ticket)t!), ticket);
        using var cancelled = cancellationToken.UnsafeRegister(t => Withdraw((Ticket)t!), ticket);
        try
        {
            await ticket.Granted.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested(); // the caller's own token, when it was the one
            throw;
        }

        return ticket;
    }

    /// <summary>Releases the lock <paramref name="ticket"/> holds (once) and hands it to the next live waiter.</summary>
    public void Release(Ticket ticket)
    {
        Ticket? next = null;
        lock (_lock)
        {
            if (!_held.TryGetValue(ticket.Key, out var keyLock) || keyLock.Holder != ticket)
            {
                return;
            }

            while (keyLock.Waiters.First is { } first)
            {
                keyLock.Waiters.RemoveFirst();
                if (first.Value.Owner.Process!.IsAlive)
                {
                    next = first.Value;
                    break;
                }

                first.Value.Granted.TrySetCanceled(); // its process exited while it waited
            }

            if (next is null)
            {
                _held.Remove(ticket.Key);
            }
            else
            {
                keyLock.Holder = next;
            }
        }

        ticket.Unwatch();
        if (next is not null)
        {
            next.Watch(next.Owner.Process!);
            next.Granted.TrySetResult();
        }
    }

    private void Withdraw(Ticket ticket)
    {
        lock (_lock)
        {
            if (!_held.TryGetValue(ticket.Key, out var keyLock) || !keyLock.Waiters.Remove(ticket))
            {
                return; // already granted: the holder releases it as usual
            }
        }

        ticket.Granted.TrySetCanceled();
    }

    /// <summary>One request for a key's lock: waiting, then holding.</summary>
    internal sealed class Ticket(RegistryLocks locks, object key, Pid owner) : IDownHandler
    {
        private MonitorRef? _monitor;

        public object Key { get; } = key;

        public Pid Owner { get; } = owner;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Watches the holder, so its exit releases the lock. An owner already dead releases it at once.</summary>
        public void Watch(Process process) => _monitor = process.AddMonitor(this, null);

        public void Unwatch()
        {
            var monitor = _monitor;
            monitor?.Target?.RemoveMonitor(monitor);
        }

        void IDownHandler.OnDown(MonitorRef monitor, Pid pid, object reason) => locks.Release(this);
    }

    private sealed class KeyLock(Ticket holder)
    {
        public Ticket Holder { get; set; } = holder;

        public LinkedList<Ticket> Waiters { get; } = new();
    }
}
