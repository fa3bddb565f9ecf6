using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace GenServers.Tests;

/// <summary>Step 2: call: send a request, wait for the reply HandleCall returns, but not for ever.</summary>
public sealed class Step2_Call
{
    [Test]
    [CancelAfter(2000)]
    public async Task A_call_returns_the_reply_from_HandleCall(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder(init: () => ["initialised"])).WaitAsync(cancellationToken);

        var reply = await server.CallAsync("hello").WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(new[] { "initialised", "call hello" }),
            "The reply is what HandleCall returned, computed from the state Init made.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Each_call_sees_the_state_the_one_before_it_left(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);

        await server.CallAsync("first").WaitAsync(cancellationToken);
        var reply = await server.CallAsync("second").WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(new[] { "call first", "call second" }),
            "Keep the state HandleCall returns and pass it to the next callback.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_times_out_after_five_seconds_by_default(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var recorder = new Recorder();
        var server = await GenServer.StartAsync(recorder, time).WaitAsync(cancellationToken);
        try
        {
            var calling = server.CallAsync("block");
            time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
            Assert.That(calling.IsCompleted, Is.False,
                "The call gave up before 5 s: measure the timeout on the server's TimeProvider, 5 s by default.");

            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.That(async () => await calling.WaitAsync(cancellationToken), Throws.TypeOf<TimeoutException>(),
                "No reply within the timeout: throw TimeoutException.");
        }
        finally
        {
            recorder.OpenGate();
        }
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_late_reply_is_dropped_and_the_server_keeps_running(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var recorder = new Recorder();
        var server = await GenServer.StartAsync(recorder, time).WaitAsync(cancellationToken);

        try
        {
            var calling = server.CallAsync("block", TimeSpan.FromSeconds(1));
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.That(async () => await calling.WaitAsync(cancellationToken), Throws.TypeOf<TimeoutException>(),
                "A call with its own timeout gives up after that timeout, on the server's clock.");
        }
        finally
        {
            recorder.OpenGate(); // the server now finishes the blocked call, and replies to nobody
        }

        var reply = await server.CallAsync("next").WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(new[] { "call block", "call next" }),
            "A call that timed out was still handled; its late reply must not disturb the server or the next call.");
        Assert.That(server.IsAlive, Is.True, "Step 2: a call that timed out leaves the server running");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_negative_timeout_is_refused_and_an_infinite_one_waits_for_the_reply(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var recorder = new Recorder();
        var server = await GenServer.StartAsync(recorder, time).WaitAsync(cancellationToken);
        try
        {
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(
                async () => await server.CallAsync("never sent", TimeSpan.FromSeconds(-1)).WaitAsync(cancellationToken),
                "A negative timeout (other than Timeout.InfiniteTimeSpan) means nothing: CallAsync must refuse it " +
                "with ArgumentOutOfRangeException (see README, step 2).");

            var calling = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            time.Advance(TimeSpan.FromDays(3));
            Assert.That(calling.IsCompleted, Is.False,
                "A call with Timeout.InfiniteTimeSpan must wait for ever, but it ended after 3 days on the server's " +
                $"clock ({calling.Status}): treat InfiniteTimeSpan as 'no timeout', not as a negative one (see README, step 2).");
            recorder.OpenGate();
            Assert.That(await calling.WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block" }),
                "The call with an infinite timeout gets its reply once the server sends it (see README, step 2).");
        }
        finally
        {
            recorder.OpenGate();
        }

        Assert.That(await server.CallAsync("next").WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block", "call next" }),
            "The call refused for its negative timeout was never sent: the server handled only the other calls " +
            "(see README, step 2).");
    }
}
