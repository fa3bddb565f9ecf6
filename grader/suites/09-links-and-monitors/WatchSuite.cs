using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Hidden;

[Property("Step", 3)]
public sealed class WatchSuite : HiddenTest
{
    private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

    [Test]
    public void Arguments_are_checked()
    {
        var pid = Node.Spawn(Worker.RunAsync);
        Assert.That(() => Watch.FirstExitAsync(null!, [pid], AnHour), Throws.ArgumentNullException, "Step 3: FirstExitAsync refuses a null watcher with ArgumentNullException.");
        Assert.That(() => Watch.FirstExitAsync(Inbox, null!, AnHour), Throws.ArgumentNullException, "Step 3: FirstExitAsync refuses null targets with ArgumentNullException.");
        Assert.That(() => Watch.FirstExitAsync(Inbox, [], AnHour),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("targets")
                .And.Message.Contains("at least one target"), "Step 3: no targets are refused with ArgumentException naming \"targets\" and saying \"at least one target\".");
        Assert.That(Node.GetInfo(pid)!.MonitoredBy, Is.Empty, "a refused call monitors nothing");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Among_random_targets_the_one_that_exits_is_returned_and_the_others_are_no_longer_watched(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var targets = Enumerable.Range(0, random.Next(1, 10)).Select(_ => Node.Spawn(Worker.RunAsync)).ToList();
        var doomed = targets[random.Next(targets.Count)];
        var first = Watch.FirstExitAsync(Inbox, targets, AnHour);
        foreach (var target in targets)
        {
            Assert.That(Node.GetInfo(target)!.MonitoredBy, Is.EqualTo(new[] { Inbox.Self }), "each target is monitored once");
        }

        Node.Exit(doomed, ExitReason.Kill);

        Assert.That(await CompletesAsync(first, "FirstExitAsync"), Is.EqualTo(new Exited(doomed, ExitReason.Killed)), "Step 3: FirstExitAsync returns Exited(pid, reason) for the target that exited, here killed.");
        foreach (var target in targets.Where(t => t != doomed))
        {
            Assert.That(Node.GetInfo(target)!.MonitoredBy, Is.Empty, "no monitor is left on a target still running");
            Node.Exit(target, ExitReason.Kill);
            await Node.WaitForExitAsync(target, cancellationToken);
        }

        Assert.That(await AnyLeftAsync(), Is.Null, "no DOWN reaches the watcher afterwards");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_zero_timeout_only_looks(CancellationToken cancellationToken)
    {
        var alive = Node.Spawn(Worker.RunAsync);

        Assert.That(await CompletesAsync(Watch.FirstExitAsync(Inbox, [alive], TimeSpan.Zero), "a zero time-out"), Is.Null, "Step 3: with a zero time-out and no target dead, FirstExitAsync returns null.");
        Assert.That(Node.GetInfo(alive)!.MonitoredBy, Is.Empty, "Step 3: a zero time-out still removes its monitor before returning.");

        var dead = await DeadPidAsync();
        Assert.That(await CompletesAsync(Watch.FirstExitAsync(Inbox, [alive, dead], TimeSpan.Zero), "a zero time-out on a dead pid"),
            Is.EqualTo(new Exited(dead, ExitReason.NoProc)), "the DOWN of a dead pid is there at once, even for a zero time-out");
        Assert.That(await AnyLeftAsync(), Is.Null, "Step 3: FirstExitAsync leaves no DOWN in the watcher's mailbox: demonitor with flush: true.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_time_out_is_measured_on_the_node_clock(CancellationToken cancellationToken)
    {
        var alive = Node.Spawn(Worker.RunAsync);
        var first = Watch.FirstExitAsync(Inbox, [alive], TimeSpan.FromSeconds(10));

        Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.That(first.IsCompleted, Is.False, "9 s of 10: still waiting");
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await CompletesAsync(first, "the time-out"), Is.Null, "Step 3: when the time-out passes on the node's clock with no exit, FirstExitAsync returns null.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_target_named_twice_counts_once_and_leaves_nothing(CancellationToken cancellationToken)
    {
        var target = Node.Spawn(Worker.RunAsync);
        var first = Watch.FirstExitAsync(Inbox, [target, target], AnHour);

        Node.Send(target, new Crash("twice"));

        var exited = await CompletesAsync(first, "FirstExitAsync");
        Assert.That(exited?.Pid, Is.EqualTo(target), "Step 3: the target named twice is returned once it exits.");
        Assert.That(await AnyLeftAsync(), Is.Null, "the second monitor's DOWN was flushed as well");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Targets_that_die_together_leave_no_DOWN_behind(CancellationToken cancellationToken)
    {
        var crew = await CompletesAsync(Crew.StartAsync(Inbox, 4), "a crew to die together");
        var first = Watch.FirstExitAsync(Inbox, crew, AnHour);

        Inbox.Send(crew[3], new Crash("together"));

        var exited = await CompletesAsync(first, "FirstExitAsync");
        Assert.That(crew, Does.Contain(exited!.Pid), "Step 3: FirstExitAsync returns one of the targets that died.");
        Assert.That(exited.Reason, Is.TypeOf<InvalidOperationException>(), "Step 3: the first exit carries the crash's exception as its reason.");
        foreach (var pid in crew)
        {
            await Node.WaitForExitAsync(pid, cancellationToken);
        }

        Assert.That(await AnyLeftAsync(), Is.Null, "Step 3: targets that die together leave no DOWN behind: demonitor every monitor with flush: true.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Other_messages_stay_in_the_mailbox_in_order(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var sent = Enumerable.Range(0, random.Next(1, 6)).Select(i => $"m{i}").ToList();
        foreach (var message in sent)
        {
            Inbox.Send(Inbox.Self, message);
        }

        var dead = await DeadPidAsync();
        Assert.That(await CompletesAsync(Watch.FirstExitAsync(Inbox, [dead], AnHour), "FirstExitAsync"),
            Is.EqualTo(new Exited(dead, ExitReason.NoProc)), "Step 3: a target already dead counts at once, with reason noproc.");

        foreach (var message in sent)
        {
            Assert.That(await Inbox.ReceiveAsync(TimeSpan.Zero), Is.EqualTo(message), "Step 3: messages that are not DOWNs of FirstExitAsync's monitors stay in the mailbox, in order.");
        }

        Assert.That(await AnyLeftAsync(), Is.Null, "Step 3: FirstExitAsync leaves nothing of its own in the watcher's mailbox.");
    }
}
