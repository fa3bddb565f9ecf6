namespace Otp;

/// <summary>
/// Where to send a call or a cast: a pid or a name (OTP's <c>server_ref()</c>). Pids, strings (local names) and
/// <see cref="ServerName"/>s convert to it implicitly.
/// </summary>
public readonly struct ServerRef
{
    private ServerRef(Pid? pid, ServerName? name)
    {
        Pid = pid;
        Name = name;
    }

    /// <summary>The pid, when the reference is one.</summary>
    public Pid? Pid { get; }

    /// <summary>The name, when the reference is one.</summary>
    public ServerName? Name { get; }

    /// <summary>A reference to a pid.</summary>
    /// <param name="pid">The process.</param>
    public static implicit operator ServerRef(Pid pid) => new(pid ?? throw new ArgumentNullException(nameof(pid)), null);

    /// <summary>A reference to a local name.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator ServerRef(string name) => new(null, ServerName.Local(name));

    /// <summary>A reference to a local or via name.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator ServerRef(ServerName name) => new(null, name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>The pid now behind this reference, or null if the name is free (the pid itself for a pid, alive or not).</summary>
    /// <param name="node">The node whose names to look in.</param>
    public Pid? Resolve(Node node) => Pid ?? Name?.WhereIs(node);

    /// <summary>The pid or the name.</summary>
    public override string ToString() => Pid?.ToString() ?? Name?.ToString() ?? "(none)";
}
