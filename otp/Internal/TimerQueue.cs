namespace Otp;

/// <summary>
/// One node's time-outs: a binary heap of <see cref="TimerEntry"/> ordered by deadline, behind a single
/// <see cref="ITimer"/> of the node's <see cref="TimeProvider"/> set for the earliest one. Arming and cancelling an
/// entry is a heap operation under a lock, with no timer created or disposed, so a call with a time-out costs no more
/// than one without; and it still runs on a fake clock, which fires the one timer as it advances.
/// </summary>
internal sealed class TimerQueue
{
    private readonly Lock _lock = new();      // guards the heap and _armedFor
    private readonly Lock _armLock = new();   // serialises changes of the timer, so the last change follows the heap
    private readonly TimeProvider _time;
    private TimerEntry[] _heap = new TimerEntry[16];
    private int _count;
    private long _sequence;
    private long _armedFor = long.MaxValue; // the deadline the timer is set for; MaxValue when it is not set
    private ITimer? _timer;

    private readonly long _ticksPerTimeSpanTick; // the clock's units per TimeSpan tick when a whole number, else 0

    public TimerQueue(TimeProvider time)
    {
        _time = time;
        _ticksPerTimeSpanTick = time.TimestampFrequency % TimeSpan.TicksPerSecond == 0 ? time.TimestampFrequency / TimeSpan.TicksPerSecond : 0;
    }

    /// <summary>Number of entries waiting (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Queues <paramref name="entry"/> to fire after <paramref name="timeout"/> (finite, zero or more).</summary>
    public void Add(TimerEntry entry, TimeSpan timeout)
    {
        // In the clock's units, rounded up so an entry never fires before its time; far deadlines are capped (never reached).
        // The common clocks count in a whole multiple of TimeSpan ticks (a fake clock: 1; Stopwatch on Linux: 100).
        var ticks = _ticksPerTimeSpanTick > 0 && timeout.Ticks <= long.MaxValue / 4 / _ticksPerTimeSpanTick
            ? timeout.Ticks * _ticksPerTimeSpanTick
            : (long)Int128.Min((((Int128)timeout.Ticks * _time.TimestampFrequency) + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond, long.MaxValue / 4);
        var now = _time.GetTimestamp();
        var deadline = now > (long.MaxValue / 2) - ticks ? long.MaxValue / 2 : now + ticks;
        bool rearm;
        lock (_lock)
        {
            entry.Deadline = deadline;
            entry.Sequence = ++_sequence;
            if (_count == _heap.Length)
            {
                Array.Resize(ref _heap, _count * 2);
            }

            _heap[_count] = entry;
            entry.Index = _count++;
            Up(entry.Index);
            rearm = _heap[0] == entry && deadline < _armedFor;
        }

        if (rearm)
        {
            Rearm();
        }
    }

    /// <summary>Takes <paramref name="entry"/> out; true if it was still queued (it has not fired and will not).</summary>
    public bool Remove(TimerEntry entry)
    {
        lock (_lock)
        {
            var index = entry.Index;
            if (index < 0)
            {
                return false;
            }

            RemoveAt(index);
            return true;
        }
    }

    /// <summary>The timer went off: fire everything due, in deadline order, then set the timer for what is left.</summary>
    private void OnTimer()
    {
        List<(TimerEntry Entry, long Tag)>? due = null;
        lock (_lock)
        {
            _armedFor = long.MaxValue;
            var now = _time.GetTimestamp();
            while (_count > 0 && _heap[0].Deadline <= now)
            {
                var entry = _heap[0];
                (due ??= []).Add((entry, entry.Tag));
                RemoveAt(0);
            }
        }

        Rearm();
        if (due is not null)
        {
            foreach (var (entry, tag) in due)
            {
                entry.Fire(tag);
            }
        }
    }

    /// <summary>
    /// Sets the timer for the earliest deadline. Changes are serialised and each reads the heap afresh, so concurrent
    /// arms cannot leave the timer set later than the earliest entry. A fake clock may fire the timer at once, on this
    /// thread, from within the change: both locks are re-entrant and neither is held while entries fire.
    /// </summary>
    private void Rearm()
    {
        lock (_armLock)
        {
            long want;
            lock (_lock)
            {
                want = _count > 0 ? _heap[0].Deadline : long.MaxValue;
                if (want >= _armedFor)
                {
                    return; // already set for it or earlier: an early tick re-arms
                }

                _armedFor = want;
            }

            var left = want - _time.GetTimestamp();
            var due = left <= 0
                ? TimeSpan.Zero
                : TimeSpan.FromTicks((long)Int128.Min(
                    (((Int128)left * TimeSpan.TicksPerSecond) + _time.TimestampFrequency - 1) / _time.TimestampFrequency,
                    (long)uint.MaxValue * TimeSpan.TicksPerMillisecond / 2)); // ITimer's limit; a far deadline re-arms when it goes off

            // Created unarmed first: a fake clock may fire it inside Change, and that nested re-arm must find it.
            _timer ??= _time.CreateTimer(static q => ((TimerQueue)q!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void RemoveAt(int index)
    {
        var removed = _heap[index];
        removed.Index = -1;
        var last = _heap[--_count];
        _heap[_count] = null!;
        if (index == _count)
        {
            return;
        }

        _heap[index] = last;
        last.Index = index;
        if (index > 0 && Earlier(last, _heap[(index - 1) / 2]))
        {
            Up(index);
        }
        else
        {
            Down(index);
        }
    }

    private void Up(int index)
    {
        var entry = _heap[index];
        while (index > 0)
        {
            var parentIndex = (index - 1) / 2;
            var parent = _heap[parentIndex];
            if (!Earlier(entry, parent))
            {
                break;
            }

            _heap[index] = parent;
            parent.Index = index;
            index = parentIndex;
        }

        _heap[index] = entry;
        entry.Index = index;
    }

    private void Down(int index)
    {
        var entry = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Earlier(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Earlier(_heap[child], entry))
            {
                break;
            }

            _heap[index] = _heap[child];
            _heap[index].Index = index;
            index = child;
        }

        _heap[index] = entry;
        entry.Index = index;
    }

    private static bool Earlier(TimerEntry a, TimerEntry b) =>
        a.Deadline < b.Deadline || (a.Deadline == b.Deadline && a.Sequence < b.Sequence);
}
