using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Observing.Tests;

/// <summary>Step 1: the Processes page sorted by mailbox and by messages handled, asked of the process table in code.</summary>
public sealed class Step1_The_process_table : NodeTest
{
    protected override int Step => 1;

    [Test]
    [CancelAfter(10_000)]
    public async Task The_slow_oven_has_the_longest_mailbox(CancellationToken cancellationToken)
    {
        await StartBakeryAsync();
        for (var i = 0; i < 5; i++)
        {
            GenServer.Cast(Node, "oven", new Bake()); // no permit: the oven is stuck on the first, the rest wait
        }

        var longest = Survey.LongestMailbox(Node);

        Assert.That(longest?.Pid, Is.EqualTo(Named("oven")),
            $"Step 1: the oven has four or five orders waiting and every other mailbox is empty, so LongestMailbox is the oven; it gave {longest?.Pid.ToString() ?? "null"} (see README, step 1).");
        Assert.That(longest!.MessageQueueLength, Is.InRange(4, 5),
            "Step 1: LongestMailbox returns the process's info as the table has it, with its mailbox length (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task With_every_mailbox_empty_there_is_no_longest(CancellationToken cancellationToken)
    {
        var taken = new TaskCompletionSource();
        SpawnReader(take: 2, taken);
        await StartBakeryAsync();

        Assert.That(Survey.LongestMailbox(Node), Is.Null,
            "Step 1: no process has a message waiting, so there is no longest mailbox: null, not some process with 0 (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public void Of_equally_long_mailboxes_the_oldest_process_is_named(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource();
        var older = SpawnReader(take: 0, never);
        var younger = SpawnReader(take: 0, never);
        var shorter = SpawnReader(take: 0, never);
        foreach (var (pid, count) in new[] { (shorter, 2), (younger, 3), (older, 3) })
        {
            for (var i = 0; i < count; i++)
            {
                Node.Send(pid, "waiting");
            }
        }

        var longest = Survey.LongestMailbox(Node);

        Assert.That(longest?.Pid, Is.EqualTo(older),
            $"Step 1: {older} and {younger} both have 3 messages waiting; the oldest (lowest pid) is named, got {longest?.Pid.ToString() ?? "null"} (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_busiest_process_has_handled_the_most_messages(CancellationToken cancellationToken)
    {
        var threeTaken = new TaskCompletionSource();
        var fiveTaken = new TaskCompletionSource();
        var three = SpawnReader(take: 3, threeTaken);
        var five = SpawnReader(take: 5, fiveTaken);
        for (var i = 0; i < 5; i++)
        {
            Node.Send(three, "work");
            Node.Send(five, "work");
        }

        await CompletesAsync(Task.WhenAll(threeTaken.Task, fiveTaken.Task), "the two readers to take their 3 and 5 messages");
        var busiest = Survey.Busiest(Node);

        Assert.That(busiest?.Pid, Is.EqualTo(five),
            $"Step 1: {five} handled 5 messages, {three} 3 (and has 2 waiting): the busiest is {five}, got {busiest?.Pid.ToString() ?? "null"} (see README, step 1).");
        Assert.That(busiest!.MessagesHandled, Is.EqualTo(5), "Step 1: Busiest returns the process's info with its handled count (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public void With_no_message_handled_there_is_no_busiest(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource();
        var idle = SpawnReader(take: 0, never);
        Node.Send(idle, "waiting, never read");

        Assert.That(Survey.Busiest(Node), Is.Null,
            "Step 1: no process has handled a message yet, so there is no busiest: null (see README, step 1).");
    }
}
