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

/// <summary>A time-out to start (or, with an infinite time, cancel).</summary>
internal sealed record TimeoutAction(TimeoutKind Kind, object? Name, TimeSpan Time, object? Content) : StateAction;

/// <summary>The three kinds of gen_statem timer.</summary>
internal enum TimeoutKind
{
    Event,
    State,
    Generic,
}

/// <summary>A timer firing, as it travels to the machine's mailbox; <paramref name="Generation"/> tells a stale timer from the current one.</summary>
internal sealed record StateMachineTimeout(TimeoutKind Kind, object? Name, long Generation, object Content);
