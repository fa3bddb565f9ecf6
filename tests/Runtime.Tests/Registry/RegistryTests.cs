using Otp;

namespace Runtime.Tests;

public sealed class RegistryTests : RuntimeTest
{
    protected override bool UsesFakeClock => false;

    [Test]
    public void A_unique_key_is_held_by_one_process_with_its_value()
    {
        var registry = new Registry(RegistryKeys.Unique);
        var other = Node.CreateInbox();

        Assert.That(registry.Register(Inbox.Self, "k", 42), Is.True);
        Assert.That(registry.Register(other.Self, "k", 1), Is.False);
        Assert.That(registry.Register(Inbox.Self, "k", 2), Is.False);

        Assert.That(registry.Lookup("k"), Is.EqualTo(new[] { new RegistryEntry(Inbox.Self, 42) }));
        Assert.That(registry.Lookup("missing"), Is.Empty);
    }

    [Test]
    public void A_duplicate_key_holds_many_entries_in_registration_order()
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = Node.CreateInbox();

        registry.Register(Inbox.Self, "topic", 1);
        registry.Register(other.Self, "topic", 2);
        registry.Register(Inbox.Self, "topic", 3);

        Assert.That(registry.Lookup("topic").Select(e => e.Value), Is.EqualTo(new object[] { 1, 2, 3 }));
        Assert.That(registry.Count, Is.EqualTo(3));
        Assert.That(registry.Keys(Inbox.Self), Is.EqualTo(new[] { "topic", "topic" }));
    }

    [Test]
    public void Values_and_match_filter_the_entries()
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = Node.CreateInbox();
        registry.Register(Inbox.Self, "topic", 1);
        registry.Register(other.Self, "topic", 2);
        registry.Register(Inbox.Self, "topic", 3);

        Assert.That(registry.Values("topic", Inbox.Self), Is.EqualTo(new object[] { 1, 3 }));
        Assert.That(registry.Match("topic", v => v is int n && n > 1).Select(e => e.Pid), Is.EqualTo(new[] { other.Self, Inbox.Self }));
    }

    [Test]
    public void Unregister_removes_only_the_owners_entries()
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = Node.CreateInbox();
        registry.Register(Inbox.Self, "topic", 1);
        registry.Register(other.Self, "topic", 2);

        registry.Unregister(Inbox.Self, "topic");

        Assert.That(registry.Lookup("topic"), Is.EqualTo(new[] { new RegistryEntry(other.Self, 2) }));
        Assert.That(registry.Keys(Inbox.Self), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task Entries_are_removed_when_their_owner_exits(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Unique);
        var owner = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        registry.Register(owner, "a");
        registry.Register(owner, "b");
        var monitor = Inbox.Monitor(owner);

        Node.Exit(owner, ExitReason.Kill);
        await Inbox.DownReason(monitor, ct);

        Assert.That(registry.Count, Is.Zero);
        Assert.That(registry.Register(Inbox.Self, "a"), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_dead_process_cannot_register(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Unique);
        var (dead, monitor) = Inbox.SpawnMonitor(_ => Task.CompletedTask);
        await Inbox.DownReason(monitor, ct);

        Assert.That(registry.Register(dead, "k"), Is.False);
        Assert.That(registry.Count, Is.Zero);
    }

    [Test, CancelAfter(5000)]
    public async Task Dispatch_hands_the_entries_to_the_callback_and_skips_it_when_there_are_none(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = Node.CreateInbox();
        registry.Register(Inbox.Self, "topic", "first");
        registry.Register(other.Self, "topic", "second");

        registry.Dispatch("topic", entries =>
        {
            foreach (var entry in entries)
            {
                Node.Send(entry.Pid, ("event", entry.Value));
            }
        });
        var called = false;
        registry.Dispatch("nobody", _ => called = true);

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo(("event", "first")));
        Assert.That(await other.ReceiveAsync(ct), Is.EqualTo(("event", "second")));
        Assert.That(called, Is.False);
    }

    [Test]
    public void Update_value_changes_the_owners_value_only()
    {
        var registry = new Registry(RegistryKeys.Unique);
        var other = Node.CreateInbox();
        registry.Register(Inbox.Self, "counter", 1);

        Assert.That(registry.TryUpdateValue(Inbox.Self, "counter", v => (int)v! + 1, out var updated), Is.True);
        Assert.That(updated, Is.EqualTo(2));
        Assert.That(registry.TryUpdateValue(other.Self, "counter", v => 0, out _), Is.False);
        Assert.That(registry.Lookup("counter")[0].Value, Is.EqualTo(2));
    }

    [Test, CancelAfter(5000)]
    public async Task Via_names_start_and_call_servers_and_are_freed_when_the_server_exits(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Unique);
        var name = ServerName.Via(registry, ("counter", 1));

        var pid = await GenServer.StartAsync(Node, new TestServer(), name);

        Assert.That(registry.WhereIsName(("counter", 1)), Is.EqualTo(pid));
        Assert.That(await GenServer.CallAsync<int>(Node, name, ("add", 3)), Is.EqualTo(3));
        var duplicate = Assert.ThrowsAsync<StartFailedException>(() => GenServer.StartAsync(Node, new TestServer(), name));
        Assert.That(duplicate!.Reason, Is.EqualTo((new Atom("already_started"), (Pid?)pid)));

        await GenServer.StopAsync(Node, name);

        Assert.That(registry.WhereIsName(("counter", 1)), Is.Null);
        Assert.ThrowsAsync<NoProcessException>(() => GenServer.CallAsync<int>(Node, name, "get"));
    }

    [Test]
    public void Via_names_need_unique_keys()
    {
        var registry = new Registry(RegistryKeys.Duplicate);

        Assert.That(() => registry.WhereIsName("k"), Throws.InvalidOperationException);
    }
}
