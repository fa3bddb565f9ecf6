using Otp;

namespace Runtime.Tests;

/// <summary>
/// Many senders racing one receiver. Erlang guarantees that messages from one process to another arrive in the order
/// they were sent, and a message is delivered once or (to a dead process) not at all: nothing lost, nothing doubled,
/// whatever kind of receive takes them (plain, with a time-out, selective) and however often the receiver falls asleep.
/// </summary>
public sealed class MailboxRaceTests : RuntimeTest
{
    private const int Senders = 4;
    private const int PerSender = 20000;

    // Selective receive scans the messages it skips each time, as Erlang's does: fewer here, so the test stays fast when loaded.
    private const int SelectivePerSender = 3000;

    protected override bool UsesFakeClock => false;

    [Test, CancelAfter(30000)]
    public async Task Many_senders_racing_one_receiver_lose_nothing_double_nothing_and_keep_each_senders_order(CancellationToken ct)
    {
        var me = Inbox.Self;
        var receiver = Node.Spawn(async ctx =>
        {
            var next = new int[Senders];
            for (var i = 0; i < Senders * PerSender; i++)
            {
                // Every kind of receive in turn, so each meets senders while it waits.
                var message = (i % 3) switch
                {
                    0 => await ctx.ReceiveAsync(),
                    1 => await ctx.ReceiveAsync(Timeout.InfiniteTimeSpan),
                    _ => await ctx.ReceiveAsync(m => m is (int, int), TimeSpan.FromSeconds(20)),
                };
                var (sender, seq) = ((int, int))message!;
                if (seq != next[sender])
                {
                    ctx.Send(me, $"sender {sender}: got {seq}, expected {next[sender]}");
                    return;
                }

                next[sender]++;
            }

            ctx.Send(me, ctx.MessageQueueLength == 0 ? "all in order" : $"{ctx.MessageQueueLength} extra messages");
        });

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(() =>
        {
            for (var seq = 0; seq < PerSender; seq++)
            {
                Node.Send(receiver, (sender, seq));
            }
        }, ct)));

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("all in order"));
    }

    [Test, CancelAfter(30000)]
    public async Task A_selective_receive_finds_one_senders_messages_among_racing_others_and_leaves_the_rest_in_order(CancellationToken ct)
    {
        var me = Inbox.Self;
        var receiver = Node.Spawn(async ctx =>
        {
            // First all of sender 0's messages, picked out while the others keep arriving; then everything else.
            for (var seq = 0; seq < SelectivePerSender; seq++)
            {
                var message = await ctx.ReceiveAsync(m => m is (0, int), TimeSpan.FromSeconds(20));
                if (message is not (0, int got) || got != seq)
                {
                    ctx.Send(me, $"sender 0: got {message}, expected {seq}");
                    return;
                }
            }

            var next = new int[Senders];
            for (var i = 0; i < (Senders - 1) * SelectivePerSender; i++)
            {
                var (sender, seq) = ((int, int))(await ctx.ReceiveAsync(TimeSpan.FromSeconds(20)))!;
                if (sender == 0 || seq != next[sender])
                {
                    ctx.Send(me, $"sender {sender}: got {seq}, expected {next[sender]}");
                    return;
                }

                next[sender]++;
            }

            ctx.Send(me, "all in order");
        });

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(sender => Task.Run(() =>
        {
            for (var seq = 0; seq < SelectivePerSender; seq++)
            {
                Node.Send(receiver, (sender, seq));
            }
        }, ct)));

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("all in order"));
    }

    [Test, CancelAfter(30000)]
    public async Task Receive_time_outs_racing_sends_neither_lose_a_message_nor_end_a_later_receive_early(CancellationToken ct)
    {
        const int count = 5000;
        var me = Inbox.Self;
        var receiver = Node.Spawn(async ctx =>
        {
            var next = 0;
            var timeouts = 0;
            while (next < count)
            {
                // A 1 ms after keeps firing around the sends: a time-out must never swallow a message.
                switch (await ctx.ReceiveAsync(TimeSpan.FromMilliseconds(1)))
                {
                    case null:
                        timeouts++;
                        break;
                    case int seq when seq == next:
                        next++;
                        break;
                    case var other:
                        ctx.Send(me, $"got {other}, expected {next}");
                        return;
                }
            }

            ctx.Send(me, "all in order");
        });

        await Task.Run(async () =>
        {
            for (var seq = 0; seq < count; seq++)
            {
                Node.Send(receiver, seq);
                if (seq % 50 == 0)
                {
                    await Task.Yield(); // let the receiver empty its mailbox and wait, so time-outs meet sends
                }
            }
        }, ct);

        Assert.That(await Inbox.ReceiveAsync(ct), Is.EqualTo("all in order"));
    }

    [Test, CancelAfter(30000)]
    public async Task Messages_racing_the_receivers_exit_are_dropped_and_its_waiting_code_is_ended(CancellationToken ct)
    {
        for (var round = 0; round < 500; round++)
        {
            var receiver = Node.Spawn(async ctx =>
            {
                while (true)
                {
                    await ctx.ReceiveAsync();
                }
            });
            var exited = Node.WaitForExitAsync(receiver, ct);
            var sender = Task.Run(() =>
            {
                for (var i = 0; i < 200; i++)
                {
                    Node.Send(receiver, i);
                }
            }, ct);
            Node.Exit(receiver, ExitReason.Kill);

            Assert.That(await exited, Is.EqualTo(ExitReason.Killed));
            await sender;
            Assert.That(Node.GetInfo(receiver), Is.Null, "a dead process has no mailbox to show");
        }

        Assert.That(Node.ProcessCount, Is.EqualTo(2), "only the test's two inboxes are left in the process table");
    }
}
