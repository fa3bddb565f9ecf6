using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Processes.Tests;

/// <summary>Step 4: a request carries a return address; the caller waits for the reply, but not forever.</summary>
public sealed class Step4_Request_and_reply
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a test watches for something that must not happen (a call ending with no reply and no timeout). A call
    /// that does not wait ends within microseconds; a tenth of a second catches it without slowing the tests down.
    /// </summary>
    private static readonly TimeSpan NothingHappensWithin = TimeSpan.FromMilliseconds(100);

    /// <summary>The protocol of a counter process used by these tests.</summary>
    private abstract record CounterMessage;

    private sealed record Add(int Amount) : CounterMessage;

    private sealed record GetCount(ReplyTo<int> ReplyTo) : CounterMessage;

    private sealed record Ignore(ReplyTo<int> ReplyTo) : CounterMessage;

    private sealed record Crash(ReplyTo<int> ReplyTo) : CounterMessage;

    private static Pid<CounterMessage> StartCounter() =>
        Process.Spawn(0, (int count, CounterMessage message) => message switch
        {
            Add add => count + add.Amount,
            GetCount get => Reply(get.ReplyTo, count),
            Ignore => count,
            Crash => throw new InvalidOperationException("crashed while handling a call"),
            _ => count,
        });

    private static int Reply(ReplyTo<int> replyTo, int count)
    {
        replyTo.Send(count);
        return count;
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_reply_sent_to_a_ReplyTo_completes_its_Reply_task(CancellationToken cancellationToken)
    {
        var replyTo = new ReplyTo<string>();
        Assert.That(replyTo.Reply.IsCompleted, Is.False, "No reply has been sent yet.");

        Assert.That(replyTo.Send("answer"), Is.True, "The first reply is accepted.");
        Assert.That(await replyTo.Reply.WaitAsync(cancellationToken), Is.EqualTo("answer"),
            "Step 4: the Reply task completes with the reply that was sent");
        Assert.That(replyTo.Send("another"), Is.False, "Only the first reply counts; a second one returns false.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_returns_the_reply(CancellationToken cancellationToken)
    {
        var counter = StartCounter();
        counter.Send(new Add(2));
        counter.Send(new Add(3));

        var count = await counter.CallAsync<int>(replyTo => new GetCount(replyTo), Timeout).WaitAsync(cancellationToken);

        Assert.That(count, Is.EqualTo(5), "The call's reply is the state after the two Adds sent before it.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_waits_until_the_reply_comes(CancellationToken cancellationToken)
    {
        // This process keeps the return address of the request it is sent, and replies only when the test sends it
        // the answer: until then, the caller has nothing to return.
        var pid = Process.Spawn((ReplyTo<int>?)null, (ReplyTo<int>? held, object message) =>
        {
            if (message is ReplyTo<int> replyTo)
            {
                return replyTo;
            }

            held?.Send((int)message);
            return held;
        });

        var calling = pid.CallAsync<int>(replyTo => replyTo, Timeout, new FakeTimeProvider());
        await ((Task)calling).WaitAsync(NothingHappensWithin, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Assert.That(calling.IsCompleted, Is.False,
            $"Step 4: the call ended within {NothingHappensWithin.TotalMilliseconds} ms, with no reply sent and its timeout not " +
            $"passed (its status: {calling.Status}): CallAsync must wait for the first of the reply, the end of the " +
            "process or the timeout (see README, step 4).");

        pid.Send(42);
        Assert.That(await calling.WaitAsync(cancellationToken), Is.EqualTo(42), "The reply, once sent, is the call's result.");
        pid.Stop();
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_to_an_ended_process_fails_with_ProcessExitedException(CancellationToken cancellationToken)
    {
        var counter = StartCounter();
        counter.Stop();
        await counter.Completion.WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ProcessExitedException>(
            async () => await counter.CallAsync<int>(replyTo => new GetCount(replyTo), Timeout).WaitAsync(cancellationToken),
            "A dead process will never reply: fail at once instead of waiting for the timeout.");
        Assert.That(exited?.Message, Does.Contain("ended"),
            "The ProcessExitedException's message should say that the process ended (see README, step 4).");
        Assert.That(exited?.InnerException, Is.Null,
            "The process was stopped, it did not crash: there is no crash to put inside (see README, step 4).");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_times_out_when_the_process_does_not_reply(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var counter = StartCounter();

        var calling = counter.CallAsync<int>(replyTo => new Ignore(replyTo), Timeout, time);
        time.Advance(Timeout);

        var timedOut = Assert.ThrowsAsync<TimeoutException>(async () => await calling.WaitAsync(cancellationToken),
            "When no reply comes within the timeout (on the given TimeProvider), throw TimeoutException.");
        Assert.That(timedOut?.Message, Does.Contain("5000"),
            "The TimeoutException's message should say how long the caller waited, in milliseconds: 5000 here " +
            "(see README, step 4).");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_with_a_null_request_fails_with_ArgumentNullException(CancellationToken cancellationToken)
    {
        var counter = StartCounter();

        Assert.ThrowsAsync<ArgumentNullException>(
            async () => await counter.CallAsync<int>(null!, Timeout).WaitAsync(cancellationToken),
            "CallAsync(null, ...) must throw ArgumentNullException: without a request there is nothing to send " +
            "(see README, step 4).");

        counter.Stop();
        await counter.Completion.WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(2000)]
    public void A_call_fails_when_the_process_crashes_before_replying(CancellationToken cancellationToken)
    {
        var counter = StartCounter();

        var exited = Assert.ThrowsAsync<ProcessExitedException>(
            async () => await counter.CallAsync<int>(replyTo => new Crash(replyTo), Timeout).WaitAsync(cancellationToken),
            "The process crashed while handling the call: the caller must hear about it, not wait for the timeout.");
        Assert.That(exited?.InnerException, Is.TypeOf<InvalidOperationException>(),
            "Keep the crash's exception as the InnerException: it says why the process ended.");
    }
}
