using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace GenServers.Hidden;

[Property("Step", 5)]
public sealed class KeyValueStoreSuite
{
    [Test]
    [CancelAfter(10000)]
    [Repeat(5)]
    public async Task A_random_sequence_of_operations_agrees_with_a_dictionary(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var store = await KeyValueStore.StartAsync(new FakeTimeProvider()).WaitAsync(cancellationToken);
        var model = new Dictionary<string, string>();

        for (var i = 0; i < 300; i++)
        {
            var key = "k" + random.Next(8).ToString(CultureInfo.InvariantCulture);
            switch (random.Next(4))
            {
                case 0:
                    var value = random.Next(1000).ToString(CultureInfo.InvariantCulture);
                    await store.PutAsync(key, value).WaitAsync(cancellationToken);
                    model[key] = value;
                    break;
                case 1:
                    store.Delete(key);
                    model.Remove(key);
                    break;
                case 2:
                    Assert.That(await store.GetAsync(key).WaitAsync(cancellationToken), Is.EqualTo(model.GetValueOrDefault(key)), $"Step 5: Get({key}) must reply what a dictionary holds after the same {i} operations before it");
                    break;
                default:
                    Assert.That(await store.CountAsync().WaitAsync(cancellationToken), Is.EqualTo(model.Count), $"Step 5: Count must reply the number of keys a dictionary holds after the same {i} operations before it");
                    break;
            }
        }

        foreach (var key in Enumerable.Range(0, 8).Select(k => "k" + k.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.That(await store.GetAsync(key).WaitAsync(cancellationToken), Is.EqualTo(model.GetValueOrDefault(key)),
                $"Step 5: GetAsync({key}) must return the value last put under that key, or null once deleted or never put");
        }
    }

    [Test]
    [Repeat(5)]
    public void The_callbacks_agree_with_a_dictionary_on_a_random_sequence()
    {
        var random = Seeded.Random();
        var callbacks = new KeyValueStoreCallbacks();
        var state = callbacks.Init();
        var model = new Dictionary<string, string>();
        Assert.That(state, Is.Empty, "Step 5: Init must return an empty store");

        for (var i = 0; i < 300; i++)
        {
            var key = "k" + random.Next(6).ToString(CultureInfo.InvariantCulture);
            object? reply;
            switch (random.Next(5))
            {
                case 0:
                    var value = "v" + random.Next(100).ToString(CultureInfo.InvariantCulture);
                    (reply, state) = callbacks.HandleCall(new KeyValueCall.Put(key, value), state);
                    model[key] = value;
                    Assert.That(reply, Is.Null, "Step 5: a Put call has nothing to say: its reply must be null");
                    break;
                case 1:
                    state = callbacks.HandleCast(new KeyValueCast.Delete(key), state);
                    model.Remove(key);
                    break;
                case 2:
                    var before = state;
                    (reply, state) = callbacks.HandleCall(new KeyValueCall.Get(key), state);
                    Assert.That(reply, Is.EqualTo(model.GetValueOrDefault(key)),
                        $"Step 5: Get({key}) must reply the value last put under that key, or null");
                    Assert.That(state, Is.SameAs(before), "Get leaves the state as it was");
                    break;
                case 3:
                    var beforeCount = state;
                    (reply, state) = callbacks.HandleCall(new KeyValueCall.Count(), state);
                    Assert.That(reply, Is.EqualTo(model.Count), "Step 5: Count must reply the number of keys in the state");
                    Assert.That(state, Is.SameAs(beforeCount), "Count leaves the state as it was");
                    break;
                default:
                    var beforeInfo = state;
                    state = callbacks.HandleInfo(new object(), state);
                    Assert.That(state, Is.SameAs(beforeInfo), "an unexpected message is ignored");
                    break;
            }

            Assert.That(state, Is.EquivalentTo(model), $"Step 5: after operation {i} the state must hold what a dictionary given the same operations holds");
        }
    }

    [Test]
    public void Init_gives_a_fresh_empty_store_each_time()
    {
        var callbacks = new KeyValueStoreCallbacks();
        var first = callbacks.Init();
        var (_, changed) = callbacks.HandleCall(new KeyValueCall.Put("a", "1"), first);

        Assert.That(callbacks.Init(), Is.Empty, "Step 5: each Init must return a fresh empty store");
        Assert.That(first, Is.Empty, "the state is immutable: a Put returns a new one");
        Assert.That(changed, Has.Count.EqualTo(1), "Step 5: a Put must return a new state holding the key");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Put_replaces_and_Delete_of_a_missing_key_is_harmless(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);

        await store.PutAsync("", "empty key").WaitAsync(cancellationToken);
        await store.PutAsync("k", "one").WaitAsync(cancellationToken);
        await store.PutAsync("k", "two").WaitAsync(cancellationToken);
        store.Delete("never there");
        await store.PutAsync("v", "").WaitAsync(cancellationToken);

        Assert.That(await store.GetAsync("k").WaitAsync(cancellationToken), Is.EqualTo("two"),
            "Step 5: a second Put of a key must replace its value");
        Assert.That(await store.GetAsync("").WaitAsync(cancellationToken), Is.EqualTo("empty key"), "Step 5: the empty string is a valid key");
        Assert.That(await store.GetAsync("v").WaitAsync(cancellationToken), Is.EqualTo(""),
            "Step 5: the empty string is a valid value, distinct from a missing one");
        Assert.That(await store.CountAsync().WaitAsync(cancellationToken), Is.EqualTo(3),
            "Step 5: three keys: a replaced key counts once, and deleting a missing key changes nothing");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task The_store_server_ignores_stray_messages(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new KeyValueStoreCallbacks()).WaitAsync(cancellationToken);

        await server.CallAsync(new KeyValueCall.Put("a", "1")).WaitAsync(cancellationToken);
        server.Send("stray");
        server.Send(new KeyValueCall.Get("a"));
        server.Send(new KeyValueCast.Delete("a"));

        Assert.That(await server.CallAsync(new KeyValueCall.Get("a")).WaitAsync(cancellationToken), Is.EqualTo("1"),
            "a Delete sent as a raw message is info, not a cast: it is ignored");
        Assert.That(await server.CallAsync(new KeyValueCall.Count()).WaitAsync(cancellationToken), Is.EqualTo(1),
            "Step 5: the Delete sent as a raw message must be ignored, so one key is left");
        Assert.That(server.IsAlive, Is.True, "Step 5: stray messages must be ignored, not crash the store's server");
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Concurrent_clients_all_get_their_writes_in(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);
        var keys = Enumerable.Range(0, 200).Select(i => "key" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        await Task.WhenAll(keys.Select(key => Task.Run(() => store.PutAsync(key, key.ToUpperInvariant()), cancellationToken)))
            .WaitAsync(cancellationToken);
        var values = await Task.WhenAll(keys.Select(key => Task.Run(() => store.GetAsync(key), cancellationToken)))
            .WaitAsync(cancellationToken);

        Assert.That(values, Is.EqualTo(keys.Select(key => key.ToUpperInvariant())),
            "Step 5: every concurrent PutAsync must be in the store and read back by GetAsync");
        Assert.That(await store.CountAsync().WaitAsync(cancellationToken), Is.EqualTo(keys.Length),
            "Step 5: the store must count one key per concurrent PutAsync");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Two_stores_are_independent(CancellationToken cancellationToken)
    {
        var first = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);
        var second = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);

        await first.PutAsync("a", "first").WaitAsync(cancellationToken);

        Assert.That(await second.GetAsync("a").WaitAsync(cancellationToken), Is.Null,
            "Step 5: each store must have its own server: a Put to one must not show in the other");
        Assert.That(await second.CountAsync().WaitAsync(cancellationToken), Is.Zero,
            "Step 5: a new store must be empty: the other store's Put must not count here");
        Assert.That(await first.CountAsync().WaitAsync(cancellationToken), Is.EqualTo(1), "Step 5: the first store must hold the one key put in it");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task A_stopped_store_refuses_calls_and_drops_casts(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);
        await store.PutAsync("a", "1").WaitAsync(cancellationToken);
        store.Delete("a");

        await store.StopAsync().WaitAsync(cancellationToken);
        await store.StopAsync().WaitAsync(cancellationToken);

        Assert.That(async () => await store.GetAsync("a").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 5: GetAsync on a stopped store must fail with ServerExitedException");
        Assert.That(async () => await store.PutAsync("a", "2").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 5: PutAsync on a stopped store must fail with ServerExitedException");
        Assert.That(async () => await store.CountAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 5: CountAsync on a stopped store must fail with ServerExitedException");
        Assert.That(() => store.Delete("a"), Throws.Nothing, "Step 5: Delete is a cast: on a stopped store it must be dropped without an error");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task The_client_API_checks_its_arguments(CancellationToken cancellationToken)
    {
        var store = await KeyValueStore.StartAsync().WaitAsync(cancellationToken);

        Assert.That(async () => await store.GetAsync(null!).WaitAsync(cancellationToken), Throws.ArgumentNullException,
            "Step 5: GetAsync(null) must throw ArgumentNullException in the caller, before sending anything");
        Assert.That(async () => await store.PutAsync(null!, "v").WaitAsync(cancellationToken), Throws.ArgumentNullException,
            "Step 5: PutAsync(null, value) must throw ArgumentNullException in the caller");
        Assert.That(async () => await store.PutAsync("k", null!).WaitAsync(cancellationToken), Throws.ArgumentNullException,
            "Step 5: PutAsync(key, null) must throw ArgumentNullException in the caller");
        Assert.That(() => store.Delete(null!), Throws.ArgumentNullException, "Step 5: Delete(null) must throw ArgumentNullException in the caller");
        Assert.That(await store.CountAsync().WaitAsync(cancellationToken), Is.Zero, "nothing rejected reached the store");
    }
}
