using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Processes;

/// <summary>
/// A process's mailbox: messages wait here, in the order they were sent, until the process receives them.
/// In Erlang every process has one; <c>Pid ! Message</c> puts a message in it and <c>receive</c> takes one out.
/// </summary>
/// <remarks>
/// Build it on a <see cref="Channel{T}"/>: .NET's ready-made queue with many writers, one reader and waiting without
/// a thread. An unbounded channel never makes the writer wait, just like an Erlang mailbox.
/// </remarks>
/// <typeparam name="T">The type of the messages.</typeparam>
public sealed class Mailbox<T>
{
    // Given: the channel that holds the messages, and a flag for IsClosed.
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private volatile bool _closed;

    /// <summary>How many messages are waiting to be received.</summary>
    public int Count =>
        // TODO Step 1.1 (Count_tells_how_many_messages_are_waiting): the channel's reader knows how many items it holds.
        throw new NotImplementedException("Step 1: implement Mailbox.Count (see README, step 1).");

    /// <summary>True once <see cref="Close"/> has been called.</summary>
    public bool IsClosed => _closed;

    /// <summary>
    /// Puts a message at the end of the mailbox and returns at once, never waiting (Erlang's <c>!</c>).
    /// A message sent to a closed mailbox is dropped, just as a message sent to a dead Erlang process is.
    /// </summary>
    /// <param name="message">The message.</param>
    public void Send(T message) =>
        // TODO Step 1.2 (Messages_are_received_in_the_order_they_were_sent): write to the channel's writer.
        // Which writer method returns false, rather than throwing, when the channel has been completed?
        throw new NotImplementedException("Step 1: implement Mailbox.Send (see README, step 1).");

    /// <summary>
    /// Closes the mailbox: no new message is accepted, and those already in it can still be received.
    /// Closing twice is harmless.
    /// </summary>
    public void Close()
    {
        _closed = true;
        // TODO Step 1.3 (Messages_sent_before_Close_can_still_be_received): complete the channel's writer,
        // in a way that does not throw the second time.
        throw new NotImplementedException("Step 1: implement Mailbox.Close (see README, step 1).");
    }

    /// <summary>
    /// Takes the oldest message, waiting for one if the mailbox is empty (Erlang's <c>receive</c> with no <c>after</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; the message, if one arrives later, stays in the mailbox.</param>
    /// <returns>The oldest message.</returns>
    /// <exception cref="MailboxClosedException">The mailbox is closed and empty: no message will ever come.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    public ValueTask<T> ReceiveAsync(CancellationToken cancellationToken = default) =>
        // TODO Step 1.4 (Receive_waits_until_a_message_is_sent, Receive_on_a_closed_empty_mailbox_fails_with_MailboxClosedException):
        // make this method async, await the reader's ReadAsync, and turn the channel's ChannelClosedException
        // into a MailboxClosedException.
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
        // TODO Step 2.0: a message already waiting is taken at once (the reader's TryRead), so a zero timeout polls.
        // TODO Step 2.1 (Receive_times_out_when_no_message_arrives, Receive_does_not_time_out_early):
        // create a CancellationTokenSource that cancels itself after the timeout on the given TimeProvider
        // (one of its constructors takes both), before any await, and pass its token to ReceiveAsync above.
        // TODO Step 2.2 (A_message_arriving_after_a_timeout_waits_for_the_next_receive): catch the cancellation
        // that your timer caused (and only that one) and return Received<T>.TimedOut. Does a cancelled channel
        // read lose a message? Read the hint for step 2 if unsure.
        throw new NotImplementedException("Step 2: implement Mailbox.ReceiveAsync(TimeSpan, TimeProvider) (see README, step 2).");
}
