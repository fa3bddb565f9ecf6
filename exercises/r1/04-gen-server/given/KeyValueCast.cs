namespace GenServers;

/// <summary>
/// The casts a <see cref="KeyValueStore"/> understands: requests that get no reply.
/// </summary>
public abstract record KeyValueCast
{
    private KeyValueCast()
    {
    }

    /// <summary>Removes a key and its value, if there is one.</summary>
    /// <param name="Key">The key.</param>
    public sealed record Delete(string Key) : KeyValueCast;
}
