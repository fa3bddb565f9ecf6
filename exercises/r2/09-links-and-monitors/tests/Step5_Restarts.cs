using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Tests;

/// <summary>Step 5: when its worker exits, for any reason, the watchdog starts a new one in its place.</summary>
public sealed class Step5_Restarts : NodeTest
{
    protected override int Step => 5;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_worker_is_replaced_by_a_new_one(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 3, window: TimeSpan.FromSeconds(10));
        var first = await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted");

        Node.Send(first.Worker, new Crash("boom"));

        var second = await ReceiveAsync<WorkerStarted>("a new worker's WorkerStarted after the first one crashed");
        Assert.That(second.Worker, Is.Not.EqualTo(first.Worker), "Step 5: a restart is a new process (see README, step 5).");
        var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), "WhichWorkerAsync's answer");
        Assert.That(current.Worker, Is.EqualTo(second.Worker), "Step 5: the watchdog now names the new worker (see README, step 5).");
        Assert.That(current.Restarts, Is.EqualTo(1), "Step 5: one restart so far (see README, step 5).");
        await AnswersPingAsync(second.Worker, "the new worker");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_worker_that_finishes_or_is_killed_is_replaced_too(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 3, window: TimeSpan.FromSeconds(10));
        var first = await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted");

        Node.Send(first.Worker, new Finish());
        var second = await ReceiveAsync<WorkerStarted>("a new worker's WorkerStarted after the first one finished normally");
        Node.Exit(second.Worker, ExitReason.Kill);
        var third = await ReceiveAsync<WorkerStarted>("a new worker's WorkerStarted after the second one was killed");

        var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), "WhichWorkerAsync's answer");
        Assert.That(current.Worker, Is.EqualTo(third.Worker), "Step 5: the watchdog names its newest worker (see README, step 5).");
        Assert.That(current.Restarts, Is.EqualTo(2),
            "Step 5: a DOWN is a DOWN, whatever its reason: normal and killed workers are replaced too (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_message_that_is_not_a_request_changes_nothing(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts: 0, window: TimeSpan.FromSeconds(10));
        var first = await ReceiveAsync<WorkerStarted>("the first worker's WorkerStarted");
        var stranger = Node.Spawn(_ => Task.CompletedTask);
        await Node.WaitForExitAsync(stranger, cancellationToken);

        Node.Send(watchdog, "hello");
        Node.Send(watchdog, new DownMessage(Inbox.Monitor(stranger), stranger, new Atom("not yours"))); // a DOWN of another monitor

        var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), "WhichWorkerAsync's answer");
        Assert.That(current.Worker, Is.EqualTo(first.Worker),
            "Step 5: only the DOWN of the current worker's monitor means a restart; other messages are ignored (see README, step 5).");
        Assert.That(current.Restarts, Is.Zero, "Step 5: a stray message or a DOWN of another monitor is no restart (see README, step 5).");
    }
}
