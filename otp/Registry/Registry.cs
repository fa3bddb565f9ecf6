using System.Collections.Concurrent;

namespace Otp;

/// <summary>
/// A local key/process registry: Elixir's <c>Registry</c>. Keys are unique or duplicate; every entry belongs to the
/// process that registered it (its owner) and is removed when that process exits (the registry monitors owners).
/// A unique registry is an <see cref="INameRegistry"/>, so <c>ServerName.Via(registry, key)</c> names servers.
/// Where .NET differs: the registry is a thread-safe object rather than a supervised partition process (so it has no
/// name, cannot crash and has no partitions); there is no implicit <c>self()</c>, so every function Elixir runs for the calling
/// process takes a <see cref="ProcessContext"/> or an explicit owner <see cref="Pid"/>; predicates and projections
/// (C# lambdas) stand in for match specs.
/// </summary>
public sealed partial class Registry : INameRegistry
{
    private readonly RegistryTable _table = new();
    private readonly ServerRef[] _listeners;
    private readonly ConcurrentDictionary<object, object?> _meta;
    private readonly RegistryLocks _locks = new();

    /// <summary>Creates a registry: Elixir's <c>Registry.start_link(keys: keys)</c>.</summary>
    /// <param name="keys">Unique or duplicate keys.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keys"/> is not a defined <see cref="RegistryKeys"/> value.</exception>
    public Registry(RegistryKeys keys)
        : this(new RegistryOptions { Keys = CheckKeys(keys, nameof(keys), "keys") })
    {
    }

    /// <summary>Creates a registry: Elixir's <c>Registry.start_link/1</c>. The options are checked first.</summary>
    /// <param name="options">Keys, listeners and metadata.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <see cref="RegistryOptions.Keys"/>.</exception>
    /// <exception cref="ArgumentException">A listener that is neither a pid nor a name.</exception>
    public Registry(RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Kind = CheckKeys(options.Keys, nameof(options), "options.Keys");

        ArgumentNullException.ThrowIfNull(options.Listeners, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Meta, nameof(options));
        _listeners = [.. options.Listeners];
        for (var i = 0; i < _listeners.Length; i++)
        {
            if (_listeners[i].Pid is null && _listeners[i].Name is null)
            {
                throw new ArgumentException($"options.Listeners[{i}] is neither a pid nor a name.", nameof(options));
            }
        }

        _meta = new ConcurrentDictionary<object, object?>(options.Meta);
    }

    /// <summary>Unique or duplicate keys (Elixir's <c>:keys</c> option).</summary>
    public RegistryKeys Kind { get; }

    /// <summary>
    /// <c>Registry.register/3</c>: registers <paramref name="owner"/> under <paramref name="key"/> with <paramref name="value"/>.
    /// False in a unique registry when a live process holds the key (Elixir's <c>{:error, {:already_registered, pid}}</c>;
    /// <see cref="Lookup"/> tells who), and false if the owner is not alive. A key whose holder has exited is free at
    /// once, even if the registry has not yet removed the holder's entries. Listeners get a <see cref="RegistryRegistered"/>.
    /// </summary>
    /// <param name="owner">The registering process (Elixir uses the caller's <c>self()</c>).</param>
    /// <param name="key">The key.</param>
    /// <param name="value">Any value kept with the entry.</param>
    public bool Register(Pid owner, object key, object? value = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);
        if (owner.Process is not { } process
            || !_table.Register(owner, process, key, value, Kind == RegistryKeys.Unique, out _))
        {
            return false;
        }

        Notify(owner, new RegistryRegistered(this, key, owner, value));
        return true;
    }

    /// <summary><c>Registry.register/3</c> for the calling process (see <see cref="Register(Pid, object, object?)"/>).</summary>
    /// <param name="caller">The registering process, which owns the entry.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">Any value kept with the entry.</param>
    public bool Register(ProcessContext caller, object key, object? value = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Register(caller.Self, key, value);
    }

    /// <summary>
    /// <c>Registry.unregister/2</c>: removes every entry <paramref name="owner"/> holds under <paramref name="key"/>.
    /// Listeners get a <see cref="RegistryUnregistered"/> if there was one (Elixir tells them even when there was none).
    /// </summary>
    /// <param name="owner">The process whose entries to remove.</param>
    /// <param name="key">The key.</param>
    public void Unregister(Pid owner, object key)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);
        if (_table.Unregister(owner, key) > 0)
        {
            Notify(owner, new RegistryUnregistered(this, key, owner));
        }
    }

    /// <summary><c>Registry.unregister/2</c> for the calling process.</summary>
    /// <param name="caller">The process whose entries to remove.</param>
    /// <param name="key">The key.</param>
    public void Unregister(ProcessContext caller, object key)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Unregister(caller.Self, key);
    }

    /// <summary>
    /// <c>Registry.unregister_match/4</c>: removes the entries <paramref name="owner"/> holds under <paramref name="key"/>
    /// whose value <paramref name="pattern"/> accepts (a predicate stands in for the match pattern and guards; it runs
    /// outside the registry's locks). Listeners get a <see cref="RegistryUnregistered"/> when none of the owner's
    /// entries under the key is left.
    /// </summary>
    /// <param name="owner">The process whose entries to remove.</param>
    /// <param name="key">The key.</param>
    /// <param name="pattern">Which values to remove.</param>
    public void UnregisterMatch(Pid owner, object key, Func<object?, bool> pattern)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(pattern);
        var (removed, remaining) = _table.UnregisterMatch(owner, key, pattern);
        if (removed > 0 && remaining == 0)
        {
            Notify(owner, new RegistryUnregistered(this, key, owner));
        }
    }

    /// <summary><c>Registry.unregister_match/4</c> for the calling process.</summary>
    /// <param name="caller">The process whose entries to remove.</param>
    /// <param name="key">The key.</param>
    /// <param name="pattern">Which values to remove.</param>
    public void UnregisterMatch(ProcessContext caller, object key, Func<object?, bool> pattern)
    {
        ArgumentNullException.ThrowIfNull(caller);
        UnregisterMatch(caller.Self, key, pattern);
    }

    /// <summary>
    /// <c>Registry.update_value/3</c> (unique registries): replaces the value <paramref name="owner"/> registered under
    /// <paramref name="key"/>; false if it holds no such entry (Elixir's <c>:error</c>). <paramref name="update"/> runs
    /// outside the registry's locks; as in Elixir, only the owner should update its entry.
    /// </summary>
    /// <param name="owner">The owner of the entry.</param>
    /// <param name="key">The key.</param>
    /// <param name="update">Computes the new value from the old one.</param>
    /// <param name="newValue">The value stored.</param>
    /// <exception cref="InvalidOperationException">The registry has duplicate keys.</exception>
    public bool TryUpdateValue(Pid owner, object key, Func<object?, object?> update, out object? newValue)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(update);
        if (Kind != RegistryKeys.Unique)
        {
            throw new InvalidOperationException("Registry.update_value is only for registries with unique keys.");
        }

        newValue = null;
        if (!_table.TryReadOwn(owner, key, out var old))
        {
            return false;
        }

        var updated = update(old);
        if (!_table.TryWriteOwn(owner, key, updated))
        {
            return false; // the owner unregistered (or exited) while the new value was computed
        }

        newValue = updated;
        return true;
    }

    /// <summary><c>Registry.update_value/3</c> for the calling process (see <see cref="TryUpdateValue(Pid, object, Func{object?, object?}, out object?)"/>).</summary>
    /// <param name="caller">The owner of the entry.</param>
    /// <param name="key">The key.</param>
    /// <param name="update">Computes the new value from the old one.</param>
    /// <param name="newValue">The value stored.</param>
    public bool TryUpdateValue(ProcessContext caller, object key, Func<object?, object?> update, out object? newValue)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return TryUpdateValue(caller.Self, key, update, out newValue);
    }

    /// <summary><c>Registry.meta/2</c>: the metadata under <paramref name="key"/>; false if there is none (Elixir's <c>:error</c>).</summary>
    /// <param name="key">The metadata key (Elixir allows atoms and tuples; any non-null object here).</param>
    /// <param name="value">The metadata value.</param>
    public bool TryGetMeta(object key, out object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _meta.TryGetValue(key, out value);
    }

    /// <summary><c>Registry.put_meta/3</c>: stores metadata under <paramref name="key"/>, replacing any.</summary>
    /// <param name="key">The metadata key.</param>
    /// <param name="value">The metadata value.</param>
    public void PutMeta(object key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _meta[key] = value;
    }

    /// <summary><c>Registry.delete_meta/2</c>: removes the metadata under <paramref name="key"/>, if any.</summary>
    /// <param name="key">The metadata key.</param>
    public void DeleteMeta(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _meta.TryRemove(key, out _);
    }

    /// <summary>Via-name registration (<c>register_name/2</c> with <c>{registry, key}</c>): <see cref="Register(Pid, object, object?)"/> with no value. Unique registries only.</summary>
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
        ArgumentNullException.ThrowIfNull(key);
        if (_table.FirstOwner(key) is { } holder)
        {
            Unregister(holder, key);
        }
    }

    /// <summary>Via-name lookup (<c>whereis_name/1</c>): the live pid under <paramref name="key"/>, or null.</summary>
    /// <param name="key">The key.</param>
    public Pid? WhereIsName(object key)
    {
        RequireUnique();
        return Lookup(key) is [var entry] ? entry.Pid : null;
    }

    /// <summary>The registry's kind, for logs.</summary>
    public override string ToString() => $"Registry({Kind})";

    /// <summary>Via-name registration with a value (<c>{:via, Registry, {registry, key, value}}</c>).</summary>
    internal bool TryRegisterName(object key, Pid pid, object? value)
    {
        RequireUnique();
        return Register(pid, key, value);
    }

    private static RegistryKeys CheckKeys(RegistryKeys keys, string paramName, string what) =>
        Enum.IsDefined(keys)
            ? keys
            : throw new ArgumentOutOfRangeException(paramName, keys, $"{what} must be RegistryKeys.Unique or RegistryKeys.Duplicate; got {(int)keys}.");

    // Listeners hear of (un)registrations as plain messages, sent after the registry's locks are released.
    private void Notify(Pid owner, object message)
    {
        if (_listeners.Length == 0 || owner.Process is not { } process)
        {
            return;
        }

        foreach (var listener in _listeners)
        {
            if (listener.Resolve(process.Node) is { } pid)
            {
                process.Node.Send(pid, message);
            }
        }
    }

    private void RequireUnique()
    {
        if (Kind != RegistryKeys.Unique)
        {
            throw new InvalidOperationException("Via-names need a registry with unique keys (Elixir: \":via is not supported for duplicate registries\").");
        }
    }
}
