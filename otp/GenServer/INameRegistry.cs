namespace Otp;

/// <summary>
/// A process registry usable in a via-name: the callbacks of Erlang's <c>{via, Module, Name}</c>
/// (<c>register_name/2</c>, <c>unregister_name/1</c>, <c>whereis_name/1</c>). <see cref="Otp.Registry"/> implements it.
/// The registry, not the runtime, removes a name when its process exits.
/// </summary>
public interface INameRegistry
{
    /// <summary>Registers <paramref name="pid"/> under <paramref name="key"/>; false if the key is taken (<c>register_name/2</c>).</summary>
    /// <param name="key">The name within the registry.</param>
    /// <param name="pid">The process, normally the caller.</param>
    bool TryRegisterName(object key, Pid pid);

    /// <summary>Frees <paramref name="key"/> (<c>unregister_name/1</c>).</summary>
    /// <param name="key">The name within the registry.</param>
    void UnregisterName(object key);

    /// <summary>The live process registered under <paramref name="key"/>, or null (<c>whereis_name/1</c>).</summary>
    /// <param name="key">The name within the registry.</param>
    Pid? WhereIsName(object key);
}
