using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Otp;

/// <summary>
/// The mailbox half of a process, in two parts as in the BEAM, with no lock on the way in or out. Senders push onto a
/// shared stack with one <see cref="Interlocked.Exchange{T}(ref T, T)"/> (an intrusive multi-producer, single-consumer
/// queue); the process takes the whole stack in one exchange, reverses it onto its own private list (oldest first, so
/// each sender's order is kept) and receives from there without synchronisation.
/// The top of the stack also carries the wake-up protocol: a receiver with nothing to read swaps in the
/// <see cref="s_waiting"/> marker, and whoever swaps it out again (a sender, a time-out, a cancellation, the exit) is the
/// one that wakes it, exactly once; an exited process's stack holds <see cref="s_closed"/>, and messages pushed onto it
/// are dropped. Only the process itself receives, so the waiter is a single reusable
/// <see cref="ManualResetValueTaskSourceCore{TResult}"/> and an idle process costs no task, no timer and no thread.
/// </summary>
internal sealed partial class Process : IValueTaskSource<Wake>, IValueTaskSource<object>
{
    private static readonly MessageNode s_waiting = new(Wake.Message); // the top while the receiver sleeps
    private static readonly MessageNode s_closed = new(Wake.Exited);   // the top once the process has exited

    // Shared with senders: the newest message (linked to older ones), null, s_waiting or s_closed.
    private MessageNode? _top;
    private int _sharedCount;

    // Owned by the receiving code: no lock. The counts are read by introspection, hence volatile.
    private MessageNode? _localFirst;
    private MessageNode? _localLast;
    private volatile int _localCount;
    private long _handled;

    private ManualResetValueTaskSourceCore<Wake> _waiter = new() { RunContinuationsAsynchronously = true };
    private long _receiveId;
    private volatile Wake _interrupt = Wake.Message; // a time-out or cancellation of the current receive (set under the lock)
    private ReceiveTimer? _receiveTimer; // made at the first receive with a time limit, then reused

    /// <summary>Number of messages waiting.</summary>
    public int MessageCount => Math.Max(0, Volatile.Read(ref _sharedCount)) + _localCount;

    /// <summary>Number of messages taken out of the mailbox so far.</summary>
    public long MessagesHandled => Volatile.Read(ref _handled);

    /// <summary>Whether the process's code waits in receive.</summary>
    public bool IsWaiting => Volatile.Read(ref _top) == s_waiting;

    /// <summary>Appends a message; wakes the process if it waits. Messages to a dead process are dropped, as in Erlang.</summary>
    public void Enqueue(object message)
    {
        if (Push(message))
        {
            _waiter.SetResult(Wake.Message);
        }
    }

    /// <summary>
    /// Pushes a message (lock-free, from any thread); true if it found the receiver waiting, which the caller must then
    /// wake (outside any lock).
    /// </summary>
    private bool Push(object message)
    {
        if (_dead)
        {
            return false;
        }

        var node = new MessageNode(message);
        Interlocked.Increment(ref _sharedCount);
        var below = Interlocked.Exchange(ref _top, node);
        if (below == s_waiting)
        {
            Volatile.Write(ref node.Next, null);
            return true;
        }

        if (below == s_closed)
        {
            // Exited meanwhile: put the mark back; this message (and any pushed onto it meanwhile) is dropped.
            Volatile.Write(ref _top, s_closed);
            return false;
        }

        Volatile.Write(ref node.Next, below);
        return false;
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

        while (true)
        {
            if (_dead || TakeShared() < 0)
            {
                DropLocal();
                throw ProcessKilledSignal.Instance;
            }

            if (_localFirst is { } taken)
            {
                RemoveLocal(null, taken);
                return new ValueTask<object>(taken.Message);
            }

            _waiter.Reset();
            if (Interlocked.CompareExchange(ref _top, s_waiting, null) is null)
            {
                return new ValueTask<object>(this, _waiter.Version);
            }

            // a message (or the exit) came in between: take it
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
                if (_dead)
                {
                    DropLocal();
                    throw ProcessKilledSignal.Instance;
                }

                var taken = TakeShared();
                if (taken < 0)
                {
                    DropLocal();
                    throw ProcessKilledSignal.Instance;
                }

                if (taken > 0)
                {
                    continue;
                }

                if (_interrupt != Wake.Message)
                {
                    return _interrupt == Wake.Timeout ? null : throw new OperationCanceledException(cancellationToken);
                }

                if (timeout == TimeSpan.Zero)
                {
                    return null;
                }

                if (receiveId == 0)
                {
                    lock (_lock)
                    {
                        receiveId = ++_receiveId;
                    }
                }

                _waiter.Reset();
                if (Interlocked.CompareExchange(ref _top, s_waiting, null) is not null)
                {
                    continue; // a message (or the exit) came in between
                }

                var wait = new ValueTask<Wake>(this, _waiter.Version);

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

                // An interrupt recorded before the marker went up found no one to wake: take the marker back and honour it,
                // unless a sender, the exit or the interrupt itself took it first (then it wakes this wait).
                if (_interrupt != Wake.Message && Interlocked.CompareExchange(ref _top, null, s_waiting) == s_waiting)
                {
                    return _interrupt == Wake.Timeout ? null : throw new OperationCanceledException(cancellationToken);
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
        if (TakeShared() < 0)
        {
            return false;
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

    /// <summary>
    /// Moves everything senders pushed onto the private list, oldest first, in one exchange; returns how many messages
    /// came, or -1 if the process has exited. Only the receiving code calls it.
    /// </summary>
    private int TakeShared()
    {
        var top = Volatile.Read(ref _top);
        if (top is null || top == s_waiting)
        {
            return 0;
        }

        if (top == s_closed || (top = Interlocked.Exchange(ref _top, null)) == s_closed)
        {
            return -1;
        }

        if (top is null)
        {
            return 0;
        }

        // Reverse the stack (newest first) into a list (oldest first). A sender may have pushed a node and not yet
        // linked it to the one below: wait for that write, which comes right after its exchange.
        MessageNode? reversed = null;
        var newest = top;
        var count = 0;
        var node = top;
        while (node is not null)
        {
            var below = Volatile.Read(ref node.Next);
            if (below == MessageNode.Unlinked)
            {
                var spin = default(SpinWait);
                while ((below = Volatile.Read(ref node.Next)) == MessageNode.Unlinked)
                {
                    spin.SpinOnce();
                }
            }

            if (below == s_closed)
            {
                return -1; // pushed onto the exit mark by a sender that had not yet put it back
            }

            node.Next = reversed;
            reversed = node;
            node = below;
            count++;
        }

        if (_localLast is null)
        {
            _localFirst = reversed;
        }
        else
        {
            _localLast.Next = reversed;
        }

        _localLast = newest;
        _localCount += count;
        Interlocked.Add(ref _sharedCount, -count);
        return count;
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
                return; // that receive is over: a late timer belongs to it only
            }

            // Recorded first, then the marker: the receiver puts the marker up, then reads this (see ReceiveAsync).
            _interrupt = why;
            if (Interlocked.CompareExchange(ref _top, null, s_waiting) != s_waiting)
            {
                return;
            }
        }

        _waiter.SetResult(why);
    }

    /// <summary>Drops the mailbox of a process that has just died; returns whether its code was waiting.</summary>
    private bool CloseMailbox()
    {
        var wasWaiting = Interlocked.Exchange(ref _top, s_closed) == s_waiting;
        Volatile.Write(ref _sharedCount, 0); // the private list is the receiving code's to drop, when it next receives
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

        if (TakeShared() < 0)
        {
            DropLocal();
            throw ProcessKilledSignal.Instance;
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
