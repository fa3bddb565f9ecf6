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
        Assert.That(crash?.Message, Does.StartWith("cast crash"));
        Assert.That(server.IsAlive, Is.False);
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
}
