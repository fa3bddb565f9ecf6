using Otp;

namespace Runtime.Tests;

/// <summary>
/// Time-outs of calls and receives share one timer queue per node. Like Erlang's timers they fire at their deadline,
/// earliest first, whatever order they were armed in; one cancelled (a reply came, the message arrived) never fires.
/// </summary>
public sealed class TimeoutTests : RuntimeTest
{
    [Test, CancelAfter(5000)]
    public async Task Call_time_outs_fire_in_deadline_order_whatever_order_they_were_armed_in(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());
        var third = GenServer.CallAsync<object>(Node, pid, "never", TimeSpan.FromSeconds(3), ct);
        var first = GenServer.CallAsync<object>(Node, pid, "never", TimeSpan.FromSeconds(1), ct);
        var second = GenServer.CallAsync<object>(Node, pid, "never", TimeSpan.FromSeconds(2), ct);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.ThrowsAsync<CallTimeoutException>(() => first, "the 1 s call times out after 1 s");
        Assert.That((second.IsCompleted, third.IsCompleted), Is.EqualTo((false, false)), "the 2 s and 3 s calls still wait after 1 s");

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.ThrowsAsync<CallTimeoutException>(() => second, "the 2 s call times out after 2 s");
        Assert.That(third.IsCompleted, Is.False, "the 3 s call still waits after 2 s");

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.ThrowsAsync<CallTimeoutException>(() => third, "the 3 s call times out after 3 s");
    }

    [Test, CancelAfter(5000)]
    public async Task A_call_that_got_its_reply_leaves_no_time_out_behind_for_the_next_call(CancellationToken ct)
    {
        var pid = await GenServer.StartAsync(Node, new TestServer());
        Assert.That(await GenServer.CallAsync<int>(Node, pid, "get", TimeSpan.FromSeconds(1), ct), Is.Zero);

        var call = GenServer.CallAsync<object>(Node, pid, "never", TimeSpan.FromSeconds(2), ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(call.IsCompleted, Is.False, "the first call's time-out, cancelled by its reply, must not fire");
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.ThrowsAsync<CallTimeoutException>(() => call, "the second call times out at its own deadline");
    }

    [Test, CancelAfter(5000)]
    public async Task The_after_of_a_receive_that_got_a_message_never_ends_a_later_receive(CancellationToken ct)
    {
        var early = Inbox.ReceiveAsync(TimeSpan.FromSeconds(1), ct); // waits: its "after" is armed
        Node.Send(Inbox.Self, "in time");
        Assert.That(await early, Is.EqualTo("in time"));

        var later = Inbox.ReceiveAsync(TimeSpan.FromSeconds(5), ct).AsTask();
        Clock.Advance(TimeSpan.FromSeconds(1));
        Node.Send(Witness.Self, "after one second");
        await Witness.ReceiveAsync(ct); // the clock's callbacks for that second have run
        Assert.That(later.IsCompleted, Is.False, "the first receive's 1 s after must not end the second receive");
        Clock.Advance(TimeSpan.FromSeconds(4));

        Assert.That(await later, Is.Null, "the second receive times out at its own 5 s");
    }

    [Test, CancelAfter(5000)]
    public async Task Receives_in_many_processes_time_out_earliest_deadline_first(CancellationToken ct)
    {
        var me = Inbox.Self;
        var seconds = new[] { 4, 1, 3, 2 };
        var ready = 0;
        foreach (var s in seconds)
        {
            Node.Spawn(async ctx =>
            {
                var wait = ctx.ReceiveAsync(TimeSpan.FromSeconds(s)); // armed before it reports ready
                ctx.Send(me, "ready");
                ctx.Send(me, ("timed out", s, await wait));
            });
        }

        while (ready < seconds.Length)
        {
            await Inbox.ReceiveAsync<string>(m => m == "ready", cancellationToken: ct);
            ready++;
        }

        for (var s = 1; s <= seconds.Length; s++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.That(await Inbox.NextValue<(string, int, object?)>(ct), Is.EqualTo(("timed out", s, (object?)null)), $"the {s} s receive times out at {s} s");
        }
    }
}
