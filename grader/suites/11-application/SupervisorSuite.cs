using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Hidden;

/// <summary>Step 1, hidden: the root supervisor's children, their order, names, strategy and default intensity.</summary>
[Property("Step", 1)]
public sealed class SupervisorSuite : HiddenTest
{
    protected override int Step => 1;

    [Test]
    [CancelAfter(10_000)]
    public async Task The_children_are_a_catalog_and_an_orders_server_both_workers(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        var children = await CompletesAsync(Supervisor.WhichChildrenAsync(Node, root, cancellationToken), "WhichChildrenAsync");

        Assert.That(children.Select(c => c.Id), Is.EqualTo(new object[] { typeof(Orders), typeof(Catalog) }),
            Expect("WhichChildren lists the newest first: the orders server, then the catalog (ChildSpec.For gives the server's type as id)"));
        Assert.That(children.Select(c => c.Type), Is.All.EqualTo(ChildType.Worker), Expect("both children are workers"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Each_child_is_registered_under_its_name(CancellationToken cancellationToken)
    {
        await StartRootAsync();
        var catalog = await ReceiveAsync<ChildStarted>("the catalog's start report", c => c.Child == "catalog");
        var orders = await ReceiveAsync<ChildStarted>("the orders server's start report", c => c.Child == "orders");

        Assert.That(Node.WhereIs(Catalog.Registered), Is.EqualTo(catalog.Pid), Expect("the catalog is registered as \"catalog\""));
        Assert.That(Node.WhereIs(Orders.Registered), Is.EqualTo(orders.Pid), Expect("the orders server is registered as \"orders\""));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_supervisor_stops_both_children_with_shutdown(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        await ReportsAsync(2, "the children's start reports");

        await CompletesAsync(Supervisor.StopAsync(Node, root, cancellationToken: cancellationToken), "Supervisor.StopAsync");
        var first = await ReceiveAsync<ChildStopped>("the orders server's stop report");
        var second = await ReceiveAsync<ChildStopped>("the catalog's stop report");

        Assert.That((first.Child, second.Child), Is.EqualTo(("orders", "catalog")), Expect("reverse start order"));
        Assert.That(new[] { first.Reason, second.Reason }, Is.All.EqualTo(ExitReason.Shutdown), Expect("a supervisor stops its children with shutdown"));
        Assert.That(Node.WhereIs("catalog") ?? Node.WhereIs("orders"), Is.Null, Expect("no child is left registered"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_killed_catalog_restarts_the_orders_server_too(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        await ReportsAsync(2, "the children's start reports");
        var orders = Node.WhereIs("orders")!;

        Node.Exit(Node.WhereIs("catalog")!, ExitReason.Kill); // killed: no Terminate, so no catalog report

        var reports = await ReportsAsync(3, "the reports of the restarts after the catalog was killed", whileAlive: root);
        Assert.That(reports, Is.EqualTo(new[] { "orders stopped", "catalog started", "orders started" }), Expect("rest for one, whatever the catalog's reason"));
        Assert.That(Node.WhereIs("orders"), Is.Not.EqualTo(orders), Expect("a new orders server runs"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Random_crashes_restart_exactly_the_crashed_child_and_those_after_it([Values(1, 2, 3)] int round, CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var root = await StartRootAsync();
        await ReportsAsync(2, "the children's start reports");

        for (var i = 0; i < 6; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1)); // out of the restart intensity's window
            var catalog = Node.WhereIs("catalog")!;
            var orders = Node.WhereIs("orders")!;
            var target = random.Next(2) == 0 ? "catalog" : "orders";

            GenServer.Cast(Node, target, new Crash());

            if (target == "catalog")
            {
                Assert.That(await ReportsAsync(4, $"the reports of crash {i + 1} (the catalog)", whileAlive: root),
                    Is.EqualTo(new[] { "catalog stopped", "orders stopped", "catalog started", "orders started" }), Expect("a catalog crash restarts both, in order"));
                Assert.That(Node.WhereIs("orders"), Is.Not.EqualTo(orders), Expect("the orders server was restarted"));
            }
            else
            {
                Assert.That(await ReportsAsync(2, $"the reports of crash {i + 1} (the orders server)", whileAlive: root),
                    Is.EqualTo(new[] { "orders stopped", "orders started" }), Expect("an orders crash restarts it alone"));
                Assert.That(Node.WhereIs("catalog"), Is.EqualTo(catalog), Expect("the catalog was left alone"));
            }
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task With_the_default_intensity_a_second_crash_within_five_seconds_makes_the_root_give_up(CancellationToken cancellationToken)
    {
        var root = await StartRootAsync();
        var exit = Node.WaitForExitAsync(root, cancellationToken);
        await ReportsAsync(2, "the children's start reports");

        GenServer.Cast(Node, "orders", new Crash());
        await ReportsAsync(2, "the reports of the first crash and its restart", whileAlive: root);
        Clock.Advance(TimeSpan.FromSeconds(4));
        GenServer.Cast(Node, "orders", new Crash());

        Assert.That(await CompletesAsync(exit, "the root supervisor's exit"), Is.EqualTo(ExitReason.Shutdown),
            Expect("the flags other than the strategy stay at their defaults: 1 restart in 5 s, so a second one gives up"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Without_a_reporter_the_tree_starts_and_stops_all_the_same(CancellationToken cancellationToken)
    {
        var root = await CompletesAsync(Supervisor.StartAsync(Node, new ShopSupervisor(new Shop())), "the root supervisor to start");
        Assert.That(await CompletesAsync(Orders.PlaceAsync(Node, "tea", 1), "an order"), Is.InstanceOf<Refused>(), Expect("the tree runs"));

        await CompletesAsync(Supervisor.StopAsync(Node, root, cancellationToken: cancellationToken), "Supervisor.StopAsync");
        Assert.That(Node.WhereIs("catalog"), Is.Null, Expect("the tree stopped"));
    }

    private async Task<Pid> StartRootAsync()
    {
        try
        {
            return await CompletesAsync(Supervisor.StartAsync(Node, new ShopSupervisor(new Shop(Inbox.Self))), "the root supervisor to start");
        }
        catch (StartFailedException failed)
        {
            Assert.Fail(Expect($"the root supervisor failed to start, with reason {failed.Reason}"));
            throw;
        }
    }
}
