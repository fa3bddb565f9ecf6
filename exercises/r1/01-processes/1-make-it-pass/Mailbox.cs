using System;
using System.Threading;
using System.Threading.Tasks;

namespace Processes;

/// <summary>
/// A process's mailbox: messages wait here, in the order they were sent, until the process receives them.
/// In Erlang every process has one; <c>Pid ! Message</c> puts a message in it and <c>receive</c> takes one out.
/// </summary>
/// <typeparam name="T">The type of the messages.</typeparam>
public sealed class Mailbox<T>
{
    /// <summary>How many messages are waiting to be received.</summary>
    public int Count => throw new NotImplementedException("Step 1: implement Mailbox.Count (see README, step 1).");

    /// <summary>True once <see cref="Close"/> has been called.</summary>
    public bool IsClosed => throw new NotImplementedException("Step 1: implement Mailbox.IsClosed (see README, step 1).");

    /// <summary>
    /// Puts a message at the end of the mailbox and returns at once, never waiting (Erlang's <c>!</c>).
    /// A message sent to a closed mailbox is dropped, just as a message sent to a dead Erlang process is.
    /// </summary>
    /// <param name="message">The message.</param>
    public void Send(T message) =>
        throw new NotImplementedException("Step 1: implement Mailbox.Send (see README, step 1).");

    /// <summary>
    /// Closes the mailbox: no new message is accepted, and those already in it can still be received.
    /// Closing twice is harmless.
    /// </summary>
    public void Close() =>
        throw new NotImplementedException("Step 1: implement Mailbox.Close (see README, step 1).");

    /// <summary>
    /// Takes the oldest message, waiting for one if the mailbox is empty (Erlang's <c>receive</c> with no <c>after</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; the message, if one arrives later, stays in the mailbox.</param>
    /// <returns>The oldest message.</returns>
    /// <exception cref="MailboxClosedException">The mailbox is closed and empty: no message will ever come.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    public ValueTask<T> ReceiveAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Step 1: implement Mailbox.ReceiveAsync(CancellationToken) (see README, step 1).");

    /// <summary>
    /// Takes the oldest message, or gives up after <paramref name="timeout"/>
    /// (Erlang's <c>receive Msg -&gt; ... after Timeout -&gt; ... end</c>).
    /// A timeout of zero does not wait: it takes a message already waiting, or times out at once (Erlang's <c>after 0</c>).
    /// A message that arrives after the timeout stays in the mailbox for the next receive.
    /// </summary>
    /// <param name="timeout">How long to wait for a message, measured on <paramref name="timeProvider"/>.</param>
    /// <param name="timeProvider">The clock to wait by; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The message, or <see cref="Received{T}.TimedOut"/> when none came in time.</returns>
    /// <exception cref="MailboxClosedException">The mailbox is closed and empty.</exception>
    public Task<Received<T>> ReceiveAsync(TimeSpan timeout, TimeProvider? timeProvider = null) =>
        throw new NotImplementedException("Step 2: implement Mailbox.ReceiveAsync(TimeSpan, TimeProvider) (see README, step 2).");
}
