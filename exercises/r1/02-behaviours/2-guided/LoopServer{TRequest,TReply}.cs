using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Behaviours;

/// <summary>
/// A handle to a running loop server: the generic half of every behaviour. It knows how to receive a request, hand it
/// to the behaviour, send the reply back and keep the state; it knows nothing about what the requests mean.
/// Start one with <see cref="LoopServer.Start{TState, TRequest, TReply}"/>.
/// </summary>
/// <typeparam name="TRequest">The requests the server's behaviour understands.</typeparam>
/// <typeparam name="TReply">What the behaviour answers.</typeparam>
public sealed class LoopServer<TRequest, TReply>
{
    // Given: the server's mailbox. It holds calls: a request together with the return address its reply goes to.
    // Only the server's loop reads from it (SingleReader); any number of callers write to it.
    private readonly Channel<Call> _mailbox = Channel.CreateUnbounded<Call>(new UnboundedChannelOptions { SingleReader = true });

    private LoopServer()
    {
    }

    /// <summary>
    /// Completes when the server ends: successfully after <see cref="Stop"/> once every request sent before it was
    /// handled; faulted with the behaviour's own exception when <c>Init</c> or <c>Handle</c> threw.
    /// </summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>True until the server has ended.</summary>
    public bool IsAlive =>
        // TODO Step 3.1 (Stop_lets_the_server_finish_the_requests_already_sent): alive until Completion is completed.
        throw new NotImplementedException("Step 3: implement LoopServer.IsAlive (see README, step 3).");

    /// <summary>
    /// Asks the server to stop: it handles the requests already sent, then ends normally. Calls made afterwards fail
    /// at once with <see cref="ServerExitedException"/>. Stopping twice is harmless.
    /// </summary>
    public void Stop() =>
        // TODO Step 3.2 (Stop_lets_the_server_finish_the_requests_already_sent): complete the mailbox's writer, in a way
        // that does not throw the second time. The loop of step 3.4 then ends once the mailbox is empty.
        throw new NotImplementedException("Step 3: implement LoopServer.Stop (see README, step 3).");

    /// <summary>
    /// Sends a request to the behaviour and waits for its reply (a synchronous call, like <c>GenServer.call</c>).
    /// Requests are handled one at a time, in the order they arrive. When the call times out, the request is still
    /// handled later, and its reply is then dropped.
    /// </summary>
    /// <param name="request">The request; the server passes it to the behaviour without looking at it.</param>
    /// <param name="timeout">
    /// How long to wait for the reply, measured on <paramref name="timeProvider"/>;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits as long as it takes (Elixir's <c>:infinity</c>).
    /// </param>
    /// <param name="timeProvider">The clock to wait by; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The behaviour's reply.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative (and not infinite); nothing is sent.</exception>
    /// <exception cref="TimeoutException">No reply came within <paramref name="timeout"/>.</exception>
    /// <exception cref="ServerExitedException">
    /// The server had stopped or ended, or ended before replying; when it crashed, the crash is the inner exception.
    /// </exception>
    public Task<TReply> CallAsync(TRequest request, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        // TODO Step 3.5 (A_call_returns_the_behaviours_reply): make this method async. Create a Call holding the request
        // and a new TaskCompletionSource<TReply> (with TaskCreationOptions.RunContinuationsAsynchronously), write it to
        // the mailbox, and await the TaskCompletionSource's Task.
        // TODO Step 3.6 (A_call_to_a_stopped_server_fails_with_ServerExitedException): when the mailbox refuses the write
        // (TryWrite returns false once Stop has completed it), throw Exited(...) instead.
        // TODO Step 3.7 (A_call_times_out_when_the_behaviour_does_not_reply_in_time): instead of awaiting the reply alone,
        // await Task.WhenAny of the reply and Task.Delay(timeout, timeProvider ?? TimeProvider.System, token); if the
        // reply has not come, throw TimeoutException. Cancel the delay's token when you are done.
        // TODO Step 4.1 (The_caller_whose_request_crashed_the_server_gets_ServerExitedException,
        // A_crash_in_Init_ends_the_server_and_fails_its_calls): add Completion to the WhenAny. After it, look at the
        // reply first (a server may reply and then crash on the next request), then at Completion (throw Exited(...)),
        // and only then throw the TimeoutException.
        // TODO Step 4.2 (A_negative_timeout_is_refused_before_anything_is_sent): refuse a negative timeout other than
        // Timeout.InfiniteTimeSpan with an ArgumentOutOfRangeException, before anything is sent.
        throw new NotImplementedException("Step 3: implement LoopServer.CallAsync (see README, step 3).");
    }

    /// <summary>Creates the server and starts its loop on the thread pool.</summary>
    internal static LoopServer<TRequest, TReply> Start<TState>(IBehaviour<TState, TRequest, TReply> behaviour)
    {
        var server = new LoopServer<TRequest, TReply>();
        // TODO Step 3.3 (Start_returns_at_once_and_Init_runs_once_on_the_server): set server.Completion to
        // Task.Run(() => server.LoopAsync(behaviour)). Do not call behaviour.Init() here: that would run it on the
        // caller's thread, and Start would wait for it.
        throw new NotImplementedException("Step 3: implement LoopServer.Start (see README, step 3).");
    }

    /// <summary>
    /// The machinery, the same for every behaviour: Init once, then receive, Handle, reply, keep the state.
    /// Nothing in it may name a counter or a stack.
    /// </summary>
    private Task LoopAsync<TState>(IBehaviour<TState, TRequest, TReply> behaviour)
    {
        // TODO Step 3.4 (The_server_keeps_the_state_from_one_request_to_the_next, Start_returns_at_once_and_Init_runs_once_on_the_server):
        // make this method async. Get the first state from behaviour.Init(). Then, for each call read from the mailbox
        // (await foreach over _mailbox.Reader.ReadAllAsync(), which ends once Stop has completed the mailbox and it is
        // empty): pass call.Request and the state to behaviour.Handle, keep the state it returns, and complete
        // call.Reply with the reply (TrySetResult).
        // TODO Step 4.3 (A_crash_in_Handle_ends_the_server_with_that_exception): nothing to write, if you did not catch
        // anything: an exception from Init or Handle that leaves this method faults Completion. That is the crash.
        throw new NotImplementedException("Step 3: implement the server's loop, LoopServer.LoopAsync (see README, step 3).");
    }

    /// <summary>The exception for a call that cannot be answered because the server has stopped or ended.</summary>
    private ServerExitedException Exited(string message) =>
        new(message, Completion.Exception?.InnerException);

    /// <summary>A request and the return address of its reply.</summary>
    private sealed record Call(TRequest Request, TaskCompletionSource<TReply> Reply);
}
