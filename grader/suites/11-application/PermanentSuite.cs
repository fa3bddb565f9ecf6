using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Hidden;

/// <summary>Step 4, hidden: a permanent shop takes the whole node down, whatever ends its tree and whatever else runs.</summary>
[Property("Step", 4)]
public sealed class PermanentSuite : HiddenTest
{
    protected override int Step => 4;

    [Test]
    [CancelAfter(10_000)]
    public async Task The_shop_is_started_permanent(CancellationToken cancellationToken) =>
        Assert.That(await Task.FromResult(Shop.StartType), Is.EqualTo(ApplicationType.Permanent), Expect("the node exists for the shop: permanent"));

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_other_application_and_process_goes_down_with_the_shop([Values(1, 2, 3)] int round, CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var before = new List<Bystander>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            before.Add(await StartBystanderAsync());
        }

        var strays = Enumerable.Range(0, random.Next(1, 20)).Select(_ => Node.Spawn(ctx => ctx.ReceiveAsync().AsTask())).ToList();
        var exits = strays.Select(pid => Node.WaitForExitAsync(pid, patience.Token)).ToList();
        var shop = await StartShopAsync(type: Shop.StartType);
        await ReportsAsync(2, "the children's start reports");
        var after = await StartBystanderAsync();

        // The tree ends on its own in one of three ways: killed, stopped with an abnormal reason, or stopped normally.
        // A permanent application takes the node down each time.
        var end = random.Next(3);
        TestContext.Out.WriteLine($"the root supervisor ends by {(end == 0 ? "kill" : end == 1 ? "a stop with boom" : "a normal stop")}");
        if (end == 0)
        {
            Node.Exit(shop.TopSupervisor!, ExitReason.Kill);
        }
        else
        {
            // Not awaited: the stop's reply may never come, since the node goes down meanwhile.
            _ = Supervisor.StopAsync(Node, "shop", end == 1 ? new Atom("boom") : ExitReason.Normal, CancellationToken.None);
        }

        var reasons = await CompletesAsync(Task.WhenAll(exits), "every process outside the shop to exit (the node going down)");
        Assert.That(reasons, Is.All.EqualTo(ExitReason.Killed), Expect("a node going down kills every process"));
        Assert.That(before.Append(after).Select(b => b.Exited.IsCompleted), Is.All.True, Expect("every other application is stopped, started before or after the shop"));
        Assert.That(Node.Applications(), Is.Empty, Expect("no application is left"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_loop_of_the_orders_server_takes_the_node_down_too(CancellationToken cancellationToken)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var bystander = await StartBystanderAsync();
        var stray = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var strayExit = Node.WaitForExitAsync(stray, patience.Token);
        var shop = await StartShopAsync(type: Shop.StartType);
        await ReportsAsync(2, "the children's start reports");

        for (var crash = 1; !shop.Exited.IsCompleted && crash <= 10; crash++)
        {
            GenServer.Cast(Node, "orders", new Crash());
            await CompletesAsync(Task.WhenAny(shop.Exited, Inbox.ReceiveAsync<ChildStarted>(c => c.Child == "orders").AsTask()), $"a restart or the shop's end, crash {crash}");
        }

        Assert.That(await CompletesAsync(strayExit, "a process outside the shop to exit"), Is.EqualTo(ExitReason.Killed),
            Expect("the root gave up with shutdown and the shop is permanent: the node goes down"));
        Assert.That(bystander.Exited.IsCompleted, Is.True, Expect("the other application was stopped"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_permanent_shop_stopped_and_started_again_still_takes_the_node_down(CancellationToken cancellationToken)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var shop = await StartShopAsync(type: Shop.StartType);
        await ReportsAsync(2, "the first start's reports");
        await CompletesAsync(shop.StopAsync(cancellationToken), "StopAsync");
        await ReportsAsync(4, "the stop's reports");
        var stray = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var strayExit = Node.WaitForExitAsync(stray, patience.Token);
        Assert.That(Node.IsAlive(stray), Is.True, Expect("an asked-for stop leaves the node up"));

        await CompletesAsync(shop.StartAsync(Node, Shop.StartType), "the second start");
        await ReportsAsync(2, "the second start's reports");
        Node.Exit(shop.TopSupervisor!, ExitReason.Kill);

        Assert.That(await CompletesAsync(strayExit, "a process outside the shop to exit"), Is.EqualTo(ExitReason.Killed), Expect("the node goes down"));
    }

    private async Task<Bystander> StartBystanderAsync()
    {
        var bystander = new Bystander();
        await CompletesAsync(bystander.StartAsync(Node), "another application to start");
        return bystander;
    }
}
