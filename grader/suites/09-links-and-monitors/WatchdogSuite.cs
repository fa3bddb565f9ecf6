using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Hidden;

public sealed class WatchdogSuite : HiddenTest
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    [Test]
    [Property("Step", 4)]
    public void Start_checks_its_arguments()
    {
        Assert.That(() => Watchdog.Start(null!, Worker.RunAsync, 1, Window), Throws.ArgumentNullException, "Step 4: Watchdog.Start refuses a null node with ArgumentNullException.");
        Assert.That(() => Watchdog.Start(Node, null!, 1, Window), Throws.ArgumentNullException, "Step 4: Watchdog.Start refuses a null worker with ArgumentNullException.");
        Assert.That(() => Watchdog.Start(Node, Worker.RunAsync, -1, Window), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 4: Watchdog.Start refuses a negative maxRestarts with ArgumentOutOfRangeException.");
        Assert.That(() => Watchdog.Start(Node, Worker.RunAsync, 1, TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 4: Watchdog.Start refuses a window of zero with ArgumentOutOfRangeException.");
        Assert.That(() => Watchdog.Start(Node, Worker.RunAsync, 1, TimeSpan.FromTicks(-1)), Throws.TypeOf<ArgumentOutOfRangeException>(), "Step 4: Watchdog.Start refuses a negative window with ArgumentOutOfRangeException.");
        Assert.That(Node.ProcessCount, Is.EqualTo(1), "a refused start spawns nothing");
        Assert.That(() => Watchdog.Start(Node, Worker.RunAsync, 0, TimeSpan.FromTicks(1)), Throws.Nothing, "zero restarts and a tick are allowed");
    }

    [Test]
    [Property("Step", 4)]
    public void WhichWorkerAsync_checks_its_arguments()
    {
        var pid = Node.Spawn(Worker.RunAsync);
        Assert.That(() => Watchdog.WhichWorkerAsync(null!, pid, Wait), Throws.ArgumentNullException, "Step 4: WhichWorkerAsync refuses a null caller with ArgumentNullException.");
        Assert.That(() => Watchdog.WhichWorkerAsync(Inbox, null!, Wait),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("watchdog"), "Step 4: WhichWorkerAsync refuses a null watchdog with ArgumentNullException naming \"watchdog\".");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task Zero_restarts_allowed_means_the_first_exit_ends_the_watchdog(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), 0, Window);
        var down = Inbox.Monitor(watchdog);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker")).Worker;

        Inbox.Send(worker, new Finish());

        Assert.That(await ExitReasonAsync(down, "the watchdog"), Is.EqualTo(ExitReason.Shutdown), "Step 6: with maxRestarts 0, the first exit of the worker stops the watchdog with ExitReason.Shutdown.");
        Assert.That(await AnyLeftAsync(), Is.Null, "no second worker");
        Assert.That(() => Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), Throws.TypeOf<NoProcessException>(),
            "a watchdog that gave up is a dead pid");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task A_restart_exactly_the_window_old_still_counts(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), 1, Window);
        var down = Inbox.Monitor(watchdog);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker")).Worker;
        Inbox.Send(worker, new Crash("1"));
        worker = (await ReceiveAsync<WorkerStarted>("the second worker")).Worker;

        Clock.Advance(Window);
        Inbox.Send(worker, new Crash("2"));

        Assert.That(await ExitReasonAsync(down, "the watchdog"), Is.EqualTo(ExitReason.Shutdown), "Step 6: a restart exactly one window old still counts: two restarts with maxRestarts 1 stop the watchdog.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task A_restart_a_tick_older_than_the_window_no_longer_counts(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), 1, Window);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker")).Worker;
        Inbox.Send(worker, new Crash("1"));
        worker = (await ReceiveAsync<WorkerStarted>("the second worker")).Worker;

        Clock.Advance(Window + TimeSpan.FromTicks(1));
        Inbox.Send(worker, new Crash("2"));

        var third = (await ReceiveAsync<WorkerStarted>("the third worker")).Worker;
        var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), "which worker");
        Assert.That(current.Worker, Is.EqualTo(third), "Step 6: a restart more than one window old no longer counts: the third worker is the current one.");
        Assert.That(current.Restarts, Is.EqualTo(2), "Step 6: the watchdog counts every restart it made, here 2.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_window_slides_instead_of_resetting(CancellationToken cancellationToken)
    {
        // maxRestarts 2 in 10 s: restarts at 0, 6 and 12 s are fine (at 12 s the one at 0 is 12 s old); at 15 s the
        // ones at 6 and 12 s are still inside the window, so a fourth makes three: too many.
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), 2, Window);
        var down = Inbox.Monitor(watchdog);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker")).Worker;
        foreach (var wait in new[] { 0, 6, 6 })
        {
            Clock.Advance(TimeSpan.FromSeconds(wait));
            Inbox.Send(worker, new Crash("slide"));
            worker = (await ReceiveAsync<WorkerStarted>("a restart inside the limit")).Worker;
        }

        Clock.Advance(TimeSpan.FromSeconds(3));
        Inbox.Send(worker, new Crash("slide"));

        Assert.That(await ExitReasonAsync(down, "the watchdog"), Is.EqualTo(ExitReason.Shutdown), "Step 6: the window slides: three restarts within 10 s with maxRestarts 2 stop the watchdog with shutdown.");
    }

    [Test]
    [CancelAfter(20_000)]
    [Property("Step", 6)]
    public async Task Random_crash_times_give_up_exactly_when_the_window_holds_too_many(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var maxRestarts = random.Next(0, 4);
        var window = TimeSpan.FromSeconds(random.Next(1, 20));
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), maxRestarts, window);
        var down = Inbox.Monitor(watchdog);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker")).Worker;
        var now = TimeSpan.Zero;
        var restarts = new List<TimeSpan>();

        for (var exit = 1; exit <= 30; exit++)
        {
            var gap = TimeSpan.FromSeconds(random.Next(0, 2 * (int)window.TotalSeconds));
            Clock.Advance(gap);
            now += gap;
            Inbox.Send(worker, new Crash($"exit {exit}"));
            restarts.Add(now);
            var inWindow = restarts.Count(t => now - t <= window);
            if (inWindow > maxRestarts)
            {
                Assert.That(await ExitReasonAsync(down, $"the watchdog at exit {exit}"), Is.EqualTo(ExitReason.Shutdown),
                    $"exit {exit} at {now}: {inWindow} restarts within {window}, max {maxRestarts}");
                return;
            }

            worker = (await ReceiveAsync<WorkerStarted>($"the restart after exit {exit} at {now} ({inWindow} within {window}, max {maxRestarts})")).Worker;
            var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, watchdog, Wait), "which worker");
            Assert.That(current.Worker, Is.EqualTo(worker), $"Step 6: after exit {exit}, the new worker the watchdog started is its current worker.");
            Assert.That(current.Restarts, Is.EqualTo(exit), $"Step 6: after exit {exit}, the watchdog has counted {exit} restarts.");
        }

        Assert.That(Node.IsAlive(watchdog), Is.True, "Step 6: the watchdog lives on while no window held more than maxRestarts restarts.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Killing_the_watchdog_leaves_its_worker_running(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), 1, Window);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker")).Worker;

        Node.Exit(watchdog, ExitReason.Kill);
        await Node.WaitForExitAsync(watchdog, cancellationToken);

        await AnswersPingAsync(worker, "the worker of a dead watchdog (monitored, never linked)");
    }

    [Test]
    [CancelAfter(20_000)]
    [Property("Step", 4)]
    public async Task Many_callers_at_once_each_get_their_own_answer(CancellationToken cancellationToken)
    {
        var watchdog = Watchdog.Start(Node, Worker.Reporting(Inbox.Self), 1, Window);
        var worker = (await ReceiveAsync<WorkerStarted>("the first worker")).Worker;
        var callers = Enumerable.Range(0, 20).Select(_ => Node.Spawn(async ctx =>
        {
            var current = await Watchdog.WhichWorkerAsync(ctx, watchdog, Timeout.InfiniteTimeSpan);
            ctx.Send(Inbox.Self, (ctx.Self, current.Worker, ctx.MessageQueueLength));
        })).ToList();

        var answered = new HashSet<Pid>();
        for (var i = 0; i < callers.Count; i++)
        {
            var (caller, answer, left) = (ValueTuple<Pid, Pid, int>)await ReceiveAsync<object>($"answer {i + 1}", m => m is ValueTuple<Pid, Pid, int>);
            Assert.That(answer, Is.EqualTo(worker), "Step 4: every caller is answered with the watchdog's current worker.");
            Assert.That(left, Is.Zero, "a caller's mailbox is empty after its call");
            answered.Add(caller);
        }

        Assert.That(answered, Is.EquivalentTo(callers), "Step 4: each caller gets its own answer, matched by the tag of its request.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task A_call_that_failed_leaves_the_caller_mail_empty(CancellationToken cancellationToken)
    {
        var crashing = Node.Spawn(async ctx =>
        {
            await ctx.ReceiveAsync<WhichWorker>();
            ctx.Exit(new Atom("gone"));
        });

        var failed = Assert.ThrowsAsync<ProcessExitedException>(async () =>
            await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, crashing, Wait), "the call"), "Step 4: a watchdog that dies before answering fails the call with ProcessExitedException.");

        Assert.That(failed?.Reason, Is.EqualTo(new Atom("gone")), "Step 4: the ProcessExitedException carries the reason the watchdog died with.");
        Assert.That(await AnyLeftAsync(), Is.Null, "Step 4: a failed call leaves nothing in the caller's mailbox: demonitor with flush: true.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task The_time_out_counts_on_the_node_clock_from_the_call(CancellationToken cancellationToken)
    {
        var silent = Node.Spawn(Worker.RunAsync);
        var call = Watchdog.WhichWorkerAsync(Inbox, silent, TimeSpan.FromSeconds(4));

        Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.That(call.IsCompleted, Is.False, "3 s of 4: still waiting");
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(async () => await CompletesAsync(call, "the time-out"),
            Throws.TypeOf<TimeoutException>().With.Message.Contains(silent.ToString()), "Step 4: no answer within the time-out on the node's clock throws TimeoutException naming the watchdog.");
        Assert.That(Node.GetInfo(silent)!.MonitoredBy, Is.Empty, "Step 4: a call that timed out removes its monitor of the watchdog.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task A_dead_watchdog_gives_a_NoProcessException_naming_it(CancellationToken cancellationToken)
    {
        var dead = await DeadPidAsync();

        var failed = Assert.ThrowsAsync<NoProcessException>(async () =>
            await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, dead, Wait), "the call"), "Step 4: a watchdog already dead fails the call at once with NoProcessException.");

        Assert.That(failed?.Target, Is.EqualTo(dead), "Step 4: the NoProcessException names the watchdog that was called.");
        Assert.That(await AnyLeftAsync(), Is.Null, "Step 4: a call to a dead watchdog leaves no DOWN in the caller's mailbox: demonitor with flush: true.");
    }

    [Test]
    [CancelAfter(30_000)]
    [Property("Step", 4)]
    public async Task A_watchdog_that_dies_right_after_answering_leaves_no_DOWN_behind(CancellationToken cancellationToken)
    {
        // The DOWN may reach the caller before or after it took the answer: either way none may stay in its mailbox.
        for (var round = 0; round < 100; round++)
        {
            var restarts = round;
            var answering = Node.Spawn(async ctx =>
            {
                var ask = await ctx.ReceiveAsync<WhichWorker>();
                ctx.Send(ask!.ReplyTo, new CurrentWorker(ask.Tag, ctx.Self, restarts));
            });

            var current = await CompletesAsync(Watchdog.WhichWorkerAsync(Inbox, answering, Wait), $"the answer of round {round}");
            await Node.WaitForExitAsync(answering, cancellationToken);

            Assert.That(current.Restarts, Is.EqualTo(round), $"Step 4: round {round}: the call returns the answer that carries its tag.");
            Assert.That(await AnyLeftAsync(), Is.Null, $"round {round}: the call's monitor left a message behind");
        }
    }
}
