namespace Otp;

/// <summary>
/// A transition action of a <see cref="StateMachine{TState, TData}"/>: gen_statem's <c>action()</c>. Return actions with an
/// <see cref="EventResult{TState, TData}"/>; they run in order after the callback returns (replies at once, the rest when the
/// transition ends; for each timer the last time-out action wins). Build them with the static members.
/// </summary>
public abstract record StateAction
{
    private protected StateAction()
    {
    }

    /// <summary>
    /// <c>{reply, From, Reply}</c>: answers a caller (now, or in a later event if the <see cref="From"/> was kept). The reply
    /// goes out as the actions are carried out, before the state enter call runs. Allowed in state enter calls too.
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
    /// (postponed events are retried in the order they arrived). Not allowed in a state enter call
    /// (<c>bad_state_enter_action</c>); ignored in Init, which has no event to postpone (gen_statem forces it off there).
    /// </summary>
    public static StateAction Postpone() => PostponeAction.Instance;

    /// <summary>
    /// <c>{next_event, EventType, EventContent}</c>: inserts an event to handle next, before anything already waiting
    /// (retried postponed events, zero time-outs and the mailbox). Several are handled in the order given. Not allowed in a
    /// state enter call.
    /// </summary>
    /// <param name="content">The event content.</param>
    /// <param name="kind">The event type: <see cref="EventKind.Internal"/> (default), <see cref="EventKind.Cast"/> or <see cref="EventKind.Info"/>
    /// (a call needs its caller: see <see cref="NextCall"/>; time-out events come from timers only).</param>
    public static StateAction NextEvent(object content, EventKind kind = EventKind.Internal)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (kind is not (EventKind.Internal or EventKind.Cast or EventKind.Info))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "An inserted event is internal, cast or info; insert a call with NextCall.");
        }

        return new NextEventAction(new StateEvent(kind, content));
    }

    /// <summary>
    /// <c>{next_event, {call, From}, Request}</c>: inserts a <see cref="EventKind.Call"/> event from <paramref name="from"/>, to
    /// handle next as <see cref="NextEvent"/> does. The handler of the inserted event answers it with <see cref="Reply"/>, so a
    /// call can be passed on (for example to the state that knows the answer) without keeping its caller by hand.
    /// </summary>
    /// <param name="from">The caller, from <see cref="StateEvent.From"/>.</param>
    /// <param name="request">The event content.</param>
    public static StateAction NextCall(From from, object request)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(request);
        return new NextEventAction(new StateEvent(EventKind.Call, request) { From = from });
    }

    /// <summary>
    /// <c>{timeout, Time, Content}</c>: the event time-out. Fires a <see cref="EventKind.Timeout"/> event unless another event
    /// comes first: any event handled before it fires cancels it, whether received, inserted, retried after a postpone, or
    /// another time-out's. A zero time starts no timer: the time-out event is queued after the inserted and retried events and
    /// before any message not yet received, so only an inserted or retried event (or a zero time-out set before it) cancels
    /// it, never a message waiting in the mailbox. <see cref="Timeout.InfiniteTimeSpan"/> cancels it.
    /// </summary>
    /// <param name="time">How long to wait, on the node's clock, from the end of the callback that sets it.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction EventTimeout(TimeSpan time, object content) => Timer(TimerKey.Event, time, content);

    /// <summary><c>{timeout, Time, Content, [{abs, true}]}</c>: the event time-out at a point on the node's clock (see <see cref="EventTimeout(TimeSpan, object)"/>).</summary>
    /// <param name="at">When it fires, on <see cref="Node.Time"/> (<c>GetUtcNow()</c>); a point already past fires at once.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction EventTimeout(DateTimeOffset at, object content) => Timer(TimerKey.Event, at, content);

    /// <summary>
    /// <c>{state_timeout, Time, Content}</c>: fires a <see cref="EventKind.StateTimeout"/> event unless the state changes first.
    /// Setting it again restarts it; <see cref="Timeout.InfiniteTimeSpan"/> cancels it. Events that keep the state do not cancel it.
    /// A zero time is queued as the event time-out's is (after inserted and retried events, before the mailbox).
    /// </summary>
    /// <param name="time">How long to wait, on the node's clock, from the end of the callback that sets it.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction StateTimeout(TimeSpan time, object content) => Timer(TimerKey.State, time, content);

    /// <summary><c>{state_timeout, Time, Content, [{abs, true}]}</c>: the state time-out at a point on the node's clock.</summary>
    /// <param name="at">When it fires, on <see cref="Node.Time"/> (<c>GetUtcNow()</c>); a point already past fires at once.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction StateTimeout(DateTimeOffset at, object content) => Timer(TimerKey.State, at, content);

    /// <summary>
    /// <c>{{timeout, Name}, Time, Content}</c>: a generic time-out. Neither events nor state changes cancel it; it fires a
    /// <see cref="EventKind.GenericTimeout"/> event unless set again (restart) or cancelled (<see cref="Timeout.InfiniteTimeSpan"/>
    /// or <see cref="CancelGenericTimeout"/>). Each name is an independent timer.
    /// </summary>
    /// <param name="name">The time-out's name.</param>
    /// <param name="time">How long to wait, on the node's clock, from the end of the callback that sets it.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction GenericTimeout(object name, TimeSpan time, object content) => Timer(Generic(name), time, content);

    /// <summary><c>{{timeout, Name}, Time, Content, [{abs, true}]}</c>: a generic time-out at a point on the node's clock.</summary>
    /// <param name="name">The time-out's name.</param>
    /// <param name="at">When it fires, on <see cref="Node.Time"/> (<c>GetUtcNow()</c>); a point already past fires at once.</param>
    /// <param name="content">The content of the time-out event.</param>
    public static StateAction GenericTimeout(object name, DateTimeOffset at, object content) => Timer(Generic(name), at, content);

    /// <summary><c>{timeout, cancel}</c>: cancels the event time-out (rarely needed: any event cancels it).</summary>
    public static StateAction CancelEventTimeout() => new TimeoutAction(TimerKey.Event, TimeoutOperation.Cancel, Timeout.InfiniteTimeSpan, null, null);

    /// <summary><c>{state_timeout, cancel}</c>: cancels the state time-out.</summary>
    public static StateAction CancelStateTimeout() => new TimeoutAction(TimerKey.State, TimeoutOperation.Cancel, Timeout.InfiniteTimeSpan, null, null);

    /// <summary><c>{{timeout, Name}, cancel}</c>: cancels a generic time-out; no event comes from it.</summary>
    /// <param name="name">The time-out's name.</param>
    public static StateAction CancelGenericTimeout(object name) => new TimeoutAction(Generic(name), TimeoutOperation.Cancel, Timeout.InfiniteTimeSpan, null, null);

    /// <summary>
    /// <c>{timeout, update, Content}</c>: gives the event time-out a new content. As the event that runs this action has
    /// cancelled the event time-out, this inserts a zero event time-out with <paramref name="content"/>.
    /// </summary>
    /// <param name="content">The new content of the time-out event.</param>
    public static StateAction UpdateEventTimeout(object content) => Update(TimerKey.Event, content);

    /// <summary>
    /// <c>{state_timeout, update, Content}</c>: gives the running state time-out a new content without restarting it; if none
    /// runs, starts it with a zero time (see <see cref="StateTimeout(TimeSpan, object)"/>).
    /// </summary>
    /// <param name="content">The new content of the time-out event.</param>
    public static StateAction UpdateStateTimeout(object content) => Update(TimerKey.State, content);

    /// <summary>
    /// <c>{{timeout, Name}, update, Content}</c>: gives the running generic time-out <paramref name="name"/> a new content without
    /// restarting it; if none runs, starts it with a zero time.
    /// </summary>
    /// <param name="name">The time-out's name.</param>
    /// <param name="content">The new content of the time-out event.</param>
    public static StateAction UpdateGenericTimeout(object name, object content) => Update(Generic(name), content);

    private static TimerKey Generic(object name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TimerKey.Generic(name);
    }

    private static TimeoutAction Timer(TimerKey key, TimeSpan time, object content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (time < TimeSpan.Zero && time != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A time-out is zero or more, or Timeout.InfiniteTimeSpan (cancel).");
        }

        return time == Timeout.InfiniteTimeSpan
            ? new TimeoutAction(key, TimeoutOperation.Cancel, time, null, null)
            : new TimeoutAction(key, TimeoutOperation.Start, time, null, content);
    }

    private static TimeoutAction Timer(TimerKey key, DateTimeOffset at, object content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new TimeoutAction(key, TimeoutOperation.Start, TimeSpan.Zero, at, content);
    }

    private static TimeoutAction Update(TimerKey key, object content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new TimeoutAction(key, TimeoutOperation.Update, TimeSpan.Zero, null, content);
    }
}
