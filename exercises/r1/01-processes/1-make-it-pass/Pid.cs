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
    private Pid()
    {
    }

    /// <summary>
    /// Completes when the process ends: successfully after <see cref="Stop"/> once every message sent before it was
    /// handled; faulted with the handler's own exception when the process crashed.
    /// </summary>
    public Task Completion => throw new NotImplementedException("Step 3: implement Pid.Completion (see README, step 3).");

    /// <summary>True until the process has ended.</summary>
    public bool IsAlive => throw new NotImplementedException("Step 3: implement Pid.IsAlive (see README, step 3).");

    /// <summary>Sends a message and returns at once. A message to a process that has ended is dropped, as in Erlang.</summary>
    /// <param name="message">The message.</param>
    public void Send(TMessage message) =>
        throw new NotImplementedException("Step 3: implement Pid.Send (see README, step 3).");

    /// <summary>
    /// Asks the process to stop: it handles the messages sent before this call, then ends normally.
    /// Messages sent afterwards are dropped. Stopping twice is harmless.
    /// </summary>
    public void Stop() => throw new NotImplementedException("Step 3: implement Pid.Stop (see README, step 3).");

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
    public Task<TReply> CallAsync<TReply>(Func<ReplyTo<TReply>, TMessage> request, TimeSpan timeout, TimeProvider? timeProvider = null) =>
        throw new NotImplementedException("Step 4: implement Pid.CallAsync (see README, step 4).");
}
