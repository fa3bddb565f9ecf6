namespace Otp;

/// <summary>What kind of event a <see cref="StateMachine{TState, TData}"/> handles: gen_statem's <c>event_type()</c>.</summary>
public enum EventKind
{
    /// <summary>
    /// <c>{call, From}</c>: a request from <see cref="StateMachine.CallAsync{TReply}(Node, ServerRef, object, TimeSpan?, CancellationToken)"/>
    /// (or inserted with <see cref="StateAction.NextCall"/>); answer it with a reply action.
    /// </summary>
    Call,

    /// <summary><c>cast</c>: a request from <see cref="StateMachine.Cast(Node, ServerRef, object)"/>.</summary>
    Cast,

    /// <summary><c>info</c>: any other message (a plain send, a DOWN, an EXIT while trapping).</summary>
    Info,

    /// <summary><c>internal</c>: an event the machine inserted itself with <see cref="StateAction.NextEvent"/>.</summary>
    Internal,

    /// <summary><c>timeout</c>: the event time-out fired (no event arrived in time).</summary>
    Timeout,

    /// <summary><c>state_timeout</c>: the state time-out fired (the machine stayed in the state that long).</summary>
    StateTimeout,

    /// <summary><c>{timeout, Name}</c>: a generic, named time-out fired; the name is <see cref="StateEvent.TimeoutName"/>.</summary>
    GenericTimeout,

    /// <summary><c>enter</c>: a state enter call; the content is the previous state (the state itself on the first call).</summary>
    Enter,
}
