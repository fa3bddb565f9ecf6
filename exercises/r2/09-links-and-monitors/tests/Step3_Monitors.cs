using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Tests;

/// <summary>Step 3: a monitor is one-way: the watcher gets a DOWN message, and no one dies of it.</summary>
public sealed class Step3_Monitors : NodeTest
{
    protected override int Step => 3;

    private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

    [Test]
    [CancelAfter(10_000)]
    public async Task FirstExitAsync_returns_the_target_that_exited_and_why(CancellationToken cancellationToken)
    {
        var calm = Node.Spawn(Worker.RunAsync);
        var doomed = Node.Spawn(Worker.RunAsync);
        var first = Watch.FirstExitAsync(Inbox, [calm, doomed], AnHour);

        Node.Send(doomed, new Crash("boom"));

        var exited = await CompletesAsync(first, "FirstExitAsync to return once a target crashed");
        Assert.That(exited?.Pid, Is.EqualTo(doomed), "Step 3: FirstExitAsync returns the target that exited (see README, step 3).");
        Assert.That(exited?.Reason, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("boom"),
            "Step 3: the DOWN message carries the target's exit reason (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_monitor_is_one_way_the_watcher_outlives_its_target_and_the_target_its_watcher(CancellationToken cancellationToken)
    {
        var target = Node.Spawn(Worker.RunAsync);
        var watcher = await StartWatcherAsync(target, "the watcher");

        var info = Node.GetInfo(target)!;
        Assert.That(info.MonitoredBy, Does.Contain(watcher),
            "Step 3: FirstExitAsync monitors each target before it first waits (ctx.Monitor) (see README, step 3).");
        Assert.That(info.Links, Is.Empty, "Step 3: watching is monitoring, not linking (see README, step 3).");

        Node.Send(target, new Crash("boom"));

        var exited = await ReceiveAsync<Exited>("the watcher's report of the target's crash");
        Assert.That(exited.Pid, Is.EqualTo(target), "Step 3: the watcher heard of the target's crash (see README, step 3).");
        await AnswersPingAsync(watcher, "the watcher, after its target crashed");

        var second = Node.Spawn(Worker.RunAsync);
        var watcherOfSecond = await StartWatcherAsync(second, "the second watcher");
        var gone = Watching(watcherOfSecond);
        Node.Exit(watcherOfSecond, new Atom("bye"));
        await ExitReasonAsync(gone, "the second watcher, sent exit(bye)");
        await AnswersPingAsync(second, "the target whose watcher died");
    }

    /// <summary>
    /// Spawns a process that calls FirstExitAsync on <paramref name="target"/>, says "watching" once the call has
    /// started (it monitors before it first waits), reports the result to the test, then runs as a worker.
    /// </summary>
    private async Task<Pid> StartWatcherAsync(Pid target, string what)
    {
        var watcher = Node.Spawn(async ctx =>
        {
            Task<Exited?> exit;
            try
            {
                exit = Watch.FirstExitAsync(ctx, [target], Timeout.InfiniteTimeSpan);
            }
            catch (Exception e)
            {
                ctx.Send(Inbox.Self, e);
                throw;
            }

            ctx.Send(Inbox.Self, "watching");
            ctx.Send(Inbox.Self, await exit ?? new Exited(ctx.Self, "no exit"));
            await Worker.RunAsync(ctx);
        });
        var started = await ReceiveAsync<object>($"{what}'s \"watching\" (sent once FirstExitAsync has started)", m => m is "watching" or Exception);
        if (started is Exception e)
        {
            Assert.Fail($"Step 3: FirstExitAsync, called by {what}, threw {e.GetType().Name}: {e.Message}");
        }

        return watcher;
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Watching_a_process_that_is_already_dead_gives_noproc_at_once(CancellationToken cancellationToken)
    {
        var dead = Node.Spawn(_ => Task.CompletedTask);
        await Node.WaitForExitAsync(dead, cancellationToken);

        // The clock never moves in this test: an answer can only come from the DOWN, not from the time-out.
        var exited = await CompletesAsync(Watch.FirstExitAsync(Inbox, [dead], AnHour), "FirstExitAsync on a dead pid");

        Assert.That(exited, Is.EqualTo(new Exited(dead, ExitReason.NoProc)),
            "Step 3: a monitor on a dead pid fires at once with reason noproc (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task With_no_exit_in_time_it_returns_null_and_leaves_no_monitor_behind(CancellationToken cancellationToken)
    {
        var target = Node.Spawn(Worker.RunAsync);
        var first = Watch.FirstExitAsync(Inbox, [target], TimeSpan.FromSeconds(2));

        Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.That(await CompletesAsync(first, "FirstExitAsync to time out after 2 s on the node's clock"), Is.Null,
            "Step 3: no target exited within the time-out: FirstExitAsync returns null (see README, step 3).");
        Assert.That(Node.GetInfo(target)!.MonitoredBy, Is.Empty,
            "Step 3: before returning, FirstExitAsync removes its monitors (Demonitor) (see README, step 3).");
        Node.Exit(target, ExitReason.Kill);
        await Node.WaitForExitAsync(target, cancellationToken);
        Assert.That(await DownLeftInMailboxAsync(), Is.Null,
            "Step 3: a target that exits after FirstExitAsync returned sends no DOWN to the watcher (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_DOWNs_of_the_other_targets_are_flushed_from_the_mailbox(CancellationToken cancellationToken)
    {
        var dead = new[] { Node.Spawn(_ => Task.CompletedTask), Node.Spawn(_ => Task.CompletedTask) };
        foreach (var pid in dead)
        {
            await Node.WaitForExitAsync(pid, cancellationToken);
        }

        var exited = await CompletesAsync(Watch.FirstExitAsync(Inbox, dead, AnHour), "FirstExitAsync on two dead pids");

        Assert.That(exited?.Pid, Is.AnyOf(dead[0], dead[1]), "Step 3: one of the dead targets is returned (see README, step 3).");
        Assert.That(await DownLeftInMailboxAsync(), Is.Null,
            "Step 3: both DOWNs were in the mailbox at once; the one not returned must go too: Demonitor(monitor, flush: true) " +
            "(see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_DOWN_of_another_monitor_stays_in_the_mailbox(CancellationToken cancellationToken)
    {
        var other = Node.Spawn(_ => Task.CompletedTask);
        var mine = Watching(other);
        await Node.WaitForExitAsync(other, cancellationToken);
        var target = Node.Spawn(Worker.RunAsync);
        var first = Watch.FirstExitAsync(Inbox, [target], AnHour);

        Node.Send(target, new Finish());

        var exited = await CompletesAsync(first, "FirstExitAsync, while another monitor's DOWN waits in the mailbox");
        Assert.That(exited, Is.EqualTo(new Exited(target, ExitReason.Normal)),
            "Step 3: FirstExitAsync takes only the DOWNs of its own monitors (match on d.Ref) (see README, step 3).");
        Assert.That((await DownLeftInMailboxAsync())?.Ref, Is.SameAs(mine),
            "Step 3: the DOWN of a monitor FirstExitAsync did not make belongs to someone else: it stays in the mailbox (see README, step 3).");
    }

    [Test]
    public void FirstExitAsync_refuses_a_missing_watcher_and_missing_or_no_targets()
    {
        var target = Node.Spawn(Worker.RunAsync);
        Assert.That(() => Watch.FirstExitAsync(null!, [target], AnHour), Throws.ArgumentNullException,
            "Step 3: no watcher: ArgumentNullException (see README, step 3).");
        Assert.That(() => Watch.FirstExitAsync(Inbox, null!, AnHour), Throws.ArgumentNullException,
            "Step 3: no targets: ArgumentNullException (see README, step 3).");
        Assert.That(() => Watch.FirstExitAsync(Inbox, [], AnHour),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("targets"),
            "Step 3: an empty list of targets would wait for nothing: ArgumentException naming targets (see README, step 3).");
    }
}
