namespace Otp;

/// <summary>
/// How a <see cref="Registry"/> is made: the options of Elixir's <c>Registry.start_link/1</c>. The registry checks them
/// when it is created (<see cref="Registry(RegistryOptions)"/>), before anything else happens.
/// Where .NET differs: there is no <c>:name</c> (a registry is an object you hold), no <c>:compressed</c>, and no
/// <c>:partitions</c> (measured on 2 cores they did not pay: see the Registry section of otp/README.md).
/// </summary>
public sealed record RegistryOptions
{
    /// <summary><c>:keys</c>: unique or duplicate keys.</summary>
    public required RegistryKeys Keys { get; init; }

    /// <summary>
    /// <c>:listeners</c>: processes (pids or names) told of every registration (<see cref="RegistryRegistered"/>) and
    /// unregistration (<see cref="RegistryUnregistered"/>). As in Elixir, an owner's exit is not announced: a listener
    /// that cares monitors the owner.
    /// </summary>
    public IReadOnlyList<ServerRef> Listeners { get; init; } = [];

    /// <summary><c>:meta</c>: metadata the registry starts with (see <see cref="Registry.TryGetMeta"/>).</summary>
    public IReadOnlyDictionary<object, object?> Meta { get; init; } = new Dictionary<object, object?>();
}
