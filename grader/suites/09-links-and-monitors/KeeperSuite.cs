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
        Assert.That(() => Keeper.StartAsync(null!, 1), Throws.ArgumentNullException);
        Assert.That(() => Keeper.StartAsync(Inbox, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(Node.ProcessCount, Is.EqualTo(1), "a refused start spawns nothing");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_keeper_of_no_workers_still_traps_exits(CancellationToken cancellationToken)
    {
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, 0), "a keeper of none");

        Assert.That(workers, Is.Empty);
        Assert.That(Node.GetInfo(keeper)!.TrapExit, Is.True);
        Assert.That(Node.GetInfo(keeper)!.Links, Is.Empty);
        Inbox.Exit(keeper, ExitReason.Shutdown);
        Assert.That(await ReceiveAsync<Exited>("the report of shutdown"), Is.EqualTo(new Exited(Inbox.Self, ExitReason.Shutdown)));
        await AnswersPingAsync(keeper, "the keeper");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_worker_that_exits_is_reported_in_the_order_they_exit(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var count = random.Next(2, 9);
        var (keeper, workers) = await CompletesAsync(Keeper.StartAsync(Inbox, count), $"a keeper of {count}");
        Assert.That(workers.Distinct().Count(), Is.EqualTo(count));
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

        Assert.That(reports, Is.EqualTo(expected));
        await AnswersPingAsync(keeper, "the keeper after all its workers exited");
        Assert.That(Node.GetInfo(keeper)!.Links, Is.Empty, "the links of exited workers are gone");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Exit_normal_sent_to_the_keeper_is_reported_too(CancellationToken cancellationToken)
    {
        var (keeper, _) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "a keeper");

        Node.Exit(keeper, ExitReason.Normal);

        Assert.That(await ReceiveAsync<Exited>("the report of exit(normal)"), Is.EqualTo(new Exited(Node.Pid, ExitReason.Normal)));
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

        Assert.That(workers, Has.Count.EqualTo(2));
        Assert.That(await Inbox.ReceiveAsync<string>(timeout: TimeSpan.Zero), Is.EqualTo("mine"));
        Assert.That(await AnyLeftAsync(), Is.Null);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_keepers_report_each_its_own_workers(CancellationToken cancellationToken)
    {
        var (first, firstWorkers) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "keeper one");
        var (second, secondWorkers) = await CompletesAsync(Keeper.StartAsync(Inbox, 1), "keeper two");
        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(Node.GetInfo(first)!.Links, Is.EqualTo(firstWorkers));
        Assert.That(Node.GetInfo(second)!.Links, Is.EqualTo(secondWorkers));

        Inbox.Send(secondWorkers[0], new Crash("two"));

        var report = await ReceiveAsync<Exited>("the report of keeper two");
        Assert.That(report.Pid, Is.EqualTo(secondWorkers[0]));
        await AnswersPingAsync(firstWorkers[0], "keeper one's worker");
    }

    [Test]
    public void The_given_worker_refuses_a_null_context_or_probe()
    {
        Assert.That(() => Worker.RunAsync(null!), Throws.ArgumentNullException);
        Assert.That(() => Worker.Reporting(null!), Throws.ArgumentNullException);
    }
}
