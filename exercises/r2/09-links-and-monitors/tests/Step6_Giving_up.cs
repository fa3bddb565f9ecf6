using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Tests;

/// <summary>Step 6: more than maxRestarts restarts within the window, on the node's clock, and the watchdog gives up.</summary>
public sealed class Step6_Giving_up : NodeTest
{
    protected override int Step => 6;

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Test]
    [CancelAfter(10_000)]
    public async Task Too_many_restarts_within_the_window_stop_the_watchdog_with_shutdown(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 2, Window);
        var down = Watching(watchdog);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted")).Worker;

        for (var restart = 1; restart <= 2; restart++)
        {
            Node.Send(worker, new Crash("again"));
            worker = (await ReceiveAsync<WorkerStarted>($"restart {restart} of 2 allowed within the window")).Worker;
        }

        Node.Send(worker, new Crash("once too often"));

        Assert.That(await ExitReasonAsync(down, "the watchdog, after a third crash within the window"), Is.EqualTo(ExitReason.Shutdown),
            "Step 6: a third restart within the window is more than maxRestarts (2): the watchdog exits with shutdown (see README, step 6).");
        Assert.That(await Inbox.ReceiveAsync<WorkerStarted>(timeout: TimeSpan.Zero), Is.Null,
            "Step 6: a watchdog that gives up starts no new worker (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Restarts_further_apart_than_the_window_never_add_up(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 1, Window);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted")).Worker;

        for (var restart = 1; restart <= 4; restart++)
        {
            Clock.Advance(Window + TimeSpan.FromSeconds(1));
            Node.Send(worker, new Crash("now and then"));
            worker = (await ReceiveAsync<WorkerStarted>(
                $"restart {restart}: each comes 11 s after the one before, so the 10 s window never holds two")).Worker;
        }

        var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, TimeSpan.FromSeconds(5)), "WhichWorkerAsync's answer");
        Assert.That(current.Restarts, Is.EqualTo(4),
            "Step 6: restarts older than the window no longer count; the window is measured on the node's clock, Node.Time (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_restart_counts_for_the_whole_window_not_just_an_instant(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 1, Window);
        var down = Watching(watchdog);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted")).Worker;
        Node.Send(worker, new Crash("first"));
        worker = (await ReceiveAsync<WorkerStarted>("the one restart allowed")).Worker;

        Clock.Advance(Window - TimeSpan.FromSeconds(1));
        Node.Send(worker, new Crash("second, 9 s later"));

        Assert.That(await ExitReasonAsync(down, "the watchdog, after two restarts 9 s apart with a 10 s window"), Is.EqualTo(ExitReason.Shutdown),
            "Step 6: the first restart, 9 s old, still counts in a 10 s window: two is more than maxRestarts (1) (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_restart_exactly_one_window_old_still_counts(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 1, Window);
        var down = Watching(watchdog);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted")).Worker;
        Node.Send(worker, new Crash("first"));
        worker = (await ReceiveAsync<WorkerStarted>("the one restart allowed")).Worker;

        Clock.Advance(Window);
        Node.Send(worker, new Crash("second, exactly 10 s later"));

        Assert.That(await ExitReasonAsync(down, "the watchdog, after two restarts exactly 10 s apart with a 10 s window"),
            Is.EqualTo(ExitReason.Shutdown),
            "Step 6: a restart counts while it is at most window old; only one more than window old drops out (see README, step 6).");
    }
}
