namespace Otp;

/// <summary>
/// Sent to a registry's listeners when a process registers: Elixir's <c>{:register, registry, key, pid, value}</c>
/// (see <see cref="RegistryOptions.Listeners"/>).
/// </summary>
/// <param name="Registry">The registry.</param>
/// <param name="Key">The key registered.</param>
/// <param name="Pid">The process that registered.</param>
/// <param name="Value">The value it registered with.</param>
public sealed record RegistryRegistered(Registry Registry, object Key, Pid Pid, object? Value);
