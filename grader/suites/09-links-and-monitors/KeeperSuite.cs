using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Hidden;

[Property("Step", 2)]
public sealed class KeeperSuite : HiddenTest
{
    [Test]
    public void Arguments_are_checked()
    {
        Assert.That(() => Keeper.StartAsync(null!, 1), Throws.ArgumentNullException, "Step 2: Keeper.StartAsync refuses a null reporter with ArgumentNullException.");
        Assert.That(() => Keeper.StartAsync(Inbox, -1), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 2: Keeper.StartAsync refuses a negative number of workers with ArgumentOutOfRangeException.");
        Assert.That(Node.ProcessCount, Is.EqualTo(1), "a refused start spawns nothing");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_keeper_of_no_workers_still_traps_exits(CancellationToken cancellationToken)
    {
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 0), "a keeper of none");

        Assert.That(workers, Is.Empty, "Step 2: a keeper of 0 workers returns no workers.");
        Assert.That(Node.GetInfo(keeper)!.TrapExit, Is.True, "Step 2: the keeper traps exits even with no workers.");
        Assert.That(Node.GetInfo(keeper)!.Links, Is.Empty, "Step 2: a keeper of no workers has no links: the keeper is not linked to the reporter.");
        Inbox.Exit(keeper, ExitReason.Shutdown);
        Assert.That(await ReceiveAsync<Exited>("the report of shutdown"), Is.EqualTo(new Exited(Inbox.Self, ExitReason.Shutdown)), "Step 2: an exit signal sent to the keeper is reported to the reporter as Exited(from, reason).");
        await AnswersPingAsync(keeper, "the keeper");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_worker_that_exits_is_reported_in_the_order_they_exit(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var count = random.Next(2, 9);
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, count), $"a keeper of {count}");
        Assert.That(workers.Distinct().Count(), Is.EqualTo(count), "Step 2: each worker is its own process.");
        var order = workers.OrderBy(_ => random.Next()).ToList();
        var expected = new List<Exited>();

        foreach (var worker in order)
        {
            var down = Inbox.Monitor(worker);
            object why = random.Next(3) switch
            {
                0 => ExitReason.Normal,
                1 => ExitReason.Killed,
                _ => new Atom($"reason-{random.Next(100)}"),
            };
            if (ExitReason.Normal.Equals(why))
            {
                Inbox.Send(worker, new Finish());
            }
            else
            {
                Inbox.Exit(worker, ExitReason.Killed.Equals(why) ? ExitReason.Kill : why);
            }

            await ExitReasonAsync(down, "a worker");
            expected.Add(new Exited(worker, why));
        }

        var reports = new List<Exited>();
        for (var i = 0; i < count; i++)
        {
            reports.Add(await ReceiveAsync<Exited>($"report {i + 1} of {count}"));
        }

        Assert.That(reports, Is.EqualTo(expected), "Step 2: every worker's exit is reported as Exited(worker, reason), in the order they exited.");
        await AnswersPingAsync(keeper, "the keeper after all its workers exited");
        Assert.That(Node.GetInfo(keeper)!.Links, Is.Empty, "the links of exited workers are gone");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Exit_normal_sent_to_the_keeper_is_reported_too(CancellationToken cancellationToken)
    {
        var (keeper, _) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "a keeper");

        Node.Exit(keeper, ExitReason.Normal);

        Assert.That(await ReceiveAsync<Exited>("the report of exit(normal)"), Is.EqualTo(new Exited(Node.Pid, ExitReason.Normal)), "Step 2: an exit(normal) signal sent to the keeper is reported too, with reason normal.");
        await AnswersPingAsync(keeper, "the keeper");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_keeper_ignores_messages_it_does_not_know(CancellationToken cancellationToken)
    {
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "a keeper");

        Inbox.Send(keeper, "junk");
        Inbox.Send(keeper, new Exited(workers[0], ExitReason.Normal));

        await AnswersPingAsync(keeper, "the keeper after junk");
        await AnswersPingAsync(workers[0], "the worker");
        Assert.That(await AnyLeftAsync(), Is.Null, "nothing is reported for plain messages");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_leaves_the_reporter_mail_alone(CancellationToken cancellationToken)
    {
        Inbox.Send(Inbox.Self, "mine");

        var (_, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 2), "a keeper");

        Assert.That(workers, Has.Count.EqualTo(2), "Step 2: StartAsync returns every worker it started.");
        Assert.That(await Inbox.ReceiveAsync<string>(timeout: TimeSpan.Zero), Is.EqualTo("mine"), "Step 2: StartAsync leaves the reporter's own messages in its mailbox.");
        Assert.That(await AnyLeftAsync(), Is.Null, "Step 2: StartAsync leaves nothing of its own in the reporter's mailbox.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_keepers_report_each_its_own_workers(CancellationToken cancellationToken)
    {
        var (first, firstWorkers) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "keeper one");
        var (second, secondWorkers) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "keeper two");
        Assert.That(first, Is.Not.EqualTo(second), "Step 2: each StartAsync starts a keeper of its own.");
        Assert.That(Node.GetInfo(first)!.Links, Is.EqualTo(firstWorkers), "Step 2: the first keeper is linked to its own workers, and only to them.");
        Assert.That(Node.GetInfo(second)!.Links, Is.EqualTo(secondWorkers), "Step 2: the second keeper is linked to its own workers, and only to them.");

        Inbox.Send(secondWorkers[0], new Crash("two"));

        var report = await ReceiveAsync<Exited>("the report of keeper two");
        Assert.That(report.Pid, Is.EqualTo(secondWorkers[0]), "Step 2: the crash is reported by the keeper of the worker that crashed.");
        await AnswersPingAsync(firstWorkers[0], "keeper one's worker");
    }

    [Test]
    public void The_given_worker_refuses_a_null_context_or_probe()
    {
        Assert.That(() => Worker.RunAsync(null!), Throws.ArgumentNullException, "Step 2: the given Worker.RunAsync refuses a null context with ArgumentNullException.");
        Assert.That(() => Worker.Reporting(null!), Throws.ArgumentNullException, "Step 2: the given Worker.Reporting refuses a null probe with ArgumentNullException.");
    }
}
