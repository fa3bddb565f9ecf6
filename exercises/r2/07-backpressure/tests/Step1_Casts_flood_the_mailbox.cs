using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Backpressure.Tests;

/// <summary>Step 1: a producer that casts floods a slow consumer; the mailbox's length, read from the runtime, shows it.</summary>
public sealed class Step1_Casts_flood_the_mailbox
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Mailbox_length_is_the_number_of_messages_waiting_in_a_process(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var inbox = node.CreateInbox();
        node.Send(inbox.Self, "one");
        node.Send(inbox.Self, "two");
        node.Send(inbox.Self, "three");

        Assert.That(Mailbox.Length(node, inbox.Self), Is.EqualTo(3),
            "Step 1: three messages were sent to a process that has received none; Mailbox.Length reads the runtime's count " +
            "(node.GetInfo(pid).MessageQueueLength) (see README, step 1).");

        await inbox.ReceiveAsync(cancellationToken);

        Assert.That(Mailbox.Length(node, inbox.Self), Is.EqualTo(2),
            "Step 1: after one receive, two messages wait; read the count each time, never remember it (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Mailbox_length_of_a_dead_process_throws_NoProcessException(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var done = node.Spawn(_ => Task.CompletedTask);
        await node.WaitForExitAsync(done, cancellationToken);

        Assert.That(() => Mailbox.Length(node, done), Throws.TypeOf<NoProcessException>(),
            "Step 1: a process that has exited has no mailbox; node.GetInfo returns null for it: throw NoProcessException (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Flood_returns_before_the_consumer_has_handled_anything(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        var sent = Producer.Flood(node, consumer, Enumerable.Range(1, 1000));

        Assert.That(sent, Is.EqualTo(1000), "Step 1: Flood returns how many items it cast (see README, step 1).");
        Assert.That(await work.StartedAsync(1, step: 1), Is.EqualTo(1),
            "Step 1: the consumer's first item is the first one cast; HandleCastAsync awaits the work for each Item (see README, step 1).");
        Assert.That(work.Starts, Is.EqualTo(1),
            "Step 1: Flood returned while the consumer still holds its first item: a cast never waits for the consumer (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_mailbox_grows_by_one_message_for_every_cast_the_consumer_has_not_handled(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));

        Producer.Flood(node, consumer, Enumerable.Range(1, 100));
        await work.StartedAsync(1, step: 1);

        Assert.That(Mailbox.Length(node, consumer), Is.EqualTo(99),
            "Step 1: 100 items cast, the consumer holds the first: 99 wait in its mailbox (see README, step 1).");

        Producer.Flood(node, consumer, Enumerable.Range(101, 900));

        Assert.That(Mailbox.Length(node, consumer), Is.EqualTo(999),
            "Step 1: 900 more casts, 900 more messages waiting: nothing bounds the mailbox of a consumer fed by casts (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Once_the_consumer_catches_up_it_has_handled_every_cast_in_order(CancellationToken cancellationToken)
    {
        using var node = Nodes.Start();
        var work = new SlowWork();
        var consumer = await GenServer.StartAsync(node, new Consumer(work.Work));
        Producer.Flood(node, consumer, Enumerable.Range(1, 1000));

        work.Open();
        await work.StartedAsync(1000, step: 1);
        var handled = await Waits.ForAsync(Sys.GetStateAsync<ImmutableList<int>>(node, consumer, cancellationToken: cancellationToken),
            "the consumer's state (Sys.GetStateAsync)", step: 1);

        Assert.That(handled, Is.EqualTo(Enumerable.Range(1, 1000)),
            "Step 1: the consumer's state lists the values it handled, each once, in the order cast (see README, step 1).");
        Assert.That(Mailbox.Length(node, consumer), Is.Zero,
            "Step 1: once the consumer has caught up, its mailbox is empty again (see README, step 1).");
    }

    [Test]
    public void Flood_Length_and_the_consumer_refuse_null_arguments()
    {
        using var node = Nodes.Start();
        var pid = node.CreateInbox().Self;

        Assert.That(() => Mailbox.Length(null!, pid), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"),
            "Step 1: check the arguments at the public boundary: ArgumentNullException.ThrowIfNull(node) (see README, step 1).");
        Assert.That(() => Producer.Flood(null!, pid, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"),
            "Step 1: Flood checks node first, even for an empty batch (see README, step 1).");
        Assert.That(() => Producer.Flood(node, null!, []), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("consumer"),
            "Step 1: Flood checks consumer, even for an empty batch (see README, step 1).");
        Assert.That(() => Producer.Flood(node, pid, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("items"),
            "Step 1: Flood checks items (see README, step 1).");
        Assert.That(() => new Consumer(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("work"),
            "Step 1: a Consumer without work is refused when it is made, not when its first item comes (see README, step 1).");
    }
}
