using System;
using System.Threading.Tasks;

namespace GenServers;

/// <summary>
/// The client side of the key-value store: the API the rest of a program uses. It hides that there is a server at
/// all: no request records, no state, only methods with the types they promise, each one a call or a cast to the
/// store's own server, which runs <see cref="KeyValueStoreCallbacks"/>. In Elixir these are the public functions at
/// the top of a GenServer module, each one a <c>GenServer.call</c> or <c>GenServer.cast</c>, and the callbacks below
/// them run in the server; here the two halves live in two classes.
/// </summary>
public sealed class KeyValueStore
{
    private KeyValueStore()
    {
    }

    /// <summary>Starts an empty store on a server of its own.</summary>
    /// <param name="timeProvider">The server's clock, for call timeouts; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The running store.</returns>
    public static Task<KeyValueStore> StartAsync(TimeProvider? timeProvider = null) =>
        throw new NotImplementedException("Step 5: implement KeyValueStore.StartAsync (see README, step 5).");

    /// <summary>Gets the value stored under a key (a call).</summary>
    /// <param name="key">The key; not null.</param>
    /// <returns>The value, or null when the key is not stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ServerExitedException">The store has stopped.</exception>
    public Task<string?> GetAsync(string key) =>
        throw new NotImplementedException("Step 5: implement KeyValueStore.GetAsync (see README, step 5).");

    /// <summary>
    /// Stores a value under a key, replacing any value already there (a call: it completes once the value is stored).
    /// </summary>
    /// <param name="key">The key; not null.</param>
    /// <param name="value">The value; not null.</param>
    /// <returns>A task that completes when the value is stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ServerExitedException">The store has stopped.</exception>
    public Task PutAsync(string key, string value) =>
        throw new NotImplementedException("Step 5: implement KeyValueStore.PutAsync (see README, step 5).");

    /// <summary>
    /// Removes a key and its value (a cast: it returns at once). The store handles requests in the order they came,
    /// so a later request from the same caller already sees the key gone. Deleting from a stopped store does nothing.
    /// </summary>
    /// <param name="key">The key; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Delete(string key) =>
        throw new NotImplementedException("Step 5: implement KeyValueStore.Delete (see README, step 5).");

    /// <summary>Counts the keys stored (a call).</summary>
    /// <returns>The number of keys.</returns>
    /// <exception cref="ServerExitedException">The store has stopped.</exception>
    public Task<int> CountAsync() =>
        throw new NotImplementedException("Step 5: implement KeyValueStore.CountAsync (see README, step 5).");

    /// <summary>Stops the store after the requests already sent; completes when its server has ended.</summary>
    /// <returns>A task that completes when the store has stopped.</returns>
    public Task StopAsync() =>
        throw new NotImplementedException("Step 5: implement KeyValueStore.StopAsync (see README, step 5).");
}
