using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Hidden;

/// <summary>Step 2, hidden: the application as one unit, started again, refused twice, stopped from inside and out.</summary>
[Property("Step", 2)]
public sealed class ApplicationSuite : HiddenTest
{
    protected override int Step => 2;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_stopped_shop_starts_again_with_a_new_tree(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();
        await ReportsAsync(2, "the first tree's start reports");
        var firstRoot = shop.TopSupervisor;
        await CompletesAsync(shop.StopAsync(cancellationToken), "the first StopAsync");
        await ReportsAsync(4, "the first stop's reports");

        await CompletesAsync(shop.StartAsync(Node), "the second StartAsync");
        Assert.That(await ReportsAsync(2, "the second tree's start reports"), Is.EqualTo(new[] { "catalog started", "orders started" }), Expect("a new tree starts"));
        Assert.That(shop.TopSupervisor, Is.Not.Null.And.Not.EqualTo(firstRoot), Expect("a new root supervisor"));
        await CompletesAsync(shop.StopAsync(cancellationToken), "the second StopAsync");
        Assert.That(await ReportsAsync(4, "the second stop's reports"),
            Is.EqualTo(new[] { "shop stopping", "orders stopped", "catalog stopped", "shop stopped (orderly)" }), Expect("the same stop, again"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_second_shop_cannot_start_while_one_runs_and_the_first_is_untouched(CancellationToken cancellationToken)
    {
        var first = await StartShopAsync();
        await ReportsAsync(2, "the first shop's start reports");

        var second = new Shop(Inbox.Self);
        Assert.That(async () => await second.StartAsync(Node), Throws.InstanceOf<StartFailedException>(),
            Expect("the root supervisor is registered as \"shop\": a second one cannot take the name, so the second shop does not start"));
        Assert.That(first.IsRunning, Is.True, Expect("the first shop still runs"));
        Assert.That(Node.Applications(), Is.EqualTo(new Application[] { first }), Expect("only the first shop is listed"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_shop_without_a_reporter_starts_and_stops_cleanly(CancellationToken cancellationToken)
    {
        var shop = new Shop();
        await CompletesAsync(shop.StartAsync(Node), "StartAsync");
        var root = shop.TopSupervisor!;

        await CompletesAsync(shop.StopAsync(cancellationToken), "StopAsync");

        Assert.That(await CompletesAsync(shop.Exited, "Exited"), Is.EqualTo(ExitReason.Shutdown),
            Expect("with no reporter, PrepStop and Stop send nothing and must not fail"));
        Assert.That(Node.IsAlive(root), Is.False, Expect("the tree stopped"));
        Assert.That(shop.IsRunning, Is.False, Expect("the shop no longer runs"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_root_stopped_from_outside_ends_the_shop_without_PrepStop(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();
        await ReportsAsync(2, "the children's start reports");

        await CompletesAsync(Supervisor.StopAsync(Node, "shop", cancellationToken: cancellationToken), "Supervisor.StopAsync(\"shop\")");

        Assert.That(await ReportsAsync(3, "the reports of the root's stop"),
            Is.EqualTo(new[] { "orders stopped", "catalog stopped", "shop stopped (on its own)" }),
            Expect("the tree ended without the application being asked: Stop runs, not orderly, and PrepStop does not"));
        Assert.That(await CompletesAsync(shop.Exited, "Exited"), Is.EqualTo(ExitReason.Normal), Expect("Exited gives the root's reason: normal, Supervisor.StopAsync's default"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_child_is_restarted_and_the_application_runs_on(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();
        await ReportsAsync(2, "the children's start reports");
        var root = shop.TopSupervisor;

        GenServer.Cast(Node, "orders", new Crash());

        Assert.That(await ReportsAsync(2, "the restart's reports", whileAlive: root), Is.EqualTo(new[] { "orders stopped", "orders started" }),
            Expect("the supervisor restarts the child"));
        Assert.That(shop.TopSupervisor, Is.EqualTo(root), Expect("a child's crash is the supervisor's business: the application runs on"));
        Assert.That(shop.Exited.IsCompleted, Is.False, Expect("the application did not end"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_is_reported_with_its_exception_and_the_shop_is_named_shop(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();
        await ReportsAsync(2, "the children's start reports");

        GenServer.Cast(Node, "catalog", new Crash());
        var stopped = await ReceiveAsync<ChildStopped>("the catalog's stop report after its crash", c => c.Child == "catalog");

        Assert.That(stopped.Reason, Is.InstanceOf<InvalidOperationException>().With.Message.Contains("asked to crash"), Expect("a crash's reason is its exception"));
        await ReportsAsync(3, "the reports of the restarts after the catalog's crash", whileAlive: shop.TopSupervisor);
        Clock.Advance(TimeSpan.FromMinutes(1));
        GenServer.Cast(Node, "orders", new Crash());
        var orders = await ReceiveAsync<ChildStopped>("the orders server's stop report after its crash", c => c.Child == "orders");
        Assert.That(orders.Reason, Is.InstanceOf<InvalidOperationException>().With.Message.Contains("asked to crash"), Expect("a crash's reason is its exception"));
        Assert.That(shop.Name, Is.EqualTo("shop"), Expect("the application is named shop"));
        Assert.That(Node.Applications().Select(a => a.Name), Is.EqualTo(new[] { "shop" }), Expect("the node lists it by that name"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_root_supervisors_parent_is_the_application_master(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();
        await ReportsAsync(2, "the children's start reports");

        var info = Node.GetInfo(shop.TopSupervisor!)!;
        Assert.That(info.Parent, Is.Not.Null, Expect("the root supervisor is started by the application master"));
        Assert.That(info.Links, Does.Contain(info.Parent), Expect("and linked to it"));
        Assert.That(Node.GetInfo(info.Parent!)?.Behaviour, Is.EqualTo("application_master"), Expect("its parent is the application master"));
    }
}
