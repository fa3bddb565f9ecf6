using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace GenServers.Hidden;

[Property("Step", 4)]
public sealed class LifecycleSuite
{
    [TestCase("call")]
    [TestCase("cast")]
    [TestCase("info")]
    [CancelAfter(5000)]
    public async Task A_crash_in_any_callback_ends_the_server_with_that_very_exception(string kind, CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = await GenServer.StartAsync(probe).WaitAsync(cancellationToken);
        server.Cast("before");

        Task? crashingCall = null;
        switch (kind)
        {
            case "call":
                crashingCall = server.CallAsync("crash");
                break;
            case "cast":
                server.Cast("crash");
                break;
            default:
                server.Send("crash");
                break;
        }

        server.Cast("after");
        var thrown = Assert.ThrowsAsync<InvalidOperationException>(async () => await server.Completion.WaitAsync(cancellationToken),
            "Step 4: a callback that throws must crash the server: Completion fails with that exception");

        Assert.That(thrown, Is.SameAs(probe.Error), "Completion fails with the callback's own exception");
        Assert.That(server.IsAlive, Is.False, "Step 4: a crashed server must not be alive");
        Assert.That(probe.Handled, Is.EqualTo(new[] { "cast before" }), "nothing is handled after the crash");
        if (crashingCall is not null)
        {
            var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await crashingCall.WaitAsync(cancellationToken),
                "Step 4: the call whose request crashed the server must fail with ServerExitedException, without waiting");
            Assert.That(exited?.InnerException, Is.SameAs(probe.Error),
                "Step 4: the ServerExitedException must carry the crash as its InnerException");
        }

        var later = Assert.ThrowsAsync<ServerExitedException>(async () => await server.CallAsync("anyone?").WaitAsync(cancellationToken),
            "Step 4: a call to a crashed server must fail at once with ServerExitedException");
        Assert.That(later?.InnerException, Is.SameAs(probe.Error), "a call to a crashed server carries the crash");
        Assert.That(later?.Message, Does.Contain(probe.Error.Message), "the message says why the server ended");
        Assert.That(() => server.Cast("dropped"), Throws.Nothing, "Step 4: a cast to a dead server must be dropped without an error");
        Assert.That(() => server.Send("dropped"), Throws.Nothing, "Step 4: a message sent to a dead server must be dropped without an error");
        Assert.That(async () => await server.StopAsync().WaitAsync(cancellationToken), Throws.Nothing,
            "stopping a server that has crashed is harmless");
        Assert.That(server.Completion.IsFaulted, Is.True, "Step 4: a crashed server's Completion must stay faulted, even after StopAsync");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Every_caller_waiting_when_the_server_crashes_gets_ServerExitedException(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = await GenServer.StartAsync(probe).WaitAsync(cancellationToken);
        Task<ImmutableList<string>>[] waiting;
        Task<ImmutableList<string>> blocked;
        try
        {
            blocked = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            server.Cast("crash");
            waiting = Enumerable.Range(0, 20).Select(i => server.CallAsync("queued", Timeout.InfiniteTimeSpan)).ToArray();
            probe.OpenGate();
        }
        finally
        {
            probe.OpenGate();
        }

        Assert.That(await blocked.WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block" }),
            "the call handled before the crash got its reply");
        foreach (var call in waiting)
        {
            var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await call.WaitAsync(cancellationToken),
                "a caller queued behind a crash must not wait for ever (its timeout is infinite)");
            Assert.That(exited?.InnerException, Is.SameAs(probe.Error),
                "Step 4: each caller waiting when the server crashed must get the crash as InnerException");
        }
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(20)]
    public async Task A_reply_sent_just_before_a_crash_still_answers_the_call(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = await GenServer.StartAsync(probe).WaitAsync(cancellationToken);

        var calling = server.CallAsync("last words");
        server.Cast("crash");

        Assert.That(await calling.WaitAsync(cancellationToken), Is.EqualTo(new[] { "call last words" }),
            "Step 4: a reply sent before the crash must still reach its caller");
        Assert.That(async () => await server.Completion.WaitAsync(cancellationToken), Throws.InvalidOperationException,
            "Step 4: the crashing cast must end the server: Completion fails with the callback's exception");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Stop_finishes_the_mailbox_and_refuses_what_comes_after(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = await GenServer.StartAsync(probe).WaitAsync(cancellationToken);
        Task stopping;
        Task<ImmutableList<string>> queuedCall;
        try
        {
            var blocked = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            await probe.Blocked.WaitAsync(cancellationToken);
            server.Cast("queued cast");
            queuedCall = server.CallAsync("queued call", Timeout.InfiniteTimeSpan);
            server.Send("queued info");

            stopping = server.StopAsync();
            Assert.That(stopping.IsCompleted, Is.False, "StopAsync completes only when the server has ended");
            Assert.That(server.IsAlive, Is.True, "the server is still handling its mailbox");

            var refused = Assert.ThrowsAsync<ServerExitedException>(
                async () => await server.CallAsync("too late", Timeout.InfiniteTimeSpan).WaitAsync(cancellationToken),
                "a call after StopAsync will never be handled: it must fail, not wait");
            Assert.That(refused?.InnerException, Is.Null,
                "Step 4: a call refused after StopAsync has no crash to report: InnerException must be null");
            server.Cast("too late");
            server.Send("too late");
        }
        finally
        {
            probe.OpenGate();
        }

        await stopping.WaitAsync(cancellationToken);
        Assert.That(await queuedCall.WaitAsync(cancellationToken), Is.EqualTo(new[] { "call block", "cast queued cast", "call queued call" }),
            "a call already in the mailbox when the server was stopped still gets its reply");
        Assert.That(probe.Handled, Is.EqualTo(new[] { "call block", "cast queued cast", "call queued call", "info queued info" }),
            "Step 4: StopAsync must let the server handle what was in its mailbox, in order, and nothing sent after it");
        Assert.That(server.Completion.IsCompletedSuccessfully, Is.True, "Step 4: a stopped server's Completion must complete successfully");
        Assert.That(server.IsAlive, Is.False, "Step 4: a server must not be alive once StopAsync has completed");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Stopping_twice_is_harmless(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Probe()).WaitAsync(cancellationToken);

        var first = server.StopAsync();
        var second = server.StopAsync();
        await Task.WhenAll(first, second).WaitAsync(cancellationToken);
        await server.StopAsync().WaitAsync(cancellationToken);

        Assert.That(server.Completion.IsCompletedSuccessfully, Is.True,
            "Step 4: StopAsync called several times must end the server normally, without an error");
        var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await server.CallAsync("?").WaitAsync(cancellationToken),
            "Step 4: a call to a stopped server must fail at once with ServerExitedException");
        Assert.That(exited?.Message, Does.Contain("stopped"), "the message says the server was stopped");
        Assert.That(exited?.InnerException, Is.Null, "Step 4: a server that was stopped did not crash: InnerException must be null");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task StopAsync_does_not_fail_when_the_server_crashes_while_stopping(CancellationToken cancellationToken)
    {
        var probe = new Probe();
        var server = await GenServer.StartAsync(probe).WaitAsync(cancellationToken);

        server.Cast("crash");
        await server.StopAsync().WaitAsync(cancellationToken);

        Assert.That(server.Completion.IsFaulted, Is.True, "how the server ended is in Completion");
        Assert.That(server.Completion.Exception?.InnerException, Is.SameAs(probe.Error),
            "Step 4: Completion must fail with the callback's own exception");
    }
}
