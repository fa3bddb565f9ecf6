namespace GenServers;

/// <summary>
/// The calls a <see cref="KeyValueStore"/> understands: the requests whose caller waits for a reply.
/// In Elixir they would be tuples such as <c>{:get, key}</c>; here each one is a record, and the private constructor
/// closes the list, so a <c>switch</c> over them is known to be complete.
/// </summary>
public abstract record KeyValueCall
{
    private KeyValueCall()
    {
    }

    /// <summary>Asks for the value stored under a key. Replies with the value, or null when there is none.</summary>
    /// <param name="Key">The key.</param>
    public sealed record Get(string Key) : KeyValueCall;

    /// <summary>
    /// Stores a value under a key, replacing any value already there. Replies null once it is stored: a call, not a
    /// cast, so that the caller knows the value is in before it carries on (Elixir's <c>:ok</c> reply).
    /// </summary>
    /// <param name="Key">The key.</param>
    /// <param name="Value">The value.</param>
    public sealed record Put(string Key, string Value) : KeyValueCall;

    /// <summary>Asks how many keys are stored. Replies with the number, an <see cref="int"/>.</summary>
    public sealed record Count : KeyValueCall;
}
