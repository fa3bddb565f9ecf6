using System;
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
/// Calls, casts and other messages all travel through one mailbox, so the server handles them in the order they
/// were sent, one at a time. A callback that throws crashes the server.
/// </remarks>
/// <typeparam name="TCall">The type of the requests sent with <see cref="CallAsync"/>.</typeparam>
/// <typeparam name="TReply">The type of the replies to those requests.</typeparam>
/// <typeparam name="TCast">The type of the requests sent with <see cref="Cast"/>.</typeparam>
public sealed class Server<TCall, TReply, TCast>
{
    // Given: gen_server:call's default timeout.
    private static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(5);

    // Given: one mailbox for calls, casts and infos alike (Envelope.cs holds the three kinds of envelope), and the
    // server's clock.
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
    public bool IsAlive =>
        // TODO Step 1.1 (StartAsync_returns_a_running_server_once_Init_has_run): alive until Completion has completed.
        throw new NotImplementedException("Step 1: implement Server.IsAlive (see README, step 1).");

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
    public Task<TReply> CallAsync(TCall request, TimeSpan? timeout = null)
    {
        // TODO Step 2.1 (A_call_returns_the_reply_from_HandleCall): make this method async. Create the return
        // address, a TaskCompletionSource<TReply> with TaskCreationOptions.RunContinuationsAsynchronously (so that
        // the server does not go on to run your code on its own loop when it replies), write a CallEnvelope holding
        // the request and it into the mailbox with TryWrite, and await its Task.
        // TODO Step 2.2 (A_call_times_out_after_five_seconds_by_default, A_late_reply_is_dropped_and_the_server_keeps_running):
        // wait no longer than `timeout ?? DefaultCallTimeout`, measured on _timeProvider: one overload of
        // Task.WaitAsync takes both, and throws TimeoutException. Refuse a negative timeout (other than
        // Timeout.InfiniteTimeSpan) with ArgumentOutOfRangeException before you send anything.
        // TODO Step 4.3 (A_call_to_a_stopped_server_fails_with_ServerExitedException): TryWrite returns false once
        // the mailbox is closed: nobody will ever answer, so throw Exited() at once.
        // TODO Step 4.4 (A_caller_waiting_when_the_server_crashes_gets_ServerExitedException): a crashed server never
        // replies. Wait (with the timeout) for whichever comes first, the reply or Completion: Task.WhenAny. Then, if
        // the reply is there, return it (a server may reply and then crash); otherwise throw Exited().
        throw new NotImplementedException("Step 2: implement Server.CallAsync (see README, step 2).");
    }

    /// <summary>
    /// Sends a request that needs no reply, and returns at once, without waiting for the server
    /// (Erlang's <c>gen_server:cast</c>): <c>HandleCast</c> will handle it, after every message sent before it.
    /// A cast to a server that has ended is dropped without an error, as in OTP.
    /// </summary>
    /// <param name="request">The request.</param>
    public void Cast(TCast request) =>
        // TODO Step 3.1 (A_cast_returns_at_once_and_HandleCast_changes_the_state): put a CastEnvelope in the mailbox.
        // Which writer method never waits, and returns false instead of throwing when the mailbox is closed?
        throw new NotImplementedException("Step 3: implement Server.Cast (see README, step 3).");

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
        // TODO Step 3.2 (A_message_sent_with_Send_goes_to_HandleInfo): the same, with an InfoEnvelope.
        throw new NotImplementedException("Step 3: implement Server.Send (see README, step 3).");
    }

    /// <summary>
    /// Stops the server: it handles every message already in its mailbox, then ends normally; messages sent after
    /// this are dropped (calls fail at once with <see cref="ServerExitedException"/>). Completes when the server has
    /// ended. Stopping a server that has already ended is harmless; this task never fails: how the server ended
    /// (a crash, for instance) is in <see cref="Completion"/>.
    /// </summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public Task StopAsync() =>
        // TODO Step 4.1 (Stop_handles_the_messages_already_sent_then_ends): close the mailbox (the writer's
        // TryComplete, harmless the second time): the loop's ReadAllAsync ends once it has handed out what is already
        // in it. Then make this method async and await Completion without rethrowing a crash:
        // Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).
        throw new NotImplementedException("Step 4: implement Server.StopAsync (see README, step 4).");

    /// <summary>Creates a server, starts its loop, and waits until the loop has run <c>Init</c>.</summary>
    internal static Task<Server<TCall, TReply, TCast>> StartAsync<TState>(
        IGenServer<TState, TCall, TReply, TCast> callbacks, TimeProvider timeProvider)
    {
        var server = new Server<TCall, TReply, TCast>(timeProvider);
        // TODO Step 1.2 (StartAsync_returns_a_running_server_once_Init_has_run, Init_runs_on_the_server_and_StartAsync_waits_for_it):
        // make this method async. Create `initialized`, a TaskCompletionSource (RunContinuationsAsynchronously), start
        // the loop on the thread pool, server.Completion = Task.Run(() => server.LoopAsync(callbacks, initialized)),
        // then await initialized.Task and return the server.
        throw new NotImplementedException("Step 1: implement GenServer.StartAsync (see README, step 1).");
    }

    /// <summary>The server itself: init, then receive and handle one message at a time until the mailbox closes.</summary>
    private Task LoopAsync<TState>(IGenServer<TState, TCall, TReply, TCast> callbacks, TaskCompletionSource initialized)
    {
        // TODO Step 1.3 (StartAsync_returns_a_running_server_once_Init_has_run, A_failing_Init_makes_StartAsync_fail_with_its_exception):
        // make this method async. Run callbacks.Init() and keep the state it returns in a local variable. Tell the
        // starter how it went: initialized.SetResult(), or, if Init threw, initialized.SetException(error) and return.
        // TODO Step 2.3 (A_call_returns_the_reply_from_HandleCall, Each_call_sees_the_state_the_one_before_it_left):
        // then loop over the mailbox, `await foreach (var envelope in _mailbox.Reader.ReadAllAsync())`, and keep the
        // state each message leaves: state = Handle(callbacks, state, envelope).
        // TODO Step 4.2 (A_crash_in_a_callback_ends_the_server_with_that_exception, A_cast_or_a_message_to_a_dead_server_is_dropped_without_an_error):
        // put it all in try/finally and close the mailbox in the finally, so that a dead server takes no more messages.
        // Do not catch the callbacks' exceptions: one that leaves this method faults Completion, and that is the crash.
        throw new NotImplementedException("Step 1: implement the server's loop, Server.LoopAsync (see README, step 1).");
    }

    /// <summary>Opens an envelope and runs the callback its kind of message calls for.</summary>
    private static TState Handle<TState>(IGenServer<TState, TCall, TReply, TCast> callbacks, TState state, Envelope envelope)
    {
        // TODO Step 2.4 (A_call_returns_the_reply_from_HandleCall): switch on the envelope's type. For a
        // CallEnvelope<TCall, TReply>: run callbacks.HandleCall, send the reply with TrySetResult on its ReplyTo
        // (if the caller has timed out, nobody is listening, and the late reply is dropped), and return the new state.
        // TODO Step 3.3 (A_cast_returns_at_once_and_HandleCast_changes_the_state, A_message_sent_with_Send_goes_to_HandleInfo):
        // a CastEnvelope<TCast> goes to HandleCast, an InfoEnvelope to HandleInfo. Any other envelope cannot happen:
        // throw new UnreachableException() (System.Diagnostics).
        throw new NotImplementedException("Step 2: implement Server.Handle, which opens the envelopes (see README, step 2).");
    }

    /// <summary>The exception for a call nobody will answer: with the crash inside, if the server crashed.</summary>
    private ServerExitedException Exited() => new(Completion.Exception?.InnerException);
}
