using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Tests;

/// <summary>
/// Step 2: the application starts its whole tree under one root supervisor linked to the application master, and stops
/// it as one unit: PrepStop, the tree in reverse order, then Stop.
/// </summary>
public sealed class Step2_One_unit : ShopTest
{
    protected override int Step => 2;

    [Test]
    [CancelAfter(10_000)]
    public async Task Starting_the_shop_starts_its_whole_tree_under_a_root_supervisor_named_shop(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();

        var reports = await ReportsAsync(2, "the children's start reports");
        Assert.That(reports, Is.EqualTo(new[] { "catalog started", "orders started" }), Expect("starting the application starts its tree, in order"));
        Assert.That(shop.TopSupervisor, Is.Not.Null.And.EqualTo(Node.WhereIs("shop")),
            Expect("StartAsync(master) returns the root supervisor, registered as \"shop\""));
        Assert.That(Node.GetInfo(shop.TopSupervisor!)?.Behaviour, Is.EqualTo("supervisor"), Expect("the root of the tree is a supervisor (ShopSupervisor)"));
        Assert.That(Node.Applications(), Does.Contain(shop), Expect("a started application is listed by node.Applications()"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_shop_runs_PrepStop_then_stops_the_tree_in_reverse_then_runs_Stop(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();
        await ReportsAsync(2, "the children's start reports");
        var tree = new[] { shop.TopSupervisor!, Node.WhereIs("catalog")!, Node.WhereIs("orders")! };

        await CompletesAsync(shop.StopAsync(cancellationToken), "shop.StopAsync to return");

        var reports = await ReportsAsync(4, "the reports of the shop's stop");
        Assert.That(reports, Is.EqualTo(new[] { "shop stopping", "orders stopped", "catalog stopped", "shop stopped (orderly)" }),
            Expect("an application stops as one unit: PrepStop (report ShopStopping) while the tree runs, then the tree in reverse " +
                   "start order, then Stop (report ShopStopped(Orderly: true), since PrepStop ran)"));
        Assert.That(tree, Has.None.Matches<Pid>(Node.IsAlive), Expect("no process of the tree is left running"));
        Assert.That(await CompletesAsync(shop.Exited, "shop.Exited"), Is.EqualTo(ExitReason.Shutdown), Expect("the root supervisor was stopped with shutdown"));
        Assert.That(Node.Applications(), Does.Not.Contain(shop), Expect("a stopped application is no longer listed"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_root_supervisor_that_dies_ends_the_application_which_runs_Stop_but_not_PrepStop(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync();
        await ReportsAsync(2, "the children's start reports");

        Node.Exit(shop.TopSupervisor!, ExitReason.Kill);

        var reason = await CompletesAsync(shop.Exited,
            "shop.Exited after its root supervisor was killed (the master hears of the root's death only through a link: start it with StartLinkAsync(master, ...))");
        Assert.That(reason, Is.EqualTo(ExitReason.Killed), Expect("Exited gives the root supervisor's exit reason"));
        var stopped = await ReceiveAsync<ShopStopped>("the shop's ShopStopped report from Stop");
        Assert.That(stopped.Orderly, Is.False, Expect("Stop runs when the tree ends on its own too; PrepStop did not run, so it is not orderly"));
        Assert.That(await Inbox.ReceiveAsync<ShopStopping>(timeout: System.TimeSpan.Zero), Is.Null,
            Expect("PrepStop runs only when the application is asked to stop; nobody asked here"));
        Assert.That(Node.Applications(), Does.Not.Contain(shop), Expect("an application whose tree died is no longer listed"));
    }
}
