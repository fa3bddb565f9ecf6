using Otp;

namespace Runtime.Tests;

/// <summary>The Registry API beyond register and lookup (Elixir's registry docs and tests).</summary>
public sealed class RegistryApiTests : RuntimeTest
{
    private static Registry Make(RegistryKeys keys, IReadOnlyList<ServerRef>? listeners = null) =>
        new(new RegistryOptions { Keys = keys, Listeners = listeners ?? [] });

    [Test]
    public void Metadata_is_given_at_creation_put_read_and_deleted()
    {
        var registry = new Registry(new RegistryOptions
        {
            Keys = RegistryKeys.Unique,
            Meta = new Dictionary<object, object?> { ["custom_key"] = "custom_value" },
        });

        Assert.That(registry.TryGetMeta("custom_key", out var given) ? given : "missing", Is.EqualTo("custom_value"));
        Assert.That(registry.TryGetMeta("unknown_key", out _), Is.False, "unknown metadata is Elixir's :error");

        registry.PutMeta(("tuple", "key"), "tuple_value");
        Assert.That(registry.TryGetMeta(("tuple", "key"), out var put) ? put : "missing", Is.EqualTo("tuple_value"));

        registry.DeleteMeta("custom_key");
        Assert.That(registry.TryGetMeta("custom_key", out _), Is.False, "deleted metadata is gone");
    }

    [Test]
    public void Count_match_counts_the_entries_whose_value_matches()
    {
        var registry = Make(RegistryKeys.Duplicate);
        registry.Register(Inbox, "hello", (1, "atom", 1));
        registry.Register(Inbox, "hello", (2, "atom", 2));

        Assert.That(registry.CountMatch("hello", v => v is (1, _, _)), Is.EqualTo(1));
        Assert.That(registry.CountMatch("hello", v => v is (_, "atom", _)), Is.EqualTo(2));
        Assert.That(registry.CountMatch("hello", v => v is (int a, _, int b) && a == b), Is.EqualTo(2));
        Assert.That(registry.CountMatch("hello", v => v is (_, _, > 1)), Is.EqualTo(1));
        Assert.That(registry.CountMatch("missing", _ => true), Is.Zero);
    }

    [Test]
    public void Unregister_match_removes_only_the_callers_matching_entries()
    {
        var registry = Make(RegistryKeys.Duplicate);
        registry.Register(Inbox, "hello", "world_a");
        registry.Register(Inbox, "hello", "world_b");
        registry.Register(Inbox, "hello", "world_c");
        registry.Register(Witness, "hello", "world_a");

        registry.UnregisterMatch(Inbox, "hello", v => v is "world_a");

        Assert.That(registry.Keys(Inbox.Self), Is.EqualTo(new[] { "hello", "hello" }));
        Assert.That(registry.Values("hello", Inbox.Self), Is.EqualTo(new[] { "world_b", "world_c" }));
        Assert.That(registry.Values("hello", Witness.Self), Is.EqualTo(new[] { "world_a" }), "another owner's entry stays");
    }

    [Test]
    public void Unregister_match_in_a_unique_registry_removes_the_key_only_when_the_value_matches()
    {
        var registry = Make(RegistryKeys.Unique);
        registry.Register(Inbox, "hello", "world");

        registry.UnregisterMatch(Inbox, "hello", v => v is "foo");
        Assert.That(registry.Keys(Inbox.Self), Is.EqualTo(new[] { "hello" }));

        registry.UnregisterMatch(Inbox, "hello", v => v is "world");
        Assert.That(registry.Keys(Inbox.Self), Is.Empty);
    }

    [Test]
    public void Select_projects_the_entries_it_chooses()
    {
        var registry = Make(RegistryKeys.Unique);
        registry.Register(Inbox, "hello", "value");
        registry.Register(Inbox, "world", "value");
        registry.Register(Witness, "other", 42);

        var all = registry.Select((key, pid, value) => true);
        var keys = registry.Select((key, pid, value) => value is "value", (key, pid, value) => (string)key);

        Assert.That(all, Is.EquivalentTo(new (object, Pid, object?)[] { ("hello", Inbox.Self, "value"), ("world", Inbox.Self, "value"), ("other", Witness.Self, 42) }));
        Assert.That(keys, Is.EquivalentTo(new[] { "hello", "world" }));
        Assert.That(registry.Select((key, pid, value) => pid == Witness.Self, (key, pid, value) => new { key, value }).Single().value, Is.EqualTo(42));
        Assert.That(registry.CountSelect((key, pid, value) => value is "value"), Is.EqualTo(2));
        Assert.That(registry.CountSelect((key, pid, value) => false), Is.Zero);
    }

    [Test]
    public void Count_keys_and_values_follow_registrations()
    {
        var registry = Make(RegistryKeys.Duplicate);
        Assert.That(registry.Count, Is.Zero);

        registry.Register(Inbox, "hello", "world");
        registry.Register(Inbox, "hello", "again");
        registry.Register(Inbox, "other", 1);

        Assert.That(registry.Count, Is.EqualTo(3));
        Assert.That(registry.Keys(Inbox.Self), Is.EquivalentTo(new[] { "hello", "hello", "other" }));
        Assert.That(registry.Values("hello", Inbox.Self), Is.EquivalentTo(new[] { "world", "again" }));
        Assert.That(registry.Values("hello", Witness.Self), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task Listeners_hear_of_registrations_and_unregistrations_but_not_of_exits(CancellationToken ct)
    {
        var registry = Make(RegistryKeys.Unique, [Witness.Self]);
        var owner = Node.Spawn(async ctx =>
        {
            registry.Register(ctx, "hello", "world");
            await ctx.ReceiveAsync();
        });

        Assert.That(await Witness.ReceiveAsync(ct), Is.EqualTo(new RegistryRegistered(registry, "hello", owner, "world")));
        registry.Register(Inbox, "mine", "value");
        Assert.That(await Witness.ReceiveAsync(ct), Is.EqualTo(new RegistryRegistered(registry, "mine", Inbox.Self, "value")));
        registry.Unregister(Inbox, "mine");
        Assert.That(await Witness.ReceiveAsync(ct), Is.EqualTo(new RegistryUnregistered(registry, "mine", Inbox.Self)));

        Assert.That(registry.Register(Inbox, "hello", "taken"), Is.False);
        Node.Exit(owner, ExitReason.Kill);
        await Inbox.ExitOf(owner, ct);
        await Witness.AssertNoMessage(); // a refused registration and an owner's exit are not announced
    }

    [Test, CancelAfter(5000)]
    public async Task A_listener_can_be_a_registered_name(CancellationToken ct)
    {
        Node.Register("listener", Witness.Self);
        var registry = Make(RegistryKeys.Duplicate, ["listener"]);

        registry.Register(Inbox, "topic", 1);

        Assert.That(await Witness.ReceiveAsync(ct), Is.EqualTo(new RegistryRegistered(registry, "topic", Inbox.Self, 1)));
    }

    [Test, CancelAfter(5000)]
    public async Task A_via_name_with_a_value_registers_the_value_and_the_name_without_it_reaches_the_server(CancellationToken ct)
    {
        var registry = Make(RegistryKeys.Unique);

        var pid = await GenServer.StartAsync(Node, new TestServer(), ServerName.Via(registry, "agent", "hello"));

        Assert.That(registry.Lookup("agent"), Is.EqualTo(new[] { new RegistryEntry(pid, "hello") }));
        Assert.That(await GenServer.CallAsync<int>(Node, ServerName.Via(registry, "agent"), ("add", 1), cancellationToken: ct), Is.EqualTo(1));
        var duplicate = Assert.ThrowsAsync<StartFailedException>(() => GenServer.StartAsync(Node, new TestServer(), ServerName.Via(registry, "agent", "again")));
        Assert.That(duplicate!.Reason, Is.EqualTo((new Atom("already_started"), (Pid?)pid)));
    }

    [Test]
    public void A_via_name_with_a_value_needs_unique_keys()
    {
        var registry = Make(RegistryKeys.Duplicate);

        var thrown = Assert.Throws<ArgumentException>(() => ServerName.Via(registry, "agent", "hello"));

        Assert.That(thrown!.ParamName, Is.EqualTo("registry"), "the parameter is named");
    }

    [Test]
    public void Functions_for_the_calling_process_and_for_an_explicit_owner_agree()
    {
        var registry = Make(RegistryKeys.Unique);

        Assert.That(registry.Register(Inbox, "a", 1), Is.True);
        Assert.That(registry.Register(Inbox.Self, "b", 2), Is.True);
        Assert.That(registry.TryUpdateValue(Inbox, "a", v => (int)v! + 10, out var updated) ? updated : null, Is.EqualTo(11));
        registry.Unregister(Inbox, "b");

        Assert.That(registry.Select((key, pid, value) => pid == Inbox.Self), Is.EqualTo(new (object, Pid, object?)[] { ("a", Inbox.Self, 11) }));
    }
}
