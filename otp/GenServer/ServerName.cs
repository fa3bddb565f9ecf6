namespace Otp;

/// <summary>
/// The name a server is started under: a local name (<c>{local, Name}</c>) or a name in a registry (<c>{via, Module, Name}</c>).
/// A string converts to a local name.
/// </summary>
public sealed class ServerName
{
    private readonly bool _hasValue;
    private readonly object? _value;

    private ServerName(string? local, INameRegistry? registry, object? key, bool hasValue = false, object? value = null)
    {
        LocalName = local;
        Registry = registry;
        Key = key;
        _hasValue = hasValue;
        _value = value;
    }

    /// <summary>The local name, or null for a via-name.</summary>
    public string? LocalName { get; }

    /// <summary>The registry of a via-name, or null for a local name.</summary>
    public INameRegistry? Registry { get; }

    /// <summary>The key of a via-name within its registry.</summary>
    public object? Key { get; }

    /// <summary>A local name: <c>{local, Name}</c>, registered with <see cref="Node.Register"/>.</summary>
    /// <param name="name">The name.</param>
    public static ServerName Local(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ServerName(name, null, null);
    }

    /// <summary>A name in a registry: <c>{via, Registry, Key}</c>.</summary>
    /// <param name="registry">The registry, for example a <see cref="Otp.Registry"/> with unique keys.</param>
    /// <param name="key">The key within it.</param>
    public static ServerName Via(INameRegistry registry, object key)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(key);
        return new ServerName(null, registry, key);
    }

    /// <summary>
    /// A name in a <see cref="Otp.Registry"/> with the value its entry gets: Elixir's <c>{:via, Registry, {registry, key, value}}</c>.
    /// The value only matters when the server registers; a name without it (<see cref="Via(INameRegistry, object)"/>) reaches the same server.
    /// </summary>
    /// <param name="registry">A registry with unique keys.</param>
    /// <param name="key">The key within it.</param>
    /// <param name="value">The value registered with the key (see <see cref="Otp.Registry.Lookup"/>).</param>
    /// <exception cref="ArgumentException">The registry has duplicate keys.</exception>
    public static ServerName Via(Registry registry, object key, object? value)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(key);
        if (registry.Kind != RegistryKeys.Unique)
        {
            throw new ArgumentException($"Via-names need a registry with unique keys; this one has {registry.Kind} keys.", nameof(registry));
        }

        return new ServerName(null, registry, key, hasValue: true, value);
    }

    /// <summary>A string is a local name.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator ServerName(string name) => Local(name);

    /// <summary>The process registered under this name on <paramref name="node"/>, or null.</summary>
    /// <param name="node">The node whose local names to look in.</param>
    public Pid? WhereIs(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return LocalName is not null ? node.WhereIs(LocalName) : Registry!.WhereIsName(Key!);
    }

    /// <summary>Erlang's notation: the name, <c>{via, Registry, Key}</c> or <c>{via, Registry, {Key, Value}}</c>.</summary>
    public override string ToString() => LocalName ?? (_hasValue ? $"{{via, {Registry}, {{{Key}, {_value}}}}}" : $"{{via, {Registry}, {Key}}}");

    internal bool TryRegister(Node node, Pid pid) =>
        LocalName is not null ? node.TryRegister(LocalName, pid)
        : _hasValue ? ((Registry)Registry!).TryRegisterName(Key!, pid, _value)
        : Registry!.TryRegisterName(Key!, pid);

    internal void Unregister(Node node)
    {
        if (LocalName is not null)
        {
            node.Unregister(LocalName);
        }
        else
        {
            Registry!.UnregisterName(Key!);
        }
    }
}
