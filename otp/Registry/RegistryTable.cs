namespace Otp;

/// <summary>
/// The store of a <see cref="Registry"/>: its keys, the entries under them, and the owners it watches (one monitor per
/// owner). No user code runs under its lock.
/// </summary>
internal sealed class RegistryTable : IDownHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<object, List<Slot>> _entries = [];
    private readonly Dictionary<Pid, Owned> _owners = [];
    private int _count;

    /// <summary>The number of entries, including those of owners that have exited and are not yet removed.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Adds an entry; false if the owner is dead or, with <paramref name="unique"/>, the key is held by a live process
    /// (then <paramref name="holder"/> says which). A key whose holder has exited is taken over at once, even before the
    /// holder's DOWN has reached the registry: links fire before monitors, so a supervisor may restart a named child
    /// before the registry has heard of its death.
    /// </summary>
    public bool Register(Pid owner, Process process, object key, object? value, bool unique, out Pid? holder)
    {
        holder = null;
        lock (_lock)
        {
            if (unique && _entries.TryGetValue(key, out var taken) && taken.Count > 0)
            {
                var current = taken[0].Owner;
                if (current.Process!.IsAlive)
                {
                    holder = current;
                    return false;
                }

                RemoveLocked(current, key, _ => true);
            }

            if (!_owners.TryGetValue(owner, out var owned))
            {
                // The first entry of this owner: watch it. A dead owner fires at once and nothing is added.
                if (!process.IsAlive)
                {
                    return false;
                }

                owned = new Owned(process.AddMonitor(this, null));
                _owners[owner] = owned;
            }

            if (!_entries.TryGetValue(key, out var list))
            {
                _entries[key] = list = [];
            }

            list.Add(new Slot(owner, value));
            owned.Keys.Add(key);
            _count++;
            if (!process.IsAlive)
            {
                // It died before the monitor was in place, so the monitor fired before the entry existed.
                ForgetOwnerLocked(owner, owned.Monitor);
                return false;
            }

            return true;
        }
    }

    /// <summary>Removes the entries <paramref name="owner"/> holds under <paramref name="key"/>; how many went.</summary>
    public int Unregister(Pid owner, object key)
    {
        lock (_lock)
        {
            return RemoveLocked(owner, key, _ => true);
        }
    }

    /// <summary>
    /// Removes the entries of <paramref name="owner"/> under <paramref name="key"/> that <paramref name="pattern"/> accepts
    /// (the pattern runs outside the lock, on a copy); how many went and how many of the owner's entries under the key remain.
    /// </summary>
    public (int Removed, int Remaining) UnregisterMatch(Pid owner, object key, Func<object?, bool> pattern)
    {
        Slot[] mine;
        lock (_lock)
        {
            mine = _entries.TryGetValue(key, out var list) ? list.Where(s => s.Owner == owner).ToArray() : [];
        }

        var doomed = mine.Where(s => pattern(s.Value)).ToHashSet();
        lock (_lock)
        {
            var removed = doomed.Count == 0 ? 0 : RemoveLocked(owner, key, doomed.Contains);
            var remaining = _entries.TryGetValue(key, out var list) ? list.Count(s => s.Owner == owner) : 0;
            return (removed, remaining);
        }
    }

    /// <summary>The owner of the first entry under <paramref name="key"/>, alive or not.</summary>
    public Pid? FirstOwner(object key)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var list) && list.Count > 0 ? list[0].Owner : null;
        }
    }

    /// <summary>Adds the live entries under <paramref name="key"/> to <paramref name="into"/>, in registration order.</summary>
    public void Lookup(object key, List<RegistryEntry> into)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var list))
            {
                foreach (var slot in list)
                {
                    if (slot.Owner.Process!.IsAlive)
                    {
                        into.Add(new RegistryEntry(slot.Owner, slot.Value));
                    }
                }
            }
        }
    }

    /// <summary>Adds every live entry, with its key, to <paramref name="into"/>.</summary>
    public void Snapshot(List<(object Key, Pid Pid, object? Value)> into)
    {
        lock (_lock)
        {
            foreach (var (key, list) in _entries)
            {
                foreach (var slot in list)
                {
                    if (slot.Owner.Process!.IsAlive)
                    {
                        into.Add((key, slot.Owner, slot.Value));
                    }
                }
            }
        }
    }

    /// <summary>Adds the keys <paramref name="owner"/> holds to <paramref name="into"/>.</summary>
    public void KeysOf(Pid owner, List<object> into)
    {
        lock (_lock)
        {
            if (_owners.TryGetValue(owner, out var owned))
            {
                into.AddRange(owned.Keys);
            }
        }
    }

    /// <summary>The value of <paramref name="owner"/>'s first entry under <paramref name="key"/> (unique registries).</summary>
    public bool TryReadOwn(Pid owner, object key, out object? value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var list) && list.Count > 0 && list[0].Owner == owner)
            {
                value = list[0].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Replaces the value of <paramref name="owner"/>'s first entry under <paramref name="key"/>, if it still holds one.</summary>
    public bool TryWriteOwn(Pid owner, object key, object? value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var list) && list.Count > 0 && list[0].Owner == owner)
            {
                list[0] = new Slot(owner, value);
                return true;
            }
        }

        return false;
    }

    // An owner exited: all its entries go.
    void IDownHandler.OnDown(MonitorRef monitor, Pid pid, object reason)
    {
        lock (_lock)
        {
            ForgetOwnerLocked(pid, monitor);
        }
    }

    private void ForgetOwnerLocked(Pid owner, MonitorRef monitor)
    {
        if (!_owners.TryGetValue(owner, out var owned) || owned.Monitor != monitor)
        {
            return; // already forgotten (unregistered, or taken over after it died)
        }

        _owners.Remove(owner);
        foreach (var key in owned.Keys.Distinct().ToArray())
        {
            RemoveEntriesLocked(owner, key, _ => true);
        }
    }

    // Removes the owner's entries under the key that the filter accepts, and stops watching an owner with nothing left.
    private int RemoveLocked(Pid owner, object key, Func<Slot, bool> which)
    {
        var removed = RemoveEntriesLocked(owner, key, which);
        if (removed > 0 && _owners.TryGetValue(owner, out var owned))
        {
            for (var i = 0; i < removed; i++)
            {
                owned.Keys.Remove(key);
            }

            if (owned.Keys.Count == 0)
            {
                _owners.Remove(owner);
                owned.Monitor.Target?.RemoveMonitor(owned.Monitor);
            }
        }

        return removed;
    }

    private int RemoveEntriesLocked(Pid owner, object key, Func<Slot, bool> which)
    {
        if (!_entries.TryGetValue(key, out var list))
        {
            return 0;
        }

        var removed = list.RemoveAll(s => s.Owner == owner && which(s));
        if (list.Count == 0)
        {
            _entries.Remove(key);
        }

        _count -= removed;
        return removed;
    }

    /// <summary>One entry. A class, so an entry can be told from an equal one registered twice.</summary>
    private sealed class Slot(Pid owner, object? value)
    {
        public Pid Owner { get; } = owner;

        public object? Value { get; } = value;
    }

    /// <summary>What the table knows of one owner: its monitor and its keys (a key once per entry).</summary>
    private sealed class Owned(MonitorRef monitor)
    {
        public MonitorRef Monitor { get; } = monitor;

        public List<object> Keys { get; } = [];
    }
}
