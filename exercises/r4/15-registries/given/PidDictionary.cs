using System.Collections.Concurrent;
using Otp;

namespace Registries;

/// <summary>
/// The design a registry replaces: a global dictionary from names to pids, shared by everyone. It works until a process
/// dies. Nothing removes a dead process's entry, so <see cref="WhereIs"/> goes on naming a dead pid, and
/// <see cref="TryAdd"/> refuses a new process under a name whose owner is long gone. Cleaning up by hand (a process that
/// monitors every pid and removes it on DOWN) still leaves a window: between the death and the DOWN being handled, a
/// lookup returns the dead pid. Step 3's tests show the difference; do not use this class in your code.
/// </summary>
public sealed class PidDictionary
{
    private readonly ConcurrentDictionary<string, Pid> _pids = new();

    /// <summary>Adds <paramref name="pid"/> under <paramref name="name"/>; false if the name is taken, by a live process or not.</summary>
    /// <param name="name">The name.</param>
    /// <param name="pid">The process.</param>
    public bool TryAdd(string name, Pid pid) => _pids.TryAdd(name, pid);

    /// <summary>The pid added under <paramref name="name"/>, alive or dead; null if none was.</summary>
    /// <param name="name">The name.</param>
    public Pid? WhereIs(string name) => _pids.TryGetValue(name, out var pid) ? pid : null;
}
