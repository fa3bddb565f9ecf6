using System;
using System.Threading;
using System.Threading.Tasks;

namespace Processes;

/// <summary>
/// A handle to a running process, like an Erlang pid: all you can do with a process is send it messages,
/// call it (send a request and wait for the reply), stop it, and watch it end.
/// </summary>
/// <typeparam name="TMessage">The type of the messages the process receives.</typeparam>
public sealed class Pid<TMessage>
{
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
    public bool IsAlive => !Completion.IsCompleted;

    /// <summary>Sends a message and returns at once. A message to a process that has ended is dropped, as in Erlang.</summary>
    /// <param name="message">The message.</param>
    public void Send(TMessage message) => _mailbox.Send(message);

    /// <summary>
    /// Asks the process to stop: it handles the messages sent before this call, then ends normally.
    /// Messages sent afterwards are dropped. Stopping twice is harmless.
    /// </summary>
    public void Stop() => _mailbox.Close();

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
    /// <remarks>
    /// The call waits for whichever comes first: the reply, the process's <see cref="Completion"/>, or a timer.
    /// Watching <see cref="Completion"/> is what an Erlang caller does with a monitor.
    /// </remarks>
    public async Task<TReply> CallAsync<TReply>(
        Func<ReplyTo<TReply>, TMessage> request, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var replyTo = new ReplyTo<TReply>();
        Send(request(replyTo));

        // Wait for whichever comes first: the reply, the end of the process, or the timeout.
        // Watching Completion is what an Erlang caller does with a monitor: without it, a call to a process that
        // crashes would wait for the whole timeout. It also answers a call to a process that had already ended:
        // the request is dropped by its closed mailbox, and Completion is already complete.
        using var cancelTimer = new CancellationTokenSource();
        var timer = Task.Delay(timeout, timeProvider ?? TimeProvider.System, cancelTimer.Token);
        await Task.WhenAny(replyTo.Reply, Completion, timer);
        await cancelTimer.CancelAsync();

        // Check the reply first: a process may reply and then end, and that call succeeded.
        if (replyTo.Reply.IsCompleted)
        {
            return await replyTo.Reply;
        }

        if (Completion.IsCompleted)
        {
            throw Exited("The process ended before it replied.");
        }

        throw new TimeoutException($"The process did not reply within {timeout.TotalMilliseconds} ms.");
    }

    internal static Pid<TMessage> Start<TState>(TState initialState, Func<TState, TMessage, TState> handle)
    {
        var pid = new Pid<TMessage>();
        // Task.Run puts the loop on the thread pool; between messages it holds no thread at all.
        pid.Completion = Task.Run(() => pid.LoopAsync(initialState, handle));
        return pid;
    }

    private async Task LoopAsync<TState>(TState state, Func<TState, TMessage, TState> handle)
    {
        try
        {
            while (true)
            {
                TMessage message;
                try
                {
                    message = await _mailbox.ReceiveAsync();
                }
                catch (MailboxClosedException)
                {
                    return; // stopped, and every message sent before Stop was handled
                }

                // The one line that makes this a process with state: the state lives in a local variable of the
                // loop, and only the loop touches it, one message at a time. No lock is needed.
                state = handle(state, message);
            }
        }
        finally
        {
            // Whatever way the loop ends, a dead process takes no more messages.
            _mailbox.Close();
        }
    }

    private ProcessExitedException Exited(string message) =>
        new(message, Completion.Exception?.InnerException);
}
