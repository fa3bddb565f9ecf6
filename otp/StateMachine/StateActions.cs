namespace Otp;

/// <summary><c>{reply, From, Reply}</c>.</summary>
internal sealed record ReplyAction(From From, object? Value) : StateAction;

/// <summary><c>postpone</c>.</summary>
internal sealed record PostponeAction : StateAction
{
    public static readonly PostponeAction Instance = new();
}

/// <summary><c>{next_event, Type, Content}</c>.</summary>
internal sealed record NextEventAction(StateEvent Event) : StateAction;

/// <summary>
/// A time-out action: start (relative <paramref name="Time"/>, or absolute <paramref name="At"/>), cancel, or update the content.
/// Within one transition the last action for a time-out wins.
/// </summary>
internal sealed record TimeoutAction(TimerKey Key, TimeoutOperation Operation, TimeSpan Time, DateTimeOffset? At, object? Content) : StateAction;

/// <summary>What a <see cref="TimeoutAction"/> does to its timer.</summary>
internal enum TimeoutOperation
{
    Start,
    Cancel,
    Update,
}

/// <summary>The three kinds of gen_statem timer.</summary>
internal enum TimeoutKind
{
    Event,
    State,
    Generic,
}

/// <summary>One timer slot of a machine: the event time-out, the state time-out, or the generic time-out of a name.</summary>
internal readonly record struct TimerKey(TimeoutKind Kind, object? Name)
{
    public static readonly TimerKey Event = new(TimeoutKind.Event, null);

    public static readonly TimerKey State = new(TimeoutKind.State, null);

    public static TimerKey Generic(object name) => new(TimeoutKind.Generic, name);

    /// <summary>The event the timer's firing becomes.</summary>
    public StateEvent ToEvent(object content) => Kind switch
    {
        TimeoutKind.Event => new StateEvent(EventKind.Timeout, content),
        TimeoutKind.State => new StateEvent(EventKind.StateTimeout, content),
        _ => new StateEvent(EventKind.GenericTimeout, content) { TimeoutName = Name },
    };
}

/// <summary>A timer firing, as it travels to the machine's mailbox; <paramref name="Generation"/> tells a stale timer from the current one.</summary>
internal sealed record StateMachineTimeout(TimerKey Key, long Generation);
