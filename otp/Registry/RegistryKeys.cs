namespace Otp;

/// <summary>The kind of a <see cref="Registry"/>: Elixir's <c>keys: :unique | :duplicate</c>.</summary>
public enum RegistryKeys
{
    /// <summary>A key names at most one process (usable for via-names).</summary>
    Unique,

    /// <summary>A key may be registered many times, by many processes (a pub/sub topic).</summary>
    Duplicate,
}
