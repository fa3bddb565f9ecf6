using Otp;

namespace Runtime.Tests;

public sealed class RegistryTests
{
    private Node _node = null!;
    private ProcessContext _inbox = null!;

    [SetUp]
    public void SetUp()
    {
        _node = new Node();
        _inbox = _node.CreateInbox();
    }

    [TearDown]
    public void TearDown()
    {
        _inbox.Dispose();
        _node.Dispose();
    }

    [Test]
    public void A_unique_key_is_held_by_one_process_with_its_value()
    {
        var registry = new Registry(RegistryKeys.Unique);
        var other = _node.CreateInbox();

        Assert.That(registry.Register(_inbox.Self, "k", 42), Is.True);
        Assert.That(registry.Register(other.Self, "k", 1), Is.False);
        Assert.That(registry.Register(_inbox.Self, "k", 2), Is.False);

        Assert.That(registry.Lookup("k"), Is.EqualTo(new[] { new RegistryEntry(_inbox.Self, 42) }));
        Assert.That(registry.Lookup("missing"), Is.Empty);
    }

    [Test]
    public void A_duplicate_key_holds_many_entries_in_registration_order()
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = _node.CreateInbox();

        registry.Register(_inbox.Self, "topic", 1);
        registry.Register(other.Self, "topic", 2);
        registry.Register(_inbox.Self, "topic", 3);

        Assert.That(registry.Lookup("topic").Select(e => e.Value), Is.EqualTo(new object[] { 1, 2, 3 }));
        Assert.That(registry.Count, Is.EqualTo(3));
        Assert.That(registry.KeysOf(_inbox.Self), Is.EqualTo(new[] { "topic", "topic" }));
    }

    [Test]
    public void Values_and_match_filter_the_entries()
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = _node.CreateInbox();
        registry.Register(_inbox.Self, "topic", 1);
        registry.Register(other.Self, "topic", 2);
        registry.Register(_inbox.Self, "topic", 3);

        Assert.That(registry.Values("topic", _inbox.Self), Is.EqualTo(new object[] { 1, 3 }));
        Assert.That(registry.Match("topic", v => v is int n && n > 1).Select(e => e.Pid), Is.EqualTo(new[] { other.Self, _inbox.Self }));
    }

    [Test]
    public void Unregister_removes_only_the_owners_entries()
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = _node.CreateInbox();
        registry.Register(_inbox.Self, "topic", 1);
        registry.Register(other.Self, "topic", 2);

        registry.Unregister(_inbox.Self, "topic");

        Assert.That(registry.Lookup("topic"), Is.EqualTo(new[] { new RegistryEntry(other.Self, 2) }));
        Assert.That(registry.KeysOf(_inbox.Self), Is.Empty);
    }

    [Test, CancelAfter(5000)]
    public async Task Entries_are_removed_when_their_owner_exits(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Unique);
        var owner = _node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        registry.Register(owner, "a");
        registry.Register(owner, "b");
        var monitor = _inbox.Monitor(owner);

        _node.Exit(owner, ExitReason.Kill);
        await _inbox.DownReason(monitor, ct);

        Assert.That(registry.Count, Is.Zero);
        Assert.That(registry.Register(_inbox.Self, "a"), Is.True);
    }

    [Test, CancelAfter(5000)]
    public async Task A_dead_process_cannot_register(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Unique);
        var (dead, monitor) = _inbox.SpawnMonitor(_ => Task.CompletedTask);
        await _inbox.DownReason(monitor, ct);

        Assert.That(registry.Register(dead, "k"), Is.False);
        Assert.That(registry.Count, Is.Zero);
    }

    [Test, CancelAfter(5000)]
    public async Task Dispatch_hands_the_entries_to_the_callback_and_skips_it_when_there_are_none(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Duplicate);
        var other = _node.CreateInbox();
        registry.Register(_inbox.Self, "topic", "first");
        registry.Register(other.Self, "topic", "second");

        registry.Dispatch("topic", entries =>
        {
            foreach (var entry in entries)
            {
                _node.Send(entry.Pid, ("event", entry.Value));
            }
        });
        var called = false;
        registry.Dispatch("nobody", _ => called = true);

        Assert.That(await _inbox.ReceiveAsync(ct), Is.EqualTo(("event", "first")));
        Assert.That(await other.ReceiveAsync(ct), Is.EqualTo(("event", "second")));
        Assert.That(called, Is.False);
    }

    [Test]
    public void Update_value_changes_the_owners_value_only()
    {
        var registry = new Registry(RegistryKeys.Unique);
        var other = _node.CreateInbox();
        registry.Register(_inbox.Self, "counter", 1);

        Assert.That(registry.TryUpdateValue(_inbox.Self, "counter", v => (int)v! + 1, out var updated), Is.True);
        Assert.That(updated, Is.EqualTo(2));
        Assert.That(registry.TryUpdateValue(other.Self, "counter", v => 0, out _), Is.False);
        Assert.That(registry.Lookup("counter")[0].Value, Is.EqualTo(2));
    }

    [Test, CancelAfter(5000)]
    public async Task Via_names_start_and_call_servers_and_are_freed_when_the_server_exits(CancellationToken ct)
    {
        var registry = new Registry(RegistryKeys.Unique);
        var name = ServerName.Via(registry, ("counter", 1));

        var pid = await GenServer.StartAsync(_node, new TestServer(), name);

        Assert.That(registry.WhereIsName(("counter", 1)), Is.EqualTo(pid));
        Assert.That(await GenServer.CallAsync<int>(_node, name, ("add", 3)), Is.EqualTo(3));
        var duplicate = Assert.ThrowsAsync<StartFailedException>(() => GenServer.StartAsync(_node, new TestServer(), name));
        Assert.That(duplicate!.Reason, Is.EqualTo((new Atom("already_started"), (Pid?)pid)));

        await GenServer.StopAsync(_node, name);

        Assert.That(registry.WhereIsName(("counter", 1)), Is.Null);
        Assert.ThrowsAsync<NoProcessException>(() => GenServer.CallAsync<int>(_node, name, "get"));
    }

    [Test]
    public void Via_names_need_unique_keys()
    {
        var registry = new Registry(RegistryKeys.Duplicate);

        Assert.That(() => registry.WhereIsName("k"), Throws.InvalidOperationException);
    }
}
