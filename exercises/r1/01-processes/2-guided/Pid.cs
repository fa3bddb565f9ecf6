using System;
using System.Threading.Tasks;

namespace Processes;

/// <summary>
/// A handle to a running process, like an Erlang pid: all you can do with a process is send it messages,
/// call it (send a request and wait for the reply), stop it, and watch it end.
/// </summary>
/// <typeparam name="TMessage">The type of the messages the process receives.</typeparam>
public sealed class Pid<TMessage>
{
    // Given: every process owns one mailbox, and only its loop receives from it.
    private readonly Mailbox<TMessage> _mailbox = new();

    private Pid()
    {
    }

    /// <summary>
    /// Completes when the process ends: successfully after <see cref="Stop"/> once every message sent before it was
    /// handled; faulted with the handler's own exception when the process crashed.
    /// </summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>True until the process has ended.</summary>
    public bool IsAlive =>
        // TODO Step 3.1 (Stop_ends_the_process_after_the_messages_already_sent): alive until Completion is completed.
        throw new NotImplementedException("Step 3: implement Pid.IsAlive (see README, step 3).");

    /// <summary>Sends a message and returns at once. A message to a process that has ended is dropped, as in Erlang.</summary>
    /// <param name="message">The message.</param>
    public void Send(TMessage message) =>
        // TODO Step 3.2 (A_process_carries_its_state_from_one_message_to_the_next): into the mailbox.
        throw new NotImplementedException("Step 3: implement Pid.Send (see README, step 3).");

    /// <summary>
    /// Asks the process to stop: it handles the messages sent before this call, then ends normally.
    /// Messages sent afterwards are dropped. Stopping twice is harmless.
    /// </summary>
    public void Stop() =>
        // TODO Step 3.3 (Stop_ends_the_process_after_the_messages_already_sent): closing the mailbox is enough,
        // if the loop ends when its receive throws MailboxClosedException.
        throw new NotImplementedException("Step 3: implement Pid.Stop (see README, step 3).");

    /// <summary>
    /// Sends a request that carries a fresh <see cref="ReplyTo{T}"/> and waits for the reply: the request/response
    /// pattern every OTP call is built from.
    /// </summary>
    /// <typeparam name="TReply">The type of the reply.</typeparam>
    /// <param name="request">Builds the request message around the return address it is given.</param>
    /// <param name="timeout">How long to wait for the reply, measured on <paramref name="timeProvider"/>.</param>
    /// <param name="timeProvider">The clock to wait by; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="TimeoutException">No reply came within <paramref name="timeout"/>.</exception>
    /// <exception cref="ProcessExitedException">
    /// The process had ended, or ended before replying; when it crashed, the crash is the inner exception.
    /// </exception>
    public Task<TReply> CallAsync<TReply>(Func<ReplyTo<TReply>, TMessage> request, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        // TODO Step 4.4 (A_call_returns_the_reply): create a ReplyTo<TReply>, Send(request(replyTo)), await its Reply.
        // TODO Step 4.5 (A_call_times_out_when_the_process_does_not_reply, A_call_fails_when_the_process_crashes_before_replying,
        // A_call_to_an_ended_process_fails_with_ProcessExitedException):
        // make the method async and await Task.WhenAny of three tasks: the reply, Completion, and
        // Task.Delay(timeout, timeProvider ?? TimeProvider.System, token). Then look at which one finished,
        // the reply first (a process may reply and then end).
        throw new NotImplementedException("Step 4: implement Pid.CallAsync (see README, step 4).");
    }

    /// <summary>Creates the pid and starts the process's loop on the thread pool.</summary>
    internal static Pid<TMessage> Start<TState>(TState initialState, Func<TState, TMessage, TState> handle)
    {
        var pid = new Pid<TMessage>();
        // TODO Step 3.4 (A_process_carries_its_state_from_one_message_to_the_next): set pid.Completion to
        // Task.Run(() => pid.LoopAsync(initialState, handle)).
        throw new NotImplementedException("Step 3: implement Process.Spawn (see README, step 3).");
    }

    /// <summary>The process itself: receive, compute the next state, repeat.</summary>
    private Task LoopAsync<TState>(TState state, Func<TState, TMessage, TState> handle)
    {
        // TODO Step 3.5 (A_process_carries_its_state_from_one_message_to_the_next): make this method async and loop:
        // receive a message, state = handle(state, message). Return when the receive throws MailboxClosedException.
        // TODO Step 3.6 (Messages_sent_to_an_ended_process_are_dropped_without_an_error,
        // A_crash_in_the_handler_ends_the_process_with_that_exception): in a finally block, close the mailbox, so a
        // crashed process takes no more messages. Do not catch the handler's exception: let it fault the task.
        throw new NotImplementedException("Step 3: implement the process loop (see README, step 3).");
    }

    /// <summary>The exception for a call that cannot be answered because the process has ended.</summary>
    private ProcessExitedException Exited(string message) =>
        new(message, Completion.Exception?.InnerException);
}
