using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace GenServers.Tests;

/// <summary>Step 4: a server ends when it is stopped, or when a callback crashes it; callers hear about it.</summary>
public sealed class Step4_Stop_and_crashes
{
    [Test]
    [CancelAfter(2000)]
    public async Task Stop_handles_the_messages_already_sent_then_ends(CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var server = await GenServer.StartAsync(recorder).WaitAsync(cancellationToken);

        server.Cast("a");
        server.Send("b");
        await server.StopAsync().WaitAsync(cancellationToken);
        await server.Completion; // if the server crashed instead, this shows why

        Assert.That(recorder.Handled, Is.EqualTo(new[] { "cast a", "info b" }),
            "StopAsync lets the server handle what is already in its mailbox before it ends.");
        Assert.That(server.IsAlive, Is.False, "Once StopAsync has completed, the server has ended.");
        Assert.That(server.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion), "A stop is a normal end, not a crash.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_to_a_stopped_server_fails_with_ServerExitedException(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);
        await server.StopAsync().WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await server.CallAsync("anyone there?").WaitAsync(cancellationToken),
            "A stopped server will never reply: fail at once (Erlang's noproc) instead of waiting for the timeout.");
        Assert.That(exited?.InnerException, Is.Null, "The server stopped normally: there is no crash to report.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_crash_in_a_callback_ends_the_server_with_that_exception(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);

        server.Cast("crash");

        var crash = Assert.ThrowsAsync<InvalidOperationException>(
            async () => await server.Completion.WaitAsync(cancellationToken),
            "HandleCast threw: the server crashes, and Completion fails with the callback's own exception.");
        Assert.That(crash?.Message, Does.StartWith("cast crash"),
            "Step 4: Completion fails with the callback's own exception, its message unchanged");
        Assert.That(server.IsAlive, Is.False, "Step 4: a crashed server is no longer alive");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_caller_waiting_when_the_server_crashes_gets_ServerExitedException(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await server.CallAsync("crash").WaitAsync(cancellationToken),
            "The server crashed while handling the call: the caller must hear about it now, not at the timeout.");
        Assert.That(exited?.InnerException, Is.TypeOf<InvalidOperationException>(),
            "Keep the crash as the InnerException: it says why the server ended.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_cast_or_a_message_to_a_dead_server_is_dropped_without_an_error(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);
        await server.StopAsync().WaitAsync(cancellationToken);

        Assert.That(() => server.Cast("hello?"), Throws.Nothing, "gen_server:cast never fails, even to a dead server.");
        Assert.That(() => server.Send("hello?"), Throws.Nothing, "Sending to a dead process is not an error either.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task StopAsync_completes_only_once_the_server_has_ended(CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var server = await GenServer.StartAsync(recorder).WaitAsync(cancellationToken);
        Task stopping;
        try
        {
            var blocked = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            stopping = server.StopAsync();
            Assert.That(stopping.IsCompleted, Is.False,
                "StopAsync completed while the server was still handling a call from its mailbox: its task must " +
                "complete only once the server has ended (see README, step 4).");
        }
        finally
        {
            recorder.OpenGate();
        }

        await stopping.WaitAsync(cancellationToken);
        Assert.That(server.IsAlive, Is.False,
            "StopAsync has completed, but the server is still alive: await its end (see README, step 4).");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_after_StopAsync_fails_at_once_even_while_the_server_finishes_its_mailbox(
        CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var server = await GenServer.StartAsync(recorder).WaitAsync(cancellationToken);
        try
        {
            _ = server.CallAsync("block", Timeout.InfiniteTimeSpan);
            _ = server.StopAsync();

            var refused = Assert.ThrowsAsync<ServerExitedException>(
                async () => await server.CallAsync("too late", Timeout.InfiniteTimeSpan).WaitAsync(cancellationToken),
                "The mailbox is closed once StopAsync is called: a later call will never be handled, so it must fail " +
                "at once with ServerExitedException, not wait for the server to end (see README, step 4).");
            Assert.That(refused?.InnerException, Is.Null,
                $"The server is stopping, not crashing, but the InnerException was {refused?.InnerException} (see README, step 4).");
        }
        finally
        {
            recorder.OpenGate();
        }
    }

    [Test]
    [CancelAfter(2000)]
    public async Task ServerExitedException_says_whether_the_server_stopped_or_crashed(CancellationToken cancellationToken)
    {
        var stopped = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);
        await stopped.StopAsync().WaitAsync(cancellationToken);
        var crashed = await GenServer.StartAsync(new Recorder()).WaitAsync(cancellationToken);
        crashed.Cast("crash");
        await crashed.StopAsync().WaitAsync(cancellationToken);

        var afterStop = Assert.ThrowsAsync<ServerExitedException>(
            async () => await stopped.CallAsync("anyone there?").WaitAsync(cancellationToken),
            "A call to a stopped server fails with ServerExitedException (see README, step 4).");
        var afterCrash = Assert.ThrowsAsync<ServerExitedException>(
            async () => await crashed.CallAsync("anyone there?").WaitAsync(cancellationToken),
            "A call to a crashed server fails with ServerExitedException (see README, step 4).");

        Assert.That(afterStop?.Message, Does.Contain("stopped"),
            "The message of a call to a stopped server must say that it stopped: build the exception without a crash " +
            "(see README, step 4).");
        Assert.That(afterCrash?.InnerException, Is.TypeOf<InvalidOperationException>(),
            "A call to a crashed server carries the crash (Completion's exception) as its InnerException (see README, step 4).");
        Assert.That(afterCrash?.Message, Does.Contain("crashed").And.Contain("cast crash"),
            "The message of a call to a crashed server must say that it crashed, and why (see README, step 4).");
    }
}
