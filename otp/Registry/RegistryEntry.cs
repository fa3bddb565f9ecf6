namespace Otp;

/// <summary>One registration in a <see cref="Registry"/>: Elixir's <c>{pid, value}</c>.</summary>
/// <param name="Pid">The process that registered (the entry's owner).</param>
/// <param name="Value">The value it registered with.</param>
public sealed record RegistryEntry(Pid Pid, object? Value);
