namespace Otp;

// Reading a registry: lookups, matches, selects, counts and dispatch. Entries of an owner that has exited are never
// returned, even before the registry has removed them; predicates, projections and callbacks run outside its lock.
public sealed partial class Registry
{
    /// <summary>
    /// <c>Registry.count/1</c>: the number of entries, in constant time. As in Elixir, it may still count the entries of
    /// an owner that has just exited.
    /// </summary>
    public int Count => _table.Count;

    /// <summary><c>Registry.lookup/2</c>: the live entries under <paramref name="key"/> (at most one in a unique registry), in registration order.</summary>
    /// <param name="key">The key.</param>
    public IReadOnlyList<RegistryEntry> Lookup(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = new List<RegistryEntry>();
        _table.Lookup(key, found);
        return found;
    }

    /// <summary><c>Registry.values/3</c>: the values <paramref name="owner"/> registered under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="owner">The process.</param>
    public IReadOnlyList<object?> Values(object key, Pid owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Lookup(key).Where(e => e.Pid == owner).Select(e => e.Value).ToArray();
    }

    /// <summary>
    /// <c>Registry.match/4</c>: the entries under <paramref name="key"/> whose value <paramref name="pattern"/> accepts
    /// (a predicate stands in for the match pattern and guards).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="pattern">Which values to keep.</param>
    public IReadOnlyList<RegistryEntry> Match(object key, Func<object?, bool> pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Lookup(key).Where(e => pattern(e.Value)).ToArray();
    }

    /// <summary><c>Registry.count_match/4</c>: how many entries under <paramref name="key"/> have a value <paramref name="pattern"/> accepts.</summary>
    /// <param name="key">The key.</param>
    /// <param name="pattern">Which values to count.</param>
    public int CountMatch(object key, Func<object?, bool> pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Lookup(key).Count(e => pattern(e.Value));
    }

    /// <summary><c>Registry.keys/2</c>: the keys <paramref name="owner"/> is registered under (a key once per entry).</summary>
    /// <param name="owner">The process.</param>
    public IReadOnlyList<object> Keys(Pid owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var keys = new List<object>();
        _table.KeysOf(owner, keys);
        return keys;
    }

    /// <summary>
    /// <c>Registry.select/2</c>: projects every entry that <paramref name="where"/> accepts. A match spec's pattern and
    /// guards become <paramref name="where"/> and its body <paramref name="select"/>, both over <c>(key, pid, value)</c>:
    /// <c>registry.Select((key, pid, value) => value is "admin", (key, pid, value) => key)</c>.
    /// </summary>
    /// <typeparam name="T">What each chosen entry becomes.</typeparam>
    /// <param name="where">Which entries to choose.</param>
    /// <param name="select">What to return for each chosen entry.</param>
    public IReadOnlyList<T> Select<T>(Func<object, Pid, object?, bool> where, Func<object, Pid, object?, T> select)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(select);
        return Snapshot().Where(e => where(e.Key, e.Pid, e.Value)).Select(e => select(e.Key, e.Pid, e.Value)).ToArray();
    }

    /// <summary><c>Registry.select/2</c> returning whole entries: every <c>(Key, Pid, Value)</c> that <paramref name="where"/> accepts.</summary>
    /// <param name="where">Which entries to choose.</param>
    public IReadOnlyList<(object Key, Pid Pid, object? Value)> Select(Func<object, Pid, object?, bool> where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return Snapshot().Where(e => where(e.Key, e.Pid, e.Value)).ToArray();
    }

    /// <summary><c>Registry.count_select/2</c>: how many entries <paramref name="where"/> accepts.</summary>
    /// <param name="where">Which entries to count.</param>
    public int CountSelect(Func<object, Pid, object?, bool> where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return Snapshot().Count(e => where(e.Key, e.Pid, e.Value));
    }

    /// <summary>
    /// <c>Registry.dispatch/3</c>: calls <paramref name="action"/> with the live entries under <paramref name="key"/>, on
    /// the calling thread (not at all when there are none). Typically it sends to each pid. Elixir's <c>parallel: true</c>
    /// only matters with partitions, which this registry does not have.
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

    private List<(object Key, Pid Pid, object? Value)> Snapshot()
    {
        var all = new List<(object Key, Pid Pid, object? Value)>();
        _table.Snapshot(all);
        return all;
    }
}
