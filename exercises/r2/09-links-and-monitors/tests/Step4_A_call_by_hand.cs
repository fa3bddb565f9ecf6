using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Tests;

/// <summary>Step 4: the watchdog runs a worker it monitors, and says which; asking it is a call made of a monitor, a send and a receive.</summary>
public sealed class Step4_A_call_by_hand : NodeTest
{
    protected override int Step => 4;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    [Test]
    [CancelAfter(10_000)]
    public async Task The_watchdog_starts_a_worker_and_monitors_it_without_a_link(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 3, window: TimeSpan.FromSeconds(10));

        var started = await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted");
        var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), "WhichWorkerAsync's answer");

        Assert.That(current.Worker, Is.EqualTo(started.Worker), "Step 4: the watchdog says which worker it started (see README, step 4).");
        Assert.That(current.Restarts, Is.Zero, "Step 4: no restart yet (see README, step 4).");
        var info = Node.GetInfo(started.Worker)!;
        Assert.That(info.MonitoredBy, Does.Contain(watchdog), "Step 4: the watchdog monitors its worker (SpawnMonitor) (see README, step 4).");
        Assert.That(info.Links, Does.Not.Contain(watchdog), "Step 4: monitored, not linked (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_answer_carries_the_tag_of_the_request_and_the_call_leaves_nothing_behind(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.RunAsync, maxRestarts: 3, window: TimeSpan.FromSeconds(10));
        Inbox.Send(Inbox.Self, new CurrentWorker(Inbox.Monitor(Inbox.Self), Inbox.Self, 42)); // an old answer, of another call

        var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), "WhichWorkerAsync's answer");

        Assert.That(current.Worker, Is.Not.EqualTo(Inbox.Self),
            "Step 4: an answer with another tag is not this call's: receive only the CurrentWorker whose Tag is this call's monitor (see README, step 4).");
        Assert.That(Node.GetInfo(watchdog)!.MonitoredBy, Does.Not.Contain(Inbox.Self),
            "Step 4: once answered, the call removes its monitor of the watchdog (see README, step 4).");
        Node.Exit(watchdog, ExitReason.Kill);
        await Node.WaitForExitAsync(watchdog, cancellationToken);
        Assert.That(await DownLeftInMailboxAsync(), Is.Null,
            "Step 4: the watchdog died after the call: no DOWN of the call's monitor may reach the caller (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Asking_a_dead_watchdog_fails_at_once_with_noproc(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.RunAsync, maxRestarts: 3, window: TimeSpan.FromSeconds(10));
        Node.Exit(watchdog, ExitReason.Kill);
        await Node.WaitForExitAsync(watchdog, cancellationToken);

        // The clock never moves here: only the monitor's DOWN (noproc) can end the call.
        var call = Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait);
        Assert.That(async () => await CompletesAsync(call, "WhichWorkerAsync on a dead watchdog"), Throws.TypeOf<NoProcessException>(),
            "Step 4: the monitor of a dead pid fires at once with noproc: throw NoProcessException, without waiting for the time-out (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_watchdog_that_dies_before_answering_fails_the_call_with_its_reason(CancellationToken cancellationToken)
    {
        var crashing = Node.Spawn(async ctx =>
        {
            await ctx.ReceiveAsync<WhichWorker>();
            throw new InvalidOperationException("no answer for you");
        });

        var call = Watchdog.WhichWorkerAsync(Inbox, crashing, Wait);

        var failed = Assert.ThrowsAsync<ProcessExitedException>(async () => await CompletesAsync(call, "WhichWorkerAsync to a watchdog that crashes"),
            "Step 4: the watchdog's DOWN ends the call at once, with ProcessExitedException (see README, step 4).");
        Assert.That(failed?.Reason, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("no answer for you"),
            "Step 4: ProcessExitedException carries the reason from the DOWN (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_silent_watchdog_makes_the_call_time_out_on_the_node_clock(CancellationToken cancellationToken)
    {
        var silent = Node.Spawn(Worker.RunAsync); // reads WhichWorker and ignores it
        var call = Watchdog.WhichWorkerAsync(Inbox, silent, TimeSpan.FromSeconds(3));

        Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.That(async () => await CompletesAsync(call, "WhichWorkerAsync to time out after 3 s on the node's clock"),
            Throws.TypeOf<TimeoutException>().With.Message.Contains(silent.ToString()),
            "Step 4: no answer within the time-out: TimeoutException, whose message names the watchdog (see README, step 4).");
        Node.Exit(silent, ExitReason.Kill);
        await Node.WaitForExitAsync(silent, cancellationToken);
        Assert.That(await DownLeftInMailboxAsync(), Is.Null,
            "Step 4: a call that timed out removed its monitor too: no DOWN arrives later (see README, step 4).");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_DOWN_that_arrives_with_the_answer_is_flushed(CancellationToken cancellationToken)
    {
        // A watchdog that answers and exits at once: its DOWN may reach the caller before the call removes its monitor,
        // in which case only flush: true takes it out of the mailbox. Many rounds, so that it happens.
        for (var round = 0; round < 50; round++)
        {
            var answering = Node.Spawn(async ctx =>
            {
                var ask = await ctx.ReceiveAsync<WhichWorker>();
                ctx.Send(ask!.ReplyTo, new CurrentWorker(ask.Tag, ctx.Self, 0));
            });

            await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, answering, Wait), $"the answer in round {round}");
            await Node.WaitForExitAsync(answering, cancellationToken);

            Assert.That(await DownLeftInMailboxAsync(), Is.Null,
                $"Step 4: round {round}: the watchdog's DOWN came with its answer and stayed in the mailbox: Demonitor(tag, flush: true) " +
                "removes it (see README, step 4).");
        }
    }

    [Test]
    public void Start_and_WhichWorkerAsync_refuse_missing_or_impossible_arguments()
    {
        var window = TimeSpan.FromSeconds(10);
        Assert.That(() => Watchdog.Start(null!, Worker.RunAsync, 1, window), Throws.ArgumentNullException, "Step 4: no node (see README, step 4).");
        Assert.That(() => Watchdog.Start(Node, null!, 1, window), Throws.ArgumentNullException, "Step 4: no worker (see README, step 4).");
        Assert.That(() => Watchdog.Start(Node, Worker.RunAsync, -1, window), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 4: maxRestarts is zero or more (see README, step 4).");
        Assert.That(() => Watchdog.Start(Node, Worker.RunAsync, 1, TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 4: the window is more than zero (see README, step 4).");
        Assert.That(Node.ProcessCount, Is.EqualTo(1), "Step 4: a refused Start spawns nothing (see README, step 4).");
        var pid = Node.Spawn(Worker.RunAsync);
        Assert.That(() => Watchdog.WhichWorkerAsync(null!, pid, Wait), Throws.ArgumentNullException, "Step 4: no caller (see README, step 4).");
        Assert.That(() => Watchdog.WhichWorkerAsync(Inbox, null!, Wait),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("watchdog"),
            "Step 4: no watchdog: ArgumentNullException naming watchdog (see README, step 4).");
    }
}
