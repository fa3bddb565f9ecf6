using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace GenServers.Tests;

/// <summary>Step 3: cast (a request with no reply) and info (any other message), through the same one mailbox.</summary>
public sealed class Step3_Cast_and_info
{
    [Test]
    [CancelAfter(2000)]
    public async Task A_cast_returns_at_once_and_HandleCast_changes_the_state(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);

        server.Cast("remember this");
        var reply = await server.CallAsync("what happened").WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(new[] { "cast remember this", "call what happened" }),
            "The cast reaches HandleCast, and the state it returns is the one the next call sees.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_message_sent_with_Send_goes_to_HandleInfo(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);

        server.Send(42);
        var reply = await server.CallAsync("what happened").WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(new[] { "info 42", "call what happened" }),
            "A raw message is neither a call nor a cast: HandleInfo handles it.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Calls_casts_and_infos_are_handled_in_the_order_they_were_sent(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);

        server.Cast("1");
        server.Send("2");
        var third = server.CallAsync("3");
        server.Send("4");
        server.Cast("5");
        var reply = await server.CallAsync("6").WaitAsync(cancellationToken);

        Assert.That(await third.WaitAsync(cancellationToken), Is.EqualTo(new[] { "cast 1", "info 2", "call 3" }),
            "Step 3: the call sent third sees the cast and the info sent before it, in order");
        Assert.That(reply, Is.EqualTo(new[] { "cast 1", "info 2", "call 3", "info 4", "cast 5", "call 6" }),
            "All three kinds of message go through one mailbox, so they are handled in the order they were sent.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Send_refuses_a_null_message(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);

        Assert.That(() => server.Send(null!), Throws.ArgumentNullException,
            "Send(null) must throw ArgumentNullException in the sender: there is no message to handle (see README, step 3).");
        Assert.That(await server.CallAsync("still there?").WaitAsync(cancellationToken), Is.EqualTo(new[] { "call still there?" }),
            "The refused null was never put in the mailbox: HandleInfo must not see it (see README, step 3).");
    }
}
