using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Tests;

/// <summary>
/// Step 1: the root supervisor lists the children in dependency order (the catalog, then the orders server that needs
/// it) under the strategy that keeps the orders server's copy of the prices true: rest for one.
/// </summary>
public sealed class Step1_The_root_supervisor : ShopTest
{
    protected override int Step => 1;

    [Test]
    [CancelAfter(10_000)]
    public async Task The_catalog_starts_first_and_the_orders_server_that_needs_it_second(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();

        var reports = await ReportsAsync(2, "the children's start reports");
        Assert.That(reports, Is.EqualTo(new[] { "catalog started", "orders started" }),
            Expect("children start in the order of the list, and the orders server needs the catalog: catalog first"));
        Assert.That(Node.WhereIs("catalog"), Is.Not.Null, Expect("the catalog is registered as \"catalog\" (ChildSpec.For(..., name: ...))"));
        Assert.That(Node.WhereIs("orders"), Is.Not.Null, Expect("the orders server is registered as \"orders\""));
        var children = await CompletesAsync(Supervisor.WhichChildrenAsync(Node, root, cancellationToken), "WhichChildrenAsync's answer");
        Assert.That(children, Has.Count.EqualTo(2), Expect("the root supervisor has two children, the catalog and the orders server"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_children_stop_in_reverse_start_order(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        await ReportsAsync(2, "the children's start reports");

        await CompletesAsync(Supervisor.StopAsync(Node, root, cancellationToken: cancellationToken), "Supervisor.StopAsync to return");

        var reports = await ReportsAsync(2, "the children's stop reports");
        Assert.That(reports, Is.EqualTo(new[] { "orders stopped", "catalog stopped" }),
            Expect("a supervisor stops its children in reverse start order: the orders server first, while the catalog it needs still runs"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_catalog_restarts_the_orders_server_after_it(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        await ReportsAsync(2, "the children's start reports");
        var catalog = Node.WhereIs("catalog")!;
        var orders = Node.WhereIs("orders")!;

        GenServer.Cast(Node, "catalog", new Crash());

        var reports = await ReportsAsync(4, "the reports of the catalog's crash and the restarts", whileAlive: root);
        Assert.That(reports, Is.EqualTo(new[] { "catalog stopped", "orders stopped", "catalog started", "orders started" }),
            Expect("when the catalog crashes, the orders server's copy of its prices may be stale: rest for one stops the children " +
                   "after the catalog, then starts the catalog and them again, in order"));
        Assert.That(Node.WhereIs("catalog"), Is.Not.EqualTo(catalog).And.Not.Null, Expect("a new catalog runs"));
        Assert.That(Node.WhereIs("orders"), Is.Not.EqualTo(orders).And.Not.Null, Expect("a new orders server runs"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_orders_server_leaves_the_catalog_running(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        await ReportsAsync(2, "the children's start reports");
        var catalog = Node.WhereIs("catalog")!;

        GenServer.Cast(Node, "orders", new Crash());

        var reports = await ReportsAsync(2, "the reports of the orders server's crash and its restart", whileAlive: root);
        Assert.That(reports, Is.EqualTo(new[] { "orders stopped", "orders started" }),
            Expect("nothing depends on the orders server: rest for one restarts it alone (one for all would restart the catalog too)"));
        Assert.That(Node.WhereIs("catalog"), Is.EqualTo(catalog), Expect("the catalog is the same process as before"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_other_flags_stay_at_their_defaults_so_a_second_restart_within_five_seconds_gives_up(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        var exit = Node.WaitForExitAsync(root, cancellationToken);
        await ReportsAsync(2, "the children's start reports");

        GenServer.Cast(Node, "orders", new Crash());
        await ReportsAsync(2, "the reports of the first crash and its restart", whileAlive: root);
        Clock.Advance(TimeSpan.FromSeconds(4));
        GenServer.Cast(Node, "orders", new Crash());

        Assert.That(await CompletesAsync(exit, "the root supervisor's exit after a second crash 4 s after the first"), Is.EqualTo(ExitReason.Shutdown),
            Expect("only the strategy changes: the default restart intensity (1 restart in 5 s) makes a second restart within 5 s " +
                   "too many, and the supervisor gives up with shutdown"));
    }

    private async Task<Pid> StartRootAsync()
    {
        try
        {
            return await CompletesAsync(Supervisor.StartAsync(Node, new ShopSupervisor(new Shop(Inbox.Self))), "the root supervisor to start");
        }
        catch (StartFailedException failed)
        {
            Assert.Fail(Expect($"the root supervisor failed to start, with reason {failed.Reason} (the orders server asks the " +
                               "catalog for its prices when it starts: is the catalog first?)"));
            throw;
        }
    }
}
