using System;
using System.Threading;
using System.Threading.Tasks;

namespace GenServers;

/// <summary>
/// A running generic server, and everything a client can do with it: call it and wait for the reply, cast to it
/// and carry on, send it any other message, stop it, and watch it end. Like an Erlang pid, it says nothing about the
/// server's state: only the server's own loop ever sees that.
/// </summary>
/// <remarks>
/// Calls, casts and other messages all travel through one mailbox, so the server handles them in the order they
/// were sent, one at a time. A callback that throws crashes the server.
/// </remarks>
/// <typeparam name="TCall">The type of the requests sent with <see cref="CallAsync"/>.</typeparam>
/// <typeparam name="TReply">The type of the replies to those requests.</typeparam>
/// <typeparam name="TCast">The type of the requests sent with <see cref="Cast"/>.</typeparam>
public sealed class Server<TCall, TReply, TCast>
{
    private Server()
    {
    }

    /// <summary>
    /// Completes when the server ends: successfully after <see cref="StopAsync"/>, faulted with the callback's own
    /// exception when a callback crashed it.
    /// </summary>
    public Task Completion => throw new NotImplementedException("Step 1: implement Server.Completion (see README, step 1).");

    /// <summary>True until the server has ended.</summary>
    public bool IsAlive => throw new NotImplementedException("Step 1: implement Server.IsAlive (see README, step 1).");

    /// <summary>
    /// Sends a request and waits for the reply that <c>HandleCall</c> returns (Erlang's <c>gen_server:call</c>).
    /// The request is handled after every message sent before it.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="timeout">
    /// How long to wait for the reply, measured on the server's <see cref="TimeProvider"/>: five seconds when null,
    /// as in OTP; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever; zero gives up at once unless the reply is
    /// already there.
    /// </param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="timeout"/> is negative (and not infinite); the request is then not sent.
    /// </exception>
    /// <exception cref="TimeoutException">
    /// No reply came in time. The server goes on running; if it replies later, the reply is dropped.
    /// </exception>
    /// <exception cref="ServerExitedException">
    /// The server had ended (or was stopping), or ended before replying; when it crashed, the crash is the inner
    /// exception. The caller learns this as soon as the server ends, not at the timeout.
    /// </exception>
    public Task<TReply> CallAsync(TCall request, TimeSpan? timeout = null) =>
        throw new NotImplementedException("Step 2: implement Server.CallAsync (see README, step 2).");

    /// <summary>
    /// Sends a request that needs no reply, and returns at once, without waiting for the server
    /// (Erlang's <c>gen_server:cast</c>): <c>HandleCast</c> will handle it, after every message sent before it.
    /// A cast to a server that has ended is dropped without an error, as in OTP.
    /// </summary>
    /// <param name="request">The request.</param>
    public void Cast(TCast request) =>
        throw new NotImplementedException("Step 3: implement Server.Cast (see README, step 3).");

    /// <summary>
    /// Sends any other message, outside the call and cast protocol (Erlang's <c>send(Pid, Msg)</c>), and returns at
    /// once: <c>HandleInfo</c> will handle it, in order with the calls and casts, even when its type is the call or
    /// cast type. Dropped without an error if the server has ended.
    /// </summary>
    /// <param name="message">The message; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public void Send(object message) =>
        throw new NotImplementedException("Step 3: implement Server.Send (see README, step 3).");

    /// <summary>
    /// Stops the server: it handles every message already in its mailbox, then ends normally; messages sent after
    /// this are dropped (calls fail at once with <see cref="ServerExitedException"/>). Completes when the server has
    /// ended. Stopping a server that has already ended is harmless; this task never fails: how the server ended
    /// (a crash, for instance) is in <see cref="Completion"/>.
    /// </summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public Task StopAsync() =>
        throw new NotImplementedException("Step 4: implement Server.StopAsync (see README, step 4).");
}
