using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace GenServers.Tests;

/// <summary>Step 5: a key-value store: a client API for the callers, callbacks for the server, kept apart.</summary>
public sealed class Step5_A_client_API
{
    [Test]
    public void The_callbacks_are_plain_functions_you_can_test_without_a_server()
    {
        var callbacks = new KeyValueStoreCallbacks();
        var empty = callbacks.Init();

        var (putReply, one) = callbacks.HandleCall(new KeyValueCall.Put("language", "Erlang"), empty);
        var (value, same) = callbacks.HandleCall(new KeyValueCall.Get("language"), one);
        var (count, _) = callbacks.HandleCall(new KeyValueCall.Count(), one);
        var none = callbacks.HandleCast(new KeyValueCast.Delete("language"), one);

        Assert.That(empty, Is.Empty, "Init starts with an empty store.");
        Assert.That(putReply, Is.Null, "Put replies null once the value is stored.");
        Assert.That(one, Is.EqualTo(ImmutableDictionary<string, string>.Empty.Add("language", "Erlang")),
            "Step 5: Put returns the store with the key added, as the new state");
        Assert.That(value, Is.EqualTo("Erlang"), "Get replies with the value stored under the key.");
        Assert.That(same, Is.SameAs(one), "Get does not change the state.");
        Assert.That(count, Is.EqualTo(1), "Count replies with the number of keys.");
        Assert.That(none, Is.Empty, "Delete removes the key.");
        Assert.That(callbacks.HandleInfo("a stray message", one), Is.SameAs(one),
            "A message the store does not expect is ignored, as OTP's default handle_info does.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_value_put_in_the_store_can_be_got_back(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);

        await store.PutAsync("language", "Elixir").WaitAsync(cancellationToken);

        Assert.That(await store.GetAsync("language").WaitAsync(cancellationToken), Is.EqualTo("Elixir"),
            "Step 5: GetAsync returns the value PutAsync stored under the key");
        Assert.That(await store.GetAsync("runtime").WaitAsync(cancellationToken), Is.Null, "A key never put gets null.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_deleted_key_is_gone_for_the_next_request(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);
        await store.PutAsync("a", "1").WaitAsync(cancellationToken);
        await store.PutAsync("b", "2").WaitAsync(cancellationToken);

        store.Delete("a");

        Assert.That(await store.GetAsync("a").WaitAsync(cancellationToken), Is.Null,
            "Delete is a cast, but the store handles requests in order: the Get after it sees the key gone.");
        Assert.That(await store.CountAsync().WaitAsync(cancellationToken), Is.EqualTo(1),
            "Step 5: after deleting one of two keys, CountAsync replies 1");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_stopped_store_refuses_requests(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);
        await store.PutAsync("a", "1").WaitAsync(cancellationToken);

        await store.StopAsync().WaitAsync(cancellationToken);

        Assert.That(async () => await store.GetAsync("a").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "StopAsync stops the store's server; a later call fails with ServerExitedException.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task The_client_API_refuses_a_null_key_or_value_before_sending_anything(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);

        Assert.ThrowsAsync<ArgumentNullException>(async () => await store.GetAsync(null!).WaitAsync(cancellationToken),
            "GetAsync(null) must throw ArgumentNullException in the caller, not send a request that crashes the store " +
            "(see README, step 5).");
        Assert.ThrowsAsync<ArgumentNullException>(async () => await store.PutAsync(null!, "1").WaitAsync(cancellationToken),
            "PutAsync with a null key must throw ArgumentNullException in the caller (see README, step 5).");
        Assert.ThrowsAsync<ArgumentNullException>(async () => await store.PutAsync("a", null!).WaitAsync(cancellationToken),
            "PutAsync with a null value must throw ArgumentNullException in the caller (see README, step 5).");
        Assert.That(() => store.Delete(null!), Throws.ArgumentNullException,
            "Delete(null) must throw ArgumentNullException in the caller, not cast a request that crashes the store " +
            "(see README, step 5).");

        Assert.That(await store.CountAsync().WaitAsync(cancellationToken), Is.EqualTo(0),
            "Nothing refused may reach the store: it is still running, and still empty (see README, step 5).");
    }
}
