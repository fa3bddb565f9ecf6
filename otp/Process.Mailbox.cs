using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Otp;

/// <summary>
/// The mailbox half of a process: a linked list of messages guarded by the process's lock, and one reusable waiter.
/// Only the process itself receives, so the waiter is a single <see cref="ManualResetValueTaskSourceCore{TResult}"/>
/// and an idle process costs no task, no timer and no thread.
/// </summary>
internal sealed partial class Process : IValueTaskSource<Wake>
{
    private MessageNode? _first;
    private MessageNode? _last;
    private int _count;
    private long _handled;
    private ManualResetValueTaskSourceCore<Wake> _waiter = new() { RunContinuationsAsynchronously = true };
    private bool _waiting;
    private long _receiveId;
    private Wake _interrupt = Wake.Message; // a timeout or cancellation that fired while the receiver was busy scanning

    /// <summary>Number of messages waiting.</summary>
    public int MessageCount => Volatile.Read(ref _count);

    /// <summary>Number of messages taken out of the mailbox so far.</summary>
    public long MessagesHandled => Interlocked.Read(ref _handled);

    /// <summary>Appends a message; wakes the process if it waits. Messages to a dead process are dropped, as in Erlang.</summary>
    public void Enqueue(object message)
    {
        var node = new MessageNode(message);
        bool wake;
        lock (this)
        {
            if (_dead)
            {
                return;
            }

            if (_last is null)
            {
                _first = node;
            }
            else
            {
                _last.Next = node;
            }

            _last = node;
            _count++;
            wake = _waiting;
            _waiting = false;
        }

        if (wake)
        {
            _waiter.SetResult(Wake.Message);
        }
    }

    /// <summary>
    /// Takes the oldest message that <paramref name="match"/> accepts (any message if null), waiting at most
    /// <paramref name="timeout"/>; null when the time runs out. Messages that do not match stay, in order.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // reuse the state machine: a busy process receives often
    public async ValueTask<object?> ReceiveAsync(Func<object, bool>? match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        MessageNode? scanned = null; // the last message inspected and left in place; new ones arrive after it
        ITimer? timer = null;
        CancellationTokenRegistration registration = default;
        long receiveId = 0;
        try
        {
            while (true)
            {
                // The predicate is user code: run it without the lock. Only this process removes messages,
                // and senders only append, so walking the list is safe.
                var previous = scanned;
                var node = previous is null ? Volatile.Read(ref _first) : previous.Next;
                while (node is not null)
                {
                    if (match is null || match(node.Message))
                    {
                        Remove(previous, node);
                        return node.Message;
                    }

                    previous = node;
                    node = node.Next;
                }

                scanned = previous;
                ValueTask<Wake> wait;
                lock (this)
                {
                    ThrowIfDead();
                    var arrived = scanned is null ? _first is not null : scanned.Next is not null;
                    if (arrived)
                    {
                        continue;
                    }

                    if (_interrupt != Wake.Message)
                    {
                        var why = _interrupt;
                        _interrupt = Wake.Message;
                        return why == Wake.Timeout ? null : throw new OperationCanceledException(cancellationToken);
                    }

                    if (timeout == TimeSpan.Zero)
                    {
                        return null;
                    }

                    if (receiveId == 0)
                    {
                        receiveId = ++_receiveId;
                    }

                    _waiter.Reset();
                    _waiting = true;
                    wait = new ValueTask<Wake>(this, _waiter.Version);
                }

                // Armed once per receive, before the first wait: Erlang's "after" is a deadline, not an idle gap.
                if (timer is null && timeout != Timeout.InfiniteTimeSpan)
                {
                    var id = receiveId;
                    timer = Node.Time.CreateTimer(p => ((Process)p!).Interrupt(id, Wake.Timeout), this, timeout, Timeout.InfiniteTimeSpan);
                }

                if (cancellationToken.CanBeCanceled && registration == default)
                {
                    var id = receiveId;
                    registration = cancellationToken.UnsafeRegister(p => ((Process)p!).Interrupt(id, Wake.Cancelled), this);
                }

                switch (await wait.ConfigureAwait(false))
                {
                    case Wake.Exited:
                        throw ProcessKilledSignal.Instance;
                    case Wake.Timeout:
                        return null;
                    case Wake.Cancelled:
                        throw new OperationCanceledException(cancellationToken);
                }
            }
        }
        finally
        {
            if (timer is not null)
            {
                await timer.DisposeAsync().ConfigureAwait(false);
            }

            await registration.DisposeAsync().ConfigureAwait(false);
            if (receiveId != 0)
            {
                lock (this)
                {
                    _interrupt = Wake.Message; // a late timer belongs to this receive only
                    _receiveId++;
                }
            }
        }
    }

    /// <summary>Takes the oldest message the runtime's own <paramref name="match"/> accepts, without waiting (for demonitor's flush).</summary>
    public bool TryTake(Func<object, bool> match)
    {
        lock (this)
        {
            MessageNode? previous = null;
            for (var node = _first; node is not null; previous = node, node = node.Next)
            {
                if (match(node.Message))
                {
                    Remove(previous, node);
                    return true;
                }
            }

            return false;
        }
    }

    private void Remove(MessageNode? previous, MessageNode node)
    {
        lock (this)
        {
            if (previous is null)
            {
                _first = node.Next;
            }
            else
            {
                previous.Next = node.Next;
            }

            if (_last == node)
            {
                _last = previous;
            }

            _count--;
        }

        Interlocked.Increment(ref _handled);
    }

    private void Interrupt(long receiveId, Wake why)
    {
        lock (this)
        {
            if (receiveId != _receiveId || _dead)
            {
                return;
            }

            if (!_waiting)
            {
                _interrupt = why;
                return;
            }

            _waiting = false;
        }

        _waiter.SetResult(why);
    }

    /// <summary>Drops the mailbox of a process that has just died; returns whether its code was waiting.</summary>
    private bool ClearMailboxLocked()
    {
        _first = _last = null;
        _count = 0;
        var wasWaiting = _waiting;
        _waiting = false;
        return wasWaiting;
    }

    private void ThrowIfDead()
    {
        if (_dead)
        {
            throw ProcessKilledSignal.Instance;
        }
    }

    Wake IValueTaskSource<Wake>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<Wake>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<Wake>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);
}
