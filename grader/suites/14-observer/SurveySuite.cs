using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Hidden;

[Property("Step", 1)]
public sealed class SurveySuite : HiddenTest
{
    [Test]
    [CancelAfter(10_000)]
    public void One_message_waiting_is_a_longest_mailbox(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource();
        SpawnReader(0, never);
        var one = SpawnReader(0, never);
        Node.Send(one, "one");

        var longest = Survey.LongestMailbox(Node);

        Assert.That(longest?.Pid, Is.EqualTo(one), "one message waiting makes the longest mailbox (see README, step 1).");
        Assert.That(longest!.MessageQueueLength, Is.EqualTo(1), "LongestMailbox returns the table's info (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task One_message_handled_makes_the_busiest(CancellationToken cancellationToken)
    {
        var taken = new TaskCompletionSource();
        var never = new TaskCompletionSource();
        SpawnReader(0, never);
        var one = SpawnReader(1, taken);
        Node.Send(one, "one");
        await CompletesAsync(taken.Task, "the reader to take its message");

        Assert.That(Survey.Busiest(Node)?.Pid, Is.EqualTo(one), "one message handled makes the busiest (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_dead_process_is_no_longer_in_the_survey(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource();
        var full = SpawnReader(0, never);
        var some = SpawnReader(0, never);
        SendMany(full, 9);
        SendMany(some, 2);
        Node.Exit(full, ExitReason.Kill);
        await Node.WaitForExitAsync(full, cancellationToken);

        Assert.That(Survey.LongestMailbox(Node)?.Pid, Is.EqualTo(some), "only live processes count (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public void Random_mailboxes_give_the_longest_and_the_oldest_of_equals(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var never = new TaskCompletionSource();
        var sizes = new List<(Pid Pid, int Size)>();
        for (var i = 0; i < 12; i++)
        {
            var pid = SpawnReader(0, never);
            var size = random.Next(0, 6);
            SendMany(pid, size);
            sizes.Add((pid, size));
        }

        var max = sizes.Max(s => s.Size);
        var expected = max == 0 ? null : sizes.First(s => s.Size == max).Pid;

        Assert.That(Survey.LongestMailbox(Node)?.Pid, Is.EqualTo(expected),
            $"mailboxes {string.Join(", ", sizes.Select(s => $"{s.Pid}:{s.Size}"))}: the longest, the oldest of equals (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Random_handled_counts_give_the_busiest_and_the_oldest_of_equals(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var readers = new List<(Pid Pid, int Taken)>();
        var allTaken = new List<Task>();
        for (var i = 0; i < 10; i++)
        {
            var taken = new TaskCompletionSource();
            var count = random.Next(3, 8);
            var pid = SpawnReader(count, taken);
            SendMany(pid, count + random.Next(0, 3));
            readers.Add((pid, count));
            allTaken.Add(taken.Task);
        }

        await CompletesAsync(Task.WhenAll(allTaken), "every reader to take its messages");
        var max = readers.Max(r => r.Taken);

        Assert.That(Survey.Busiest(Node)?.Pid, Is.EqualTo(readers.First(r => r.Taken == max).Pid),
            $"handled {string.Join(", ", readers.Select(r => $"{r.Pid}:{r.Taken}"))}: the busiest, the oldest of equals (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_process_with_handled_messages_is_not_the_longest_mailbox_for_them(CancellationToken cancellationToken)
    {
        var taken = new TaskCompletionSource();
        var never = new TaskCompletionSource();
        var reader = SpawnReader(6, taken);
        SendMany(reader, 6);
        await CompletesAsync(taken.Task, "the reader to take its 6 messages");
        var waiting = SpawnReader(0, never);
        SendMany(waiting, 2);

        Assert.That(Survey.LongestMailbox(Node)?.Pid, Is.EqualTo(waiting), "the mailbox column counts messages waiting, not handled (see README, step 1).");
        Assert.That(Survey.Busiest(Node)?.Pid, Is.EqualTo(reader), "the handled column counts messages taken, not waiting (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_oven_of_the_bakery_falls_behind_and_catches_up(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        for (var i = 0; i < 4; i++)
        {
            GenServer.Cast(Node, "oven", new Bake());
        }

        Assert.That(Survey.LongestMailbox(Node)?.Pid, Is.EqualTo(Named("oven")), "the stuck oven has the longest mailbox (see README, step 1).");
        OvenPermits.Release(4);
        var baked = await CompletesAsync(Sys.GetStateAsync<int>(Node, "oven", cancellationToken: cancellationToken), "the oven's state after its four loaves");
        var recorded = await CompletesAsync(Sys.GetStateAsync<(int Sales, int Loaves)>(Node, "ledger", cancellationToken: cancellationToken), "the ledger's state after the oven's four records");
        Assert.That((baked, recorded.Loaves), Is.EqualTo((4, 4)), "the oven baked four loaves and the ledger recorded them");

        Assert.That(Survey.LongestMailbox(Node), Is.Null, "once the oven has baked every loaf no mailbox holds a message (see README, step 1).");
    }
}
