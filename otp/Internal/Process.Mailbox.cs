using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Otp;

/// <summary>
/// The mailbox half of a process, in two parts as in the BEAM: senders append to a shared list under the process's lock;
/// the process moves that list, in one step, onto its own private list and receives from there without locking.
/// Only the process itself receives, so the waiter is a single reusable <see cref="ManualResetValueTaskSourceCore{TResult}"/>
/// and an idle process costs no task, no timer and no thread.
/// </summary>
internal sealed partial class Process : IValueTaskSource<Wake>, IValueTaskSource<object>
{
    // Shared with senders: guarded by the lock.
    private MessageNode? _first;
    private MessageNode? _last;
    private int _sharedCount;

    // Owned by the receiving code: no lock. The counts are read by introspection, hence volatile.
    private MessageNode? _localFirst;
    private MessageNode? _localLast;
    private volatile int _localCount;
    private long _handled;

    private ManualResetValueTaskSourceCore<Wake> _waiter = new() { RunContinuationsAsynchronously = true };
    private bool _waiting;
    private long _receiveId;
    private Wake _interrupt = Wake.Message; // a timeout or cancellation that fired while the receiver was busy scanning
    private ReceiveTimer? _receiveTimer; // made at the first receive with a time limit, then reused

    /// <summary>Number of messages waiting.</summary>
    public int MessageCount => Volatile.Read(ref _sharedCount) + _localCount;

    /// <summary>Number of messages taken out of the mailbox so far.</summary>
    public long MessagesHandled => Volatile.Read(ref _handled);

    /// <summary>Appends a message; wakes the process if it waits. Messages to a dead process are dropped, as in Erlang.</summary>
    public void Enqueue(object message)
    {
        bool wake;
        lock (_lock)
        {
            wake = AppendLocked(message);
        }

        if (wake)
        {
            _waiter.SetResult(Wake.Message);
        }
    }

    /// <summary>Appends under the lock (dropped if dead); returns whether the receiver must be woken, which the caller does after the lock.</summary>
    private bool AppendLocked(object message)
    {
        if (_dead)
        {
            return false;
        }

        var node = new MessageNode(message);
        if (_last is null)
        {
            _first = node;
        }
        else
        {
            _last.Next = node;
        }

        _last = node;
        _sharedCount++;
        var wake = _waiting;
        _waiting = false;
        return wake;
    }

    /// <summary>
    /// The common receive (any message, no time limit, no cancellation) without an async state machine: it returns at
    /// once when a message is waiting, otherwise a value task backed by this process's own waiter, which takes the
    /// message when the receiver resumes. An idle process therefore holds no receive state at all.
    /// </summary>
    public ValueTask<object> ReceiveAnyAsync()
    {
        if (_localFirst is { } first)
        {
            RemoveLocal(null, first);
            return new ValueTask<object>(first.Message);
        }

        lock (_lock)
        {
            if (_dead)
            {
                DropLocal();
                throw ProcessKilledSignal.Instance;
            }

            if (_first is not null)
            {
                TakeSharedLocked();
                var taken = _localFirst!;
                RemoveLocal(null, taken);
                return new ValueTask<object>(taken.Message);
            }

            _waiter.Reset();
            _waiting = true;
            return new ValueTask<object>(this, _waiter.Version);
        }
    }

    /// <summary>
    /// Takes the oldest message that <paramref name="match"/> accepts (any message if null), waiting at most
    /// <paramref name="timeout"/>; null when the time runs out. Messages that do not match stay, in order.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // reuse the state machine: a busy process receives often
    public async ValueTask<object?> ReceiveAsync(Func<object, bool>? match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        MessageNode? scanned = null; // the last message inspected and left in place; later ones come after it
        var timerArmed = false;
        CancellationTokenRegistration registration = default;
        long receiveId = 0;
        try
        {
            while (true)
            {
                // The predicate is user code: it runs on the private list, without the lock.
                var previous = scanned;
                var node = previous is null ? _localFirst : previous.Next;
                while (node is not null)
                {
                    if (match is null || match(node.Message))
                    {
                        RemoveLocal(previous, node);
                        return node.Message;
                    }

                    previous = node;
                    node = node.Next;
                }

                scanned = previous;
                ValueTask<Wake> wait;
                lock (_lock)
                {
                    if (_dead)
                    {
                        DropLocal();
                        throw ProcessKilledSignal.Instance;
                    }

                    if (_first is not null)
                    {
                        TakeSharedLocked();
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
                if (!timerArmed && timeout != Timeout.InfiniteTimeSpan)
                {
                    timerArmed = true;
                    var timer = _receiveTimer ??= new ReceiveTimer(this);
                    timer.Tag = receiveId;
                    Node.Timers.Add(timer, timeout);
                }

                if (cancellationToken.CanBeCanceled && registration == default)
                {
                    var id = receiveId;
                    registration = cancellationToken.UnsafeRegister(p => ((Process)p!).Interrupt(id, Wake.Cancelled), this);
                }

                switch (await wait.ConfigureAwait(false))
                {
                    case Wake.Exited:
                        DropLocal();
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
            if (timerArmed)
            {
                Node.Timers.Remove(_receiveTimer!);
            }

            await registration.DisposeAsync().ConfigureAwait(false);
            if (receiveId != 0)
            {
                lock (_lock)
                {
                    _interrupt = Wake.Message; // a late timer belongs to this receive only
                    _receiveId++;
                }
            }
        }
    }

    /// <summary>
    /// Takes the oldest message the runtime's own <paramref name="match"/> accepts, without waiting (demonitor's flush).
    /// Like receive, only the process's own code calls it.
    /// </summary>
    public bool TryTake(Func<object, bool> match)
    {
        lock (_lock)
        {
            TakeSharedLocked();
        }

        MessageNode? previous = null;
        for (var node = _localFirst; node is not null; previous = node, node = node.Next)
        {
            if (match(node.Message))
            {
                RemoveLocal(previous, node);
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves everything senders queued onto the private list, in one step.</summary>
    private void TakeSharedLocked()
    {
        if (_first is null)
        {
            return;
        }

        if (_localLast is null)
        {
            _localFirst = _first;
        }
        else
        {
            _localLast.Next = _first;
        }

        _localLast = _last;
        _localCount += _sharedCount;
        _first = _last = null;
        _sharedCount = 0;
    }

    private void RemoveLocal(MessageNode? previous, MessageNode node)
    {
        if (previous is null)
        {
            _localFirst = node.Next;
        }
        else
        {
            previous.Next = node.Next;
        }

        if (_localLast == node)
        {
            _localLast = previous;
        }

        _localCount--;
        Volatile.Write(ref _handled, _handled + 1);
    }

    private void DropLocal()
    {
        _localFirst = _localLast = null;
        _localCount = 0;
    }

    /// <summary>The <c>after</c> of receive <paramref name="receiveId"/> went off (ignored if that receive is over).</summary>
    public void OnReceiveTimeout(long receiveId) => Interrupt(receiveId, Wake.Timeout);

    private void Interrupt(long receiveId, Wake why)
    {
        lock (_lock)
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
        _first = _last = null; // the private list is the receiving code's to drop, when it next receives
        _sharedCount = 0;
        var wasWaiting = _waiting;
        _waiting = false;
        return wasWaiting;
    }

    Wake IValueTaskSource<Wake>.GetResult(short token) => _waiter.GetResult(token);

    // The end of ReceiveAnyAsync's wait, run by the receiver as it resumes: woken for a message, it takes the first one.
    object IValueTaskSource<object>.GetResult(short token)
    {
        if (_waiter.GetResult(token) != Wake.Message)
        {
            DropLocal();
            throw ProcessKilledSignal.Instance; // only an exit wakes a plain receive for anything but a message
        }

        lock (_lock)
        {
            TakeSharedLocked();
        }

        if (_localFirst is not { } first)
        {
            DropLocal();
            throw ProcessKilledSignal.Instance; // killed between the wake-up and now: the mailbox went with it
        }

        RemoveLocal(null, first);
        return first.Message;
    }

    ValueTaskSourceStatus IValueTaskSource<object>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<object>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    ValueTaskSourceStatus IValueTaskSource<Wake>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<Wake>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);
}
