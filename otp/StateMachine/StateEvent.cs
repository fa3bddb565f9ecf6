namespace Otp;

/// <summary>
/// One event for <see cref="StateMachine{TState, TData}.HandleEvent"/>: gen_statem's <c>EventType</c> and <c>EventContent</c> in
/// one value, so a handler can match on both (<c>(e.Kind, e.Content, state) switch { ... }</c>).
/// </summary>
/// <param name="Kind">The event type.</param>
/// <param name="Content">The event content: the request, the message, the time-out's content, or the previous state for <see cref="EventKind.Enter"/>.</param>
public sealed record StateEvent(EventKind Kind, object Content)
{
    /// <summary>The caller of a <see cref="EventKind.Call"/> event (gen_statem's <c>{call, From}</c>); reply with <see cref="StateAction.Reply"/>.</summary>
    public From? From { get; init; }

    /// <summary>The name of a <see cref="EventKind.GenericTimeout"/> event (gen_statem's <c>{timeout, Name}</c>).</summary>
    public object? TimeoutName { get; init; }

    /// <summary>Erlang's notation, for logs.</summary>
    public override string ToString() => Kind switch
    {
        EventKind.Call => $"{{{{call, {From}}}, {Content}}}",
        EventKind.GenericTimeout => $"{{{{timeout, {TimeoutName}}}, {Content}}}",
        _ => $"{{{Kind}, {Content}}}",
    };
}
