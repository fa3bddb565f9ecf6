namespace Otp;

/// <summary>
/// The timers of one state machine: at most one event time-out, one state time-out, and one generic time-out per name.
/// A timer sends a <see cref="StateMachineTimeout"/> to the machine's own mailbox; its generation tells whether it is still
/// the current timer of its slot when it is received, so a timer cancelled too late is dropped rather than handled.
/// Only the machine's process touches this object.
/// </summary>
internal sealed class StateMachineTimers(ProcessContext context)
{
    private readonly Dictionary<object, Slot> _generic = [];
    private Slot? _event;
    private Slot? _state;
    private long _generation;

    /// <summary>Starts (or restarts) a timer; an infinite time cancels it. A zero time sends the event at once.</summary>
    public void Start(TimeoutKind kind, object? name, TimeSpan time, object content)
    {
        Cancel(kind, name);
        if (time == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var message = new StateMachineTimeout(kind, name, ++_generation, content);
        var node = context.Node;
        var self = context.Self;
        ITimer? timer = null;
        if (time == TimeSpan.Zero)
        {
            node.Send(self, message);
        }
        else
        {
            timer = node.Time.CreateTimer(_ => node.Send(self, message), null, time, Timeout.InfiniteTimeSpan);
        }

        var slot = new Slot(timer, message.Generation);
        switch (kind)
        {
            case TimeoutKind.Event:
                _event = slot;
                break;
            case TimeoutKind.State:
                _state = slot;
                break;
            default:
                _generic[name!] = slot;
                break;
        }
    }

    public void Cancel(TimeoutKind kind, object? name)
    {
        switch (kind)
        {
            case TimeoutKind.Event:
                _event?.Timer?.Dispose();
                _event = null;
                break;
            case TimeoutKind.State:
                _state?.Timer?.Dispose();
                _state = null;
                break;
            default:
                if (_generic.Remove(name!, out var slot))
                {
                    slot.Timer?.Dispose();
                }

                break;
        }
    }

    /// <summary>True if <paramref name="fired"/> is the current timer of its slot (which is then free); false for a stale one.</summary>
    public bool TryTake(StateMachineTimeout fired)
    {
        var slot = fired.Kind switch
        {
            TimeoutKind.Event => _event,
            TimeoutKind.State => _state,
            _ => _generic.GetValueOrDefault(fired.Name!),
        };
        if (slot is null || slot.Generation != fired.Generation)
        {
            return false;
        }

        Cancel(fired.Kind, fired.Name);
        return true;
    }

    public void CancelAll()
    {
        Cancel(TimeoutKind.Event, null);
        Cancel(TimeoutKind.State, null);
        foreach (var slot in _generic.Values)
        {
            slot.Timer?.Dispose();
        }

        _generic.Clear();
    }

    private sealed record Slot(ITimer? Timer, long Generation);
}
