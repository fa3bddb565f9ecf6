using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Tests;

/// <summary>Step 2: a process that traps exits receives exit signals as messages, and lives on; kill is the exception.</summary>
public sealed class Step2_Trapping_exits : NodeTest
{
    protected override int Step => 2;

    [Test]
    [CancelAfter(10_000)]
    public async Task The_keeper_traps_exits_and_is_linked_to_each_of_its_workers(CancellationToken cancellationToken)
    {
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 3), "Keeper.StartAsync(inbox, 3)");

        Assert.That(workers, Has.Count.EqualTo(3), "Step 2: StartAsync(reporter, 3) returns 3 workers (see README, step 2).");
        var info = Node.GetInfo(keeper)!;
        Assert.That(info.TrapExit, Is.True, "Step 2: the keeper sets ctx.TrapExit = true (see README, step 2).");
        Assert.That(info.Links, Is.EquivalentTo(workers),
            "Step 2: the keeper is linked to each of its workers (SpawnLink from the keeper), and to no one else (see README, step 2).");
        Assert.That(Node.GetInfo(Inbox.Self)!.Links, Is.Empty, "Step 2: the reporter is not linked to the keeper (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_worker_arrives_as_a_message_and_the_keeper_lives_on(CancellationToken cancellationToken)
    {
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 2), "Keeper.StartAsync(inbox, 2)");

        Inbox.Send(workers[0], new Crash("boom"));

        var report = await ReceiveAsync<Exited>("the keeper's Exited report of worker 0's crash", e => e.Pid == workers[0]);
        Assert.That(report.Reason, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("boom"),
            "Step 2: the ExitMessage the keeper received carries the crash's reason, and the report passes it on (see README, step 2).");
        await AnswersPingAsync(keeper, "the keeper");
        await AnswersPingAsync(workers[1], "worker 1 (the keeper did not die, so the crash went no further)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_normal_exit_of_a_worker_arrives_too_with_reason_normal(CancellationToken cancellationToken)
    {
        var (_, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "Keeper.StartAsync(inbox, 1)");

        Inbox.Send(workers[0], new Finish());

        var report = await ReceiveAsync<Exited>("the keeper's Exited report of worker 0's normal exit", e => e.Pid == workers[0]);
        Assert.That(report.Reason, Is.EqualTo(ExitReason.Normal),
            "Step 2: a trapping process hears of every exit of a linked process, normal ones included (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_exit_signal_sent_to_the_keeper_becomes_a_message_too(CancellationToken cancellationToken)
    {
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "Keeper.StartAsync(inbox, 1)");
        var goAway = new Atom("go_away");

        Inbox.Exit(keeper, goAway);

        var report = await ReceiveAsync<Exited>("the keeper's Exited report of the signal the test sent it", e => e.Pid == Inbox.Self);
        Assert.That(report.Reason, Is.EqualTo(goAway),
            "Step 2: exit(keeper, go_away) reaches a trapping keeper as ExitMessage(sender, go_away) (see README, step 2).");
        await AnswersPingAsync(keeper, "the keeper");
        await AnswersPingAsync(workers[0], "worker 0");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Kill_cannot_be_trapped_and_the_workers_die_with_killed(CancellationToken cancellationToken)
    {
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 2), "Keeper.StartAsync(inbox, 2)");
        var keeperDown = Watching(keeper);
        var workerDowns = workers.Select(Watching).ToList();

        Inbox.Exit(keeper, ExitReason.Kill);

        Assert.That(await ExitReasonAsync(keeperDown, "the keeper, sent kill"), Is.EqualTo(ExitReason.Killed),
            "Step 2: kill ends even a process that traps exits, with reason killed (see README, step 2).");
        for (var i = 0; i < workers.Count; i++)
        {
            Assert.That(await ExitReasonAsync(workerDowns[i], $"worker {i}"), Is.EqualTo(ExitReason.Killed),
                $"Step 2: worker {i} does not trap exits: the keeper's killed reaches it through the link and ends it (see README, step 2).");
        }
    }

    [Test]
    public void StartAsync_refuses_a_missing_reporter_and_a_negative_number_of_workers()
    {
        Assert.That(() => Keeper.StartAsync(null!, 1), Throws.ArgumentNullException,
            "Step 2: a keeper needs a reporter: ArgumentNullException (see README, step 2).");
        Assert.That(() => Keeper.StartAsync(Inbox, -1), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 2: zero workers or more: ArgumentOutOfRangeException for -1 (see README, step 2).");
    }
}
