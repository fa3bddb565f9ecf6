namespace Otp;

/// <summary>
/// The timers of one state machine: at most one event time-out, one state time-out, and one generic time-out per name
/// (gen_statem's <c>timers</c> map). A running timer sends a <see cref="StateMachineTimeout"/> to the machine's own mailbox;
/// its generation tells whether it is still the current timer of its slot when it is received, so a timer cancelled too
/// late is dropped rather than handled. A zero time-out starts no timer: it waits in a queue of its own (gen_statem's
/// <c>t0q</c>) that the loop serves after the inserted and retried events and before the mailbox. The content lives in
/// the slot, not in the message, so an update reaches a timer that is already running. Only the machine's process
/// touches this object.
/// </summary>
internal sealed class StateMachineTimers(ProcessContext context)
{
    private readonly Dictionary<TimerKey, Slot> _slots = [];
    private readonly List<TimerKey> _zero = []; // zero time-outs, in the order they were set
    private long _generation;

    /// <summary>(Re)starts a zero time-out: queued after those already waiting, ahead of the mailbox.</summary>
    public void StartZero(TimerKey key, object content)
    {
        Cancel(key);
        _slots[key] = new Slot(null, generation: 0, content); // generation 0: queued, no message
        _zero.Add(key);
    }

    /// <summary>
    /// (Re)starts a timer that fires at <paramref name="deadline"/> on the node's clock; a deadline already reached fires
    /// at once (into the mailbox, as an expired Erlang timer does).
    /// </summary>
    public void StartAt(TimerKey key, DateTimeOffset deadline, object content)
    {
        Cancel(key);
        var message = new StateMachineTimeout(key, ++_generation);
        var node = context.Node;
        var self = context.Self;
        var time = node.Time;
        ITimer? timer = null;
        var remaining = deadline - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            timer = time.CreateTimer(_ => node.Send(self, message), null, remaining, Timeout.InfiniteTimeSpan);
            if (time.GetUtcNow() >= deadline)
            {
                // The clock moved past the deadline while the timer was made (a test advancing a fake clock): fire now.
                // Should the timer fire as well, its second message is stale and dropped.
                node.Send(self, message);
            }
        }
        else
        {
            node.Send(self, message);
        }

        _slots[key] = new Slot(timer, message.Generation, content);
    }

    /// <summary><c>{Type, update, Content}</c>: a new content for a running time-out; if none runs, a zero time-out with it.</summary>
    public void Update(TimerKey key, object content)
    {
        if (_slots.TryGetValue(key, out var slot))
        {
            slot.Content = content;
        }
        else
        {
            StartZero(key, content);
        }
    }

    public void Cancel(TimerKey key)
    {
        if (_slots.Remove(key, out var slot))
        {
            slot.Timer?.Dispose();
            if (slot.Generation == 0)
            {
                _zero.Remove(key);
            }
        }
    }

    /// <summary>The event of <paramref name="fired"/> if it is the current timer of its slot (which is then free); null for a stale one.</summary>
    public StateEvent? TryTake(StateMachineTimeout fired)
    {
        if (!_slots.TryGetValue(fired.Key, out var slot) || slot.Generation != fired.Generation)
        {
            return null;
        }

        _slots.Remove(fired.Key);
        slot.Timer?.Dispose();
        return fired.Key.ToEvent(slot.Content);
    }

    /// <summary>The oldest zero time-out's event, or null if none waits.</summary>
    public StateEvent? TryTakeZero()
    {
        if (_zero.Count == 0)
        {
            return null;
        }

        var key = _zero[0];
        _zero.RemoveAt(0);
        _slots.Remove(key, out var slot);
        return key.ToEvent(slot!.Content);
    }

    public void CancelAll()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Timer?.Dispose();
        }

        _slots.Clear();
        _zero.Clear();
    }

    /// <summary>A timer's slot: its timer (none when it fired at once or is queued), generation (0 when queued) and content.</summary>
    private sealed class Slot(ITimer? timer, long generation, object content)
    {
        public ITimer? Timer { get; } = timer;

        public long Generation { get; } = generation;

        public object Content { get; set; } = content;
    }
}
