namespace Otp;

/// <summary>
/// A local, in-memory key/process registry: Elixir's <c>Registry</c>. Keys are unique or duplicate; every entry belongs to the
/// process that registered it and is removed when that process exits (the registry monitors owners). A unique registry is
/// an <see cref="INameRegistry"/>, so <c>ServerName.Via(registry, key)</c> names servers.
/// Where .NET differs: there is no implicit <c>self()</c>, so the owner is passed explicitly; the registry is a thread-safe
/// object rather than a supervised process tree, and it has no partitions.
/// </summary>
public sealed class Registry : INameRegistry, IDownHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<object, List<(Pid Owner, object? Value)>> _entries = [];
    private readonly Dictionary<Pid, (MonitorRef Monitor, List<object> Keys)> _owners = [];

    /// <summary>Creates a registry: Elixir's <c>Registry.start_link(keys: Keys)</c>.</summary>
    /// <param name="keys">Unique or duplicate keys.</param>
    public Registry(RegistryKeys keys) => Keys = keys;

    /// <summary>Unique or duplicate keys.</summary>
    public RegistryKeys Keys { get; }

    /// <summary>
    /// <c>Registry.register/3</c>: registers <paramref name="owner"/> under <paramref name="key"/> with <paramref name="value"/>.
    /// False in a unique registry when the key is taken (Elixir's <c>{:error, {:already_registered, pid}}</c>; <see cref="Lookup"/> tells who).
    /// Also false if the owner is not alive.
    /// </summary>
    /// <param name="owner">The registering process (Elixir uses the caller's <c>self()</c>).</param>
    /// <param name="key">The key.</param>
    /// <param name="value">Any value kept with the entry.</param>
    public bool Register(Pid owner, object key, object? value = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);
        if (owner.Process is not { } process)
        {
            return false;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var list) && Keys == RegistryKeys.Unique && list.Count > 0)
            {
                return false;
            }

            if (!_owners.TryGetValue(owner, out var owned))
            {
                // The first entry of this owner: watch it. A dead owner fires at once and nothing is added.
                if (!process.IsAlive)
                {
                    return false;
                }

                owned = (process.AddMonitor(this, null), []);
                _owners[owner] = owned;
            }

            (list ??= _entries[key] = []).Add((owner, value));
            owned.Keys.Add(key);
            if (!process.IsAlive)
            {
                // It died before the monitor was in place, so the monitor fired before the entry existed.
                ((IDownHandler)this).OnDown(owned.Monitor, owner, ExitReason.NoProc);
                return false;
            }

            return true;
        }
    }

    /// <summary><c>Registry.unregister/2</c>: removes every entry <paramref name="owner"/> holds under <paramref name="key"/>.</summary>
    /// <param name="owner">The process whose entries to remove.</param>
    /// <param name="key">The key.</param>
    public void Unregister(Pid owner, object key)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var list))
            {
                list.RemoveAll(e => e.Owner == owner);
                if (list.Count == 0)
                {
                    _entries.Remove(key);
                }
            }

            if (_owners.TryGetValue(owner, out var owned))
            {
                owned.Keys.RemoveAll(k => Equals(k, key));
                if (owned.Keys.Count == 0)
                {
                    _owners.Remove(owner);
                    owned.Monitor.Target?.RemoveMonitor(owned.Monitor);
                }
            }
        }
    }

    /// <summary><c>Registry.lookup/2</c>: the live entries under <paramref name="key"/> (at most one in a unique registry), in registration order.</summary>
    /// <param name="key">The key.</param>
    public IReadOnlyList<RegistryEntry> Lookup(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var list)
                ? list.Where(e => e.Owner.Process!.IsAlive).Select(e => new RegistryEntry(e.Owner, e.Value)).ToArray()
                : [];
        }
    }

    /// <summary><c>Registry.values/3</c>: the values <paramref name="owner"/> registered under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="owner">The process.</param>
    public IReadOnlyList<object?> Values(object key, Pid owner) =>
        Lookup(key).Where(e => e.Pid == owner).Select(e => e.Value).ToArray();

    /// <summary>
    /// <c>Registry.match/3</c>: the entries under <paramref name="key"/> whose value <paramref name="pattern"/> accepts
    /// (a predicate stands in for Elixir's match pattern and guards).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="pattern">Which values to keep; runs outside the registry's lock.</param>
    public IReadOnlyList<RegistryEntry> Match(object key, Func<object?, bool> pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Lookup(key).Where(e => pattern(e.Value)).ToArray();
    }

    /// <summary><c>Registry.keys/2</c>: the keys <paramref name="owner"/> is registered under.</summary>
    /// <param name="owner">The process.</param>
    public IReadOnlyList<object> KeysOf(Pid owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_gate)
        {
            return _owners.TryGetValue(owner, out var owned) ? owned.Keys.ToArray() : [];
        }
    }

    /// <summary><c>Registry.count/1</c>: the number of entries.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values.Sum(l => l.Count);
            }
        }
    }

    /// <summary>
    /// <c>Registry.update_value/3</c> (unique registries): replaces the value <paramref name="owner"/> registered under
    /// <paramref name="key"/>; false if it holds no such entry. <paramref name="update"/> runs outside the registry's lock;
    /// as in Elixir, only the owner should update its entry.
    /// </summary>
    /// <param name="owner">The owner of the entry.</param>
    /// <param name="key">The key.</param>
    /// <param name="update">Computes the new value from the old one.</param>
    /// <param name="newValue">The value stored.</param>
    public bool TryUpdateValue(Pid owner, object key, Func<object?, object?> update, out object? newValue)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(update);
        if (Keys != RegistryKeys.Unique)
        {
            throw new InvalidOperationException("update_value is only for unique registries.");
        }

        newValue = null;
        object? old;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var list) || list.Count == 0 || list[0].Owner != owner)
            {
                return false;
            }

            old = list[0].Value;
        }

        var updated = update(old);
        lock (_gate)
        {
            // The owner may have unregistered (or exited) while the new value was computed.
            if (!_entries.TryGetValue(key, out var list) || list.Count == 0 || list[0].Owner != owner)
            {
                return false;
            }

            list[0] = (owner, updated);
        }

        newValue = updated;
        return true;
    }

    /// <summary>
    /// <c>Registry.dispatch/3</c>: calls <paramref name="action"/> with the live entries under <paramref name="key"/>
    /// (not at all when there are none), outside the registry's lock. Typically it sends to each pid.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="action">What to do with the entries.</param>
    public void Dispatch(object key, Action<IReadOnlyList<RegistryEntry>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var entries = Lookup(key);
        if (entries.Count > 0)
        {
            action(entries);
        }
    }

    /// <summary>Via-name registration (<c>register_name/2</c>): <see cref="Register"/> with no value. Unique registries only.</summary>
    /// <param name="key">The key.</param>
    /// <param name="pid">The process.</param>
    public bool TryRegisterName(object key, Pid pid)
    {
        RequireUnique();
        return Register(pid, key);
    }

    /// <summary>Via-name removal (<c>unregister_name/1</c>): removes the key, whoever holds it.</summary>
    /// <param name="key">The key.</param>
    public void UnregisterName(object key)
    {
        RequireUnique();
        if (WhereIsName(key) is { } pid)
        {
            Unregister(pid, key);
        }
    }

    /// <summary>Via-name lookup (<c>whereis_name/1</c>): the pid under <paramref name="key"/>, or null.</summary>
    /// <param name="key">The key.</param>
    public Pid? WhereIsName(object key)
    {
        RequireUnique();
        return Lookup(key) is [var entry] ? entry.Pid : null;
    }

    /// <summary>The registry's kind, for logs.</summary>
    public override string ToString() => $"Registry({Keys})";

    // An owner exited: all its entries go.
    void IDownHandler.OnDown(MonitorRef monitor, Pid pid, object reason)
    {
        lock (_gate)
        {
            if (!_owners.Remove(pid, out var owned))
            {
                return;
            }

            foreach (var key in owned.Keys.Distinct())
            {
                if (_entries.TryGetValue(key, out var list))
                {
                    list.RemoveAll(e => e.Owner == pid);
                    if (list.Count == 0)
                    {
                        _entries.Remove(key);
                    }
                }
            }
        }
    }

    private void RequireUnique()
    {
        if (Keys != RegistryKeys.Unique)
        {
            throw new InvalidOperationException("Via-names need a registry with unique keys.");
        }
    }
}
