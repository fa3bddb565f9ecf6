using System;
using System.Collections.Immutable;

namespace GenServers;

/// <summary>
/// The server side of the key-value store: what the server does with each message. Each callback is a plain function
/// from a request and the current state to the next state (and, for a call, a reply): it never touches the server,
/// never waits and never locks, so it can be tested without starting anything.
/// </summary>
/// <remarks>
/// The reply type is <see cref="object"/>, because each call has a reply of its own type (a value, nothing, a number),
/// as Erlang's replies do. The client API, <see cref="KeyValueStore"/>, turns them back into the types it promises.
/// </remarks>
public sealed class KeyValueStoreCallbacks : IGenServer<ImmutableDictionary<string, string>, KeyValueCall, object?, KeyValueCast>
{
    /// <summary>Starts with an empty store (Erlang: <c>init(_) -&gt; {ok, #{}}</c>).</summary>
    /// <returns>An empty dictionary.</returns>
    public ImmutableDictionary<string, string> Init() =>
        throw new NotImplementedException("Step 5: implement KeyValueStoreCallbacks.Init (see README, step 5).");

    /// <summary>
    /// <see cref="KeyValueCall.Get"/> replies with the value stored under the key, or null, and keeps the state;
    /// <see cref="KeyValueCall.Put"/> stores the value (replacing any) and replies null;
    /// <see cref="KeyValueCall.Count"/> replies with the number of keys (an <see cref="int"/>) and keeps the state.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="state">The stored keys and values.</param>
    /// <returns>The reply and the next state.</returns>
    public (object? Reply, ImmutableDictionary<string, string> State) HandleCall(
        KeyValueCall request, ImmutableDictionary<string, string> state) =>
        throw new NotImplementedException("Step 5: implement KeyValueStoreCallbacks.HandleCall (see README, step 5).");

    /// <summary><see cref="KeyValueCast.Delete"/> removes the key; deleting a missing key changes nothing.</summary>
    /// <param name="request">The cast.</param>
    /// <param name="state">The stored keys and values.</param>
    /// <returns>The next state.</returns>
    public ImmutableDictionary<string, string> HandleCast(KeyValueCast request, ImmutableDictionary<string, string> state) =>
        throw new NotImplementedException("Step 5: implement KeyValueStoreCallbacks.HandleCast (see README, step 5).");

    /// <summary>
    /// The store expects no other messages: any that arrives is ignored and the very same state is kept, as OTP's
    /// default <c>handle_info</c> does (it logs the message and carries on). A stray message must not crash a server.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="state">The stored keys and values.</param>
    /// <returns>The same state.</returns>
    public ImmutableDictionary<string, string> HandleInfo(object message, ImmutableDictionary<string, string> state) =>
        throw new NotImplementedException("Step 5: implement KeyValueStoreCallbacks.HandleInfo (see README, step 5).");
}
