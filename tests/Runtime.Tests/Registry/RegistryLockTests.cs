using Otp;

namespace Runtime.Tests;

/// <summary>Registry.lock/3: one function at a time per lock key, released when it ends or its process exits.</summary>
[TestFixture(RegistryKeys.Unique)]
[TestFixture(RegistryKeys.Duplicate)]
public sealed class RegistryLockTests(RegistryKeys keys) : RuntimeTest
{
    private Registry _registry = null!;

    [SetUp]
    public void MakeRegistry() => _registry = new Registry(keys);

    [Test, CancelAfter(5000)]
    public async Task Different_keys_do_not_wait_for_each_other(CancellationToken ct)
    {
        var first = HoldUntilTold(1, "locked1");
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked1"));
        var second = HoldUntilTold(2, "locked2");
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked2"), "a lock on another key is granted while the first is held");

        Node.Send(first, "unlock");
        Node.Send(second, "unlock");

        Assert.That(await Witness.ReceiveAsync(ct), Is.EqualTo(("done", "locked1")).Or.EqualTo(("done", "locked2")));
        Assert.That(await Witness.ReceiveAsync(ct), Is.EqualTo(("done", "locked1")).Or.EqualTo(("done", "locked2")));
        Assert.That(await _registry.LockAsync(Inbox, 1, () => Task.FromResult("free"), ct), Is.EqualTo("free"));
    }

    [Test, CancelAfter(5000)]
    public async Task The_same_key_runs_one_function_at_a_time(CancellationToken ct)
    {
        var first = HoldUntilTold("k", "locked1");
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked1"));
        var others = new Dictionary<string, Pid> { ["locked2"] = HoldUntilTold("k", "locked2"), ["locked3"] = HoldUntilTold("k", "locked3") };

        await Inbox.AssertNoMessage(); // the others wait while the first holds the lock
        Node.Send(first, "unlock");

        var next = (string)await Inbox.ReceiveAsync(ct);
        Assert.That(others.Keys, Does.Contain(next), "the lock passes to one of those waiting");
        await Inbox.AssertNoMessage(); // and only to one
        Node.Send(others[next], "unlock");
        var last = (string)await Inbox.ReceiveAsync(ct);
        Assert.That(last, Is.Not.EqualTo(next).And.AnyOf("locked2", "locked3"), "then to the other");
        Node.Send(others[last], "unlock");
        Assert.That(await _registry.LockAsync(Inbox, "k", () => Task.FromResult("free"), ct), Is.EqualTo("free"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_function_that_throws_releases_the_lock_and_the_caller_sees_the_exception(CancellationToken ct)
    {
        var thrown = Assert.ThrowsAsync<InvalidOperationException>(() =>
            _registry.LockAsync<int>(Inbox, "k", () => throw new InvalidOperationException("oops"), ct));

        Assert.That(thrown!.Message, Is.EqualTo("oops"));
        Assert.That(await _registry.LockAsync(Inbox, "k", () => Task.FromResult("free"), ct), Is.EqualTo("free"), "the lock was released");
    }

    [Test, CancelAfter(5000)]
    public async Task A_holder_that_is_killed_releases_the_lock(CancellationToken ct)
    {
        var holder = HoldUntilTold("k", "locked1");
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked1"));
        var waiter = HoldUntilTold("k", "locked2");
        await Inbox.AssertNoMessage(); // the waiter does not get the lock while it is held

        Node.Exit(holder, ExitReason.Kill);

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked2"), "the waiter gets the lock of the dead holder");
        Node.Send(waiter, "unlock");
        Assert.That(await Witness.ReceiveAsync(ct), Is.EqualTo(("done", "locked2")));
    }

    [Test, CancelAfter(5000)]
    public async Task A_waiter_that_is_killed_leaves_the_queue(CancellationToken ct)
    {
        var holder = HoldUntilTold("k", "locked1");
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked1"));
        var waiter = HoldUntilTold("k", "locked2");
        var next = HoldUntilTold("k", "locked3");
        await Inbox.AssertNoMessage(); // neither gets the lock while it is held (and both have time to queue)

        Node.Exit(waiter, ExitReason.Kill);
        await Inbox.ExitOf(waiter, ct);
        Node.Send(holder, "unlock");

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked3"), "the dead waiter is skipped");
        Node.Send(next, "unlock");
        Assert.That(await _registry.LockAsync(Inbox, "k", () => Task.FromResult("free"), ct), Is.EqualTo("free"));
    }

    [Test, CancelAfter(5000)]
    public async Task A_waiter_that_gives_up_leaves_the_queue(CancellationToken ct)
    {
        var holder = HoldUntilTold("k", "locked1");
        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("locked1"));
        using var giveUp = new CancellationTokenSource();
        var ran = false;
        var waiting = _registry.LockAsync(Witness, "k", () => Task.FromResult(ran = true), giveUp.Token);

        await giveUp.CancelAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Node.Send(holder, "unlock");
        Assert.That(await _registry.LockAsync(Inbox, "k", () => Task.FromResult("free"), ct), Is.EqualTo("free"));
        Assert.That(ran, Is.False, "the function of a caller that gave up never runs");
    }

    [Test]
    public void A_dead_owner_cannot_take_a_lock()
    {
        using var gone = Node.CreateInbox();
        var pid = gone.Self;
        gone.Dispose();

        Assert.ThrowsAsync<NoProcessException>(() => _registry.LockAsync(pid, "k", () => Task.FromResult(0)));
    }

    // A process that takes the lock of the key, says so to the inbox, waits for "unlock" and reports ("done", tag) to the witness.
    private Pid HoldUntilTold(object key, string tag)
    {
        var inbox = Inbox.Self;
        var witness = Witness.Self;
        return Node.Spawn(async ctx =>
        {
            var result = await _registry.LockAsync(ctx, key, async () =>
            {
                ctx.Send(inbox, tag);
                await ctx.ReceiveAsync(m => m is "unlock", Timeout.InfiniteTimeSpan);
                return ("done", tag);
            });
            ctx.Send(witness, result);
        });
    }
}
