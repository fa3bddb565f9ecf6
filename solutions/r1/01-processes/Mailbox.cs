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
/// A <see cref="Channel{T}"/> is .NET's ready-made mailbox: many writers, one reader, and waiting without a thread.
/// The mailbox is unbounded, as an Erlang mailbox is, so <see cref="Send"/> never waits.
/// </remarks>
/// <typeparam name="T">The type of the messages.</typeparam>
public sealed class Mailbox<T>
{
    // Not SingleReader, although only the owning process receives: the single-reader channel is faster but cannot
    // count its items, and Count is how an observer sees a mailbox grow.
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private volatile bool _closed;

    /// <summary>How many messages are waiting to be received.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>True once <see cref="Close"/> has been called.</summary>
    public bool IsClosed => _closed;

    /// <summary>
    /// Puts a message at the end of the mailbox and returns at once, never waiting (Erlang's <c>!</c>).
    /// A message sent to a closed mailbox is dropped, just as a message sent to a dead Erlang process is.
    /// </summary>
    /// <param name="message">The message.</param>
    public void Send(T message) => _channel.Writer.TryWrite(message);

    /// <summary>
    /// Closes the mailbox: no new message is accepted, and those already in it can still be received.
    /// Closing twice is harmless.
    /// </summary>
    public void Close()
    {
        _closed = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>
    /// Takes the oldest message, waiting for one if the mailbox is empty (Erlang's <c>receive</c> with no <c>after</c>).
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; the message, if one arrives later, stays in the mailbox.</param>
    /// <returns>The oldest message.</returns>
    /// <exception cref="MailboxClosedException">The mailbox is closed and empty: no message will ever come.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    public async ValueTask<T> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _channel.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new MailboxClosedException();
        }
    }

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
    public async Task<Received<T>> ReceiveAsync(TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        // A message already waiting is taken without starting a timer, so that a zero timeout polls (Erlang's after 0)
        // instead of giving up before it has looked.
        if (_channel.Reader.TryRead(out var waiting))
        {
            return Received<T>.Of(waiting);
        }

        // The timer starts now, before the first await, so a test's FakeTimeProvider.Advance counts from this call.
        using var timer = new CancellationTokenSource(timeout, timeProvider ?? TimeProvider.System);
        try
        {
            return Received<T>.Of(await ReceiveAsync(timer.Token));
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            // A cancelled read never takes a message out of a channel, so nothing is lost by giving up here:
            // a message that arrives a moment later waits for the next receive.
            return Received<T>.TimedOut;
        }
    }
}
