using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Tests;

/// <summary>
/// Step 4: the shop is a permanent application: when its tree ends on its own, for any reason, the node goes down
/// (the other applications are stopped and every process is killed); an asked-for stop leaves the node running.
/// </summary>
public sealed class Step4_A_permanent_application : ShopTest
{
    protected override int Step => 4;

    [Test]
    [CancelAfter(10_000)]
    public async Task When_the_shop_tree_is_killed_the_node_goes_down(CancellationToken cancellationToken)
    {
        var (bystander, stray, shop) = await StartNodeAsync();

        Node.Exit(shop.TopSupervisor!, ExitReason.Kill);

        Assert.That(await CompletesAsync(shop.Exited, "the shop's end"), Is.EqualTo(ExitReason.Killed), Expect("the shop ended with its root's reason"));
        await TheNodeWentDownAsync(bystander, stray, "the shop's root supervisor was killed");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task When_the_shop_tree_gives_up_after_too_many_restarts_the_node_goes_down(CancellationToken cancellationToken)
    {
        var (bystander, stray, shop) = await StartNodeAsync();

        // Crash the catalog again and again, on a clock that does not move, until the root supervisor gives up.
        for (var crash = 1; !shop.Exited.IsCompleted && crash <= 10; crash++)
        {
            GenServer.Cast(Node, "catalog", new Crash());
            var next = await CompletesAsync(Task.WhenAny(shop.Exited, Inbox.ReceiveAsync<ChildStarted>(c => c.Child == "catalog").AsTask()),
                $"a restarted catalog or the shop's end, after crash {crash}");
            if (next == shop.Exited)
            {
                break;
            }
        }

        Assert.That(await CompletesAsync(shop.Exited, "the shop's end after the crash loop"), Is.EqualTo(ExitReason.Shutdown),
            Expect("a supervisor restarted too often gives up and exits with shutdown"));
        await TheNodeWentDownAsync(bystander, stray, "the shop's root supervisor gave up (an end with the clean reason shutdown)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task When_the_shop_tree_ends_with_normal_the_node_goes_down_too(CancellationToken cancellationToken)
    {
        var (bystander, stray, shop) = await StartNodeAsync();

        // Not the application's StopAsync: the root supervisor itself is told to end, with the reason normal.
        await CompletesAsync(Supervisor.StopAsync(Node, shop.TopSupervisor!, ExitReason.Normal, cancellationToken), "the root supervisor to stop");

        Assert.That(await CompletesAsync(shop.Exited, "the shop's end"), Is.EqualTo(ExitReason.Normal), Expect("the shop ended with its root's reason"));
        await TheNodeWentDownAsync(bystander, stray, "the shop's root supervisor ended with normal (only a transient application forgives that)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stopping_the_shop_leaves_the_node_and_the_other_applications_running(CancellationToken cancellationToken)
    {
        var (bystander, stray, shop) = await StartNodeAsync();

        await CompletesAsync(shop.StopAsync(cancellationToken), "shop.StopAsync to return");

        Assert.That(Node.IsAlive(stray.Pid), Is.True, Expect("an application asked to stop never takes the node down: the other processes live on"));
        Assert.That(bystander.IsRunning, Is.True, Expect("an application asked to stop never takes the node down: the other applications run on"));
        Assert.That(Node.Applications(), Is.EqualTo(new Application[] { bystander }), Expect("only the shop left the node's applications"));
        stray.Patience.Dispose();
    }

    /// <summary>Starts another application, a process outside any application (and a wait for its exit), then the shop.</summary>
    private async Task<(Bystander Bystander, Stray Stray, Shop Shop)> StartNodeAsync()
    {
        var bystander = new Bystander();
        await CompletesAsync(bystander.StartAsync(Node), "another application to start");
        var stray = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
        var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var strayExit = Node.WaitForExitAsync(stray, patience.Token); // asked now, so its answer cannot be noproc
        var shop = await StartShopAsync(type: Shop.StartType);
        await ReportsAsync(2, "the children's start reports");
        return (bystander, new Stray(stray, strayExit, patience), shop);
    }

    private async Task TheNodeWentDownAsync(Bystander bystander, Stray stray, string cause)
    {
        using var patience = stray.Patience;
        patience.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            Assert.That(await stray.Exit, Is.EqualTo(ExitReason.Killed),
                Expect($"{cause}; the shop is permanent, so the node goes down: every other process is killed"));
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail(Expect($"{cause}, and 2 s later a process outside the shop still ran: the node did not go down. " +
                               $"Shop.StartType is {Shop.StartType}; which type takes the node down whatever the reason?"));
        }

        Assert.That(bystander.Exited.IsCompleted, Is.True, Expect("a node going down stops the other applications first"));
        Assert.That(Node.Applications(), Is.Empty, Expect("no application runs on a node that went down"));
    }

    /// <summary>A process outside any application, and the pending wait for its exit.</summary>
    private sealed record Stray(Pid Pid, Task<object> Exit, CancellationTokenSource Patience);
}
