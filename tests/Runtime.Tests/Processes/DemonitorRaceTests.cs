using Otp;

namespace Runtime.Tests;

/// <summary>
/// erlang:demonitor/2 against a target that exits at the same moment. Erlang guarantees that once demonitor has
/// returned no DOWN for that monitor is placed in the caller's queue any more; with [flush] none is left in it either;
/// with [info] it returns true only when no DOWN was delivered and none will be, false when one was already placed.
/// Each test races the exit and the demonitor many times, then waits (without a monitor of the caller's own) until
/// every target has exited, so a late DOWN would already be in the mailbox.
/// </summary>
public sealed class DemonitorRaceTests : RuntimeTest
{
    private const int Rounds = 5000;

    protected override bool UsesFakeClock => false;

    [Test, CancelAfter(20000)]
    public async Task After_demonitor_with_flush_no_DOWN_of_that_monitor_is_ever_in_the_mailbox(CancellationToken ct)
    {
        var exits = new Task[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            var pid = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
            var monitor = Inbox.Monitor(pid);
            Node.Send(pid, "go"); // it exits on a pool thread while this one demonitors
            exits[i] = Node.WaitForExitAsync(pid, ct);
            Inbox.Demonitor(monitor, flush: true);
        }

        await Task.WhenAll(exits);

        Assert.That(Inbox.MessageQueueLength, Is.Zero, "no DOWN may arrive once demonitor with flush has returned");
    }

    [Test, CancelAfter(20000)]
    public async Task Demonitor_reports_true_only_when_no_DOWN_was_or_will_be_delivered(CancellationToken ct)
    {
        var exits = new Task[Rounds];
        var removed = new List<MonitorRef>();
        var delivered = new List<MonitorRef>();
        for (var i = 0; i < Rounds; i++)
        {
            var pid = Node.Spawn(ctx => ctx.ReceiveAsync().AsTask());
            var monitor = Inbox.Monitor(pid);
            Node.Send(pid, "go");
            exits[i] = Node.WaitForExitAsync(pid, ct);
            (Inbox.Demonitor(monitor) ? removed : delivered).Add(monitor);
        }

        await Task.WhenAll(exits);

        var downs = new HashSet<MonitorRef>();
        while (await Inbox.ReceiveAsync(TimeSpan.Zero, ct) is DownMessage down)
        {
            downs.Add(down.Ref);
        }

        Assert.That(downs.Intersect(removed), Is.Empty, "a monitor that demonitor reported active sent a DOWN afterwards");
        Assert.That(delivered.Where(m => !downs.Contains(m)), Is.Empty, "demonitor reported a DOWN delivered that is not in the mailbox");
    }
}
