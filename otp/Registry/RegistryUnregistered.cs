namespace Otp;

/// <summary>
/// Sent to a registry's listeners when a process unregisters a key (<see cref="Registry.Unregister(Pid, object)"/>, or
/// <see cref="Registry.UnregisterMatch(Pid, object, Func{object?, bool})"/> once none of its entries under the key is
/// left): Elixir's <c>{:unregister, registry, key, pid}</c>. Not sent when the process exits.
/// </summary>
/// <param name="Registry">The registry.</param>
/// <param name="Key">The key unregistered.</param>
/// <param name="Pid">The process that unregistered.</param>
public sealed record RegistryUnregistered(Registry Registry, object Key, Pid Pid);
