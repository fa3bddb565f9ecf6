using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace GenServers;

/// <summary>
/// A running generic server, and everything a client can do with it: call it and wait for the reply, cast to it
/// and carry on, send it any other message, stop it, and watch it end. Like an Erlang pid, it says nothing about the
/// server's state: only the server's own loop ever sees that.
/// </summary>
/// <remarks>
/// The type has no <c>TState</c> parameter on purpose: a client of the server cannot even name the type of its state.
/// </remarks>
/// <typeparam name="TCall">The type of the requests sent with <see cref="CallAsync"/>.</typeparam>
/// <typeparam name="TReply">The type of the replies to those requests.</typeparam>
/// <typeparam name="TCast">The type of the requests sent with <see cref="Cast"/>.</typeparam>
public sealed class Server<TCall, TReply, TCast>
{
    private static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(5); // gen_server:call's default

    // One mailbox for calls, casts and infos alike: that is what keeps them in the order they were sent.
    private readonly Channel<Envelope> _mailbox = Channel.CreateUnbounded<Envelope>();
    private readonly TimeProvider _timeProvider;

    private Server(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Completes when the server ends: successfully after <see cref="StopAsync"/>, faulted with the callback's own
    /// exception when a callback crashed it.
    /// </summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>True until the server has ended.</summary>
    public bool IsAlive => !Completion.IsCompleted;

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
    /// <remarks>
    /// The call waits for whichever comes first, the reply or the server's <see cref="Completion"/>, for no longer
    /// than the timeout on the server's clock. Watching <see cref="Completion"/> is what <c>gen_server:call</c> does
    /// with a monitor.
    /// </remarks>
    public async Task<TReply> CallAsync(TCall request, TimeSpan? timeout = null)
    {
        var wait = timeout ?? DefaultCallTimeout;
        if (wait != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(timeout));
        }

        // The return address travels inside the message, as Erlang's From does. RunContinuationsAsynchronously:
        // the server must not go on to run the caller's code on its own loop when it replies.
        var replyTo = new TaskCompletionSource<TReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_mailbox.Writer.TryWrite(new CallEnvelope<TCall, TReply>(request, replyTo)))
        {
            // The mailbox is closed once the server is stopping or has ended: nobody will ever answer (noproc).
            throw Exited();
        }

        // Wait for whichever comes first: the reply or the end of the server, but no longer than the timeout.
        // Watching Completion is what gen_server:call does with a monitor: a call to a server that crashes fails
        // now, not at the timeout. WaitAsync is a ready-made "receive ... after": it throws TimeoutException once
        // `wait` has passed on the server's clock, and stops its timer either way. It starts that timer before this
        // method first awaits, so a test's FakeTimeProvider advanced right after the call counts from the call.
        await Task.WhenAny(replyTo.Task, Completion).WaitAsync(wait, _timeProvider);

        // The reply first: a server may reply and then crash on its next message, and this call succeeded.
        if (replyTo.Task.IsCompleted)
        {
            return await replyTo.Task;
        }

        throw Exited();
    }

    /// <summary>
    /// Sends a request that needs no reply, and returns at once, without waiting for the server
    /// (Erlang's <c>gen_server:cast</c>): <c>HandleCast</c> will handle it, after every message sent before it.
    /// A cast to a server that has ended is dropped without an error, as in OTP.
    /// </summary>
    /// <param name="request">The request.</param>
    public void Cast(TCast request) =>
        _ = _mailbox.Writer.TryWrite(new CastEnvelope<TCast>(request)); // false: the server has ended; drop it

    /// <summary>
    /// Sends any other message, outside the call and cast protocol (Erlang's <c>send(Pid, Msg)</c>), and returns at
    /// once: <c>HandleInfo</c> will handle it, in order with the calls and casts, even when its type is the call or
    /// cast type. Dropped without an error if the server has ended.
    /// </summary>
    /// <param name="message">The message; not null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public void Send(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _ = _mailbox.Writer.TryWrite(new InfoEnvelope(message));
    }

    /// <summary>
    /// Stops the server: it handles every message already in its mailbox, then ends normally; messages sent after
    /// this are dropped (calls fail at once with <see cref="ServerExitedException"/>). Completes when the server has
    /// ended. Stopping a server that has already ended is harmless; this task never fails: how the server ended
    /// (a crash, for instance) is in <see cref="Completion"/>.
    /// </summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public async Task StopAsync()
    {
        // Closing the mailbox is the stop: the loop's ReadAllAsync ends once the messages already in it are handled.
        _mailbox.Writer.TryComplete();
        // SuppressThrowing: wait for the end without rethrowing a crash; whoever cares how it ended reads Completion.
        await Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Creates a server, starts its loop, and waits until the loop has run <c>Init</c>.</summary>
    internal static async Task<Server<TCall, TReply, TCast>> StartAsync<TState>(
        IGenServer<TState, TCall, TReply, TCast> callbacks, TimeProvider timeProvider)
    {
        var server = new Server<TCall, TReply, TCast>(timeProvider);
        var initialized = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Task.Run: the loop, Init included, runs on the thread pool, not on the caller's thread (spawn, then init).
        server.Completion = Task.Run(() => server.LoopAsync(callbacks, initialized));
        await initialized.Task; // rethrows Init's exception, if it threw
        return server;
    }

    /// <summary>The server itself: init, then receive and handle one message at a time until the mailbox closes.</summary>
    private async Task LoopAsync<TState>(IGenServer<TState, TCall, TReply, TCast> callbacks, TaskCompletionSource initialized)
    {
        try
        {
            TState state;
            try
            {
                state = callbacks.Init();
            }
            catch (Exception error)
            {
                // The server never started: tell the starter why, and end (the finally closes the mailbox).
                initialized.SetException(error);
                return;
            }

            initialized.SetResult();

            // The state lives in this local variable, and only this loop touches it, one message at a time.
            // A callback that throws leaves the loop with its exception: that faults Completion, the crash.
            await foreach (var envelope in _mailbox.Reader.ReadAllAsync())
            {
                state = Handle(callbacks, state, envelope);
            }
        }
        finally
        {
            // However the loop ends, a dead server takes no more messages: casts are dropped, calls fail at once.
            _mailbox.Writer.TryComplete();
        }
    }

    /// <summary>Opens an envelope and runs the callback its kind of message calls for.</summary>
    private static TState Handle<TState>(IGenServer<TState, TCall, TReply, TCast> callbacks, TState state, Envelope envelope)
    {
        switch (envelope)
        {
            case CallEnvelope<TCall, TReply> call:
                var (reply, next) = callbacks.HandleCall(call.Request, state);
                // If the caller has timed out, nobody awaits this task any more: the late reply is simply dropped.
                call.ReplyTo.TrySetResult(reply);
                return next;
            case CastEnvelope<TCast> cast:
                return callbacks.HandleCast(cast.Request, state);
            case InfoEnvelope info:
                return callbacks.HandleInfo(info.Message, state);
            default:
                throw new UnreachableException(); // the three envelopes above are the only ones
        }
    }

    /// <summary>The exception for a call nobody will answer: with the crash inside, if the server crashed.</summary>
    private ServerExitedException Exited() => new(Completion.Exception?.InnerException);
}
