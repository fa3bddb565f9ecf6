namespace Otp;

/// <summary>
/// A transition action of a <see cref="StateMachine{TState, TData}"/>: gen_statem's <c>action()</c>. Return actions with an
/// <see cref="EventResult{TState, TData}"/>; they run in order after the callback returns. Build them with the static members.
/// </summary>
public abstract record StateAction
{
    private protected StateAction()
    {
    }

    /// <summary>
    /// <c>{reply, From, Reply}</c>: answers a caller (now, or in a later event if the <see cref="From"/> was kept).
    /// Allowed in state enter calls too.
    /// </summary>
    /// <param name="from">The caller, from <see cref="StateEvent.From"/>.</param>
    /// <param name="reply">The reply.</param>
    public static StateAction Reply(From from, object? reply)
    {
        ArgumentNullException.ThrowIfNull(from);
        return new ReplyAction(from, reply);
    }

    /// <summary>
    /// <c>postpone</c>: keeps the current event and handles it again after the next state change, before any newer event
    /// (postponed events are retried in the order they arrived). Not allowed in a state enter call or in Init.
    /// </summary>
    public static StateAction Postpone() => PostponeAction.Instance;

    /// <summary>
    /// <c>{next_event, EventType, EventContent}</c>: inserts an event to handle next, before anything already waiting
    /// (retried postponed events and the mailbox). Several are handled in the order given. Not allowed in a state enter call.
    /// </summary>
    /// <param name="content">The event content.</param>
    /// <param name="kind">The event type: <see cref="EventKind.Internal"/> (default), <see cref="EventKind.Cast"/> or <see cref="EventKind.Info"/>.</param>
    public static StateAction NextEvent(object content, EventKind kind = EventKind.Internal)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (kind is not (EventKind.Internal or EventKind.Cast or EventKind.Info))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An inserted event is internal, cast or info.");
        }

        return new NextEventAction(new StateEvent(kind, content));
    }

    /// <summary>
    /// <c>{timeout, Time, Content}</c>: the event time-out. Fires a <see cref="EventKind.Timeout"/> event unless another event
    /// arrives first; any event cancels it, and it is not started at all if an event is already waiting.
    /// <see cref="Timeout.InfiniteTimeSpan"/> cancels it.
    /// </summary>
    /// <param name="time">How long to wait, on the node's clock.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction EventTimeout(TimeSpan time, object content) => Timer(TimeoutKind.Event, null, time, content);

    /// <summary>
    /// <c>{state_timeout, Time, Content}</c>: fires a <see cref="EventKind.StateTimeout"/> event unless the state changes first.
    /// Setting it again restarts it; <see cref="Timeout.InfiniteTimeSpan"/> cancels it. Events that keep the state do not cancel it.
    /// </summary>
    /// <param name="time">How long to wait, on the node's clock.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction StateTimeout(TimeSpan time, object content) => Timer(TimeoutKind.State, null, time, content);

    /// <summary>
    /// <c>{{timeout, Name}, Time, Content}</c>: a generic time-out. Neither events nor state changes cancel it; it fires a
    /// <see cref="EventKind.GenericTimeout"/> event unless set again (restart) or cancelled (<see cref="Timeout.InfiniteTimeSpan"/>
    /// or <see cref="CancelTimeout"/>). Each name is an independent timer.
    /// </summary>
    /// <param name="name">The time-out's name.</param>
    /// <param name="time">How long to wait, on the node's clock.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction GenericTimeout(object name, TimeSpan time, object content)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Timer(TimeoutKind.Generic, name, time, content);
    }

    /// <summary><c>{{timeout, Name}, cancel}</c>: cancels a generic time-out; no event comes from it.</summary>
    /// <param name="name">The time-out's name.</param>
    public static StateAction CancelTimeout(object name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new TimeoutAction(TimeoutKind.Generic, name, Timeout.InfiniteTimeSpan, null);
    }

    /// <summary><c>{state_timeout, cancel}</c>: cancels the state time-out.</summary>
    public static StateAction CancelStateTimeout() => new TimeoutAction(TimeoutKind.State, null, Timeout.InfiniteTimeSpan, null);

    private static TimeoutAction Timer(TimeoutKind kind, object? name, TimeSpan time, object content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (time < TimeSpan.Zero && time != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A time-out is zero or more, or Timeout.InfiniteTimeSpan (cancel).");
        }

        return new TimeoutAction(kind, name, time, content);
    }
}
