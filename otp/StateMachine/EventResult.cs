namespace Otp;

/// <summary>
/// What <see cref="StateMachine{TState, TData}.HandleEvent"/> returns: gen_statem's <c>event_handler_result()</c>
/// (<c>{next_state, S, D, Actions}</c>, <c>{keep_state, D, Actions}</c>, <c>keep_state_and_data</c>, <c>{repeat_state, D, Actions}</c>,
/// <c>{stop, Reason, D}</c>, <c>{stop_and_reply, Reason, Replies, D}</c>). Build it with the static members or the
/// machine's protected helpers of the same names.
/// </summary>
/// <typeparam name="TState">The machine's state.</typeparam>
/// <typeparam name="TData">The machine's data.</typeparam>
public readonly struct EventResult<TState, TData>
{
    private EventResult(EventOutcome outcome, bool hasState, TState state, bool hasData, TData data, IReadOnlyList<StateAction> actions, object? reason)
    {
        Outcome = outcome;
        HasState = hasState;
        State = state;
        HasData = hasData;
        Data = data;
        Actions = actions;
        Reason = reason;
    }

    internal EventOutcome Outcome { get; }

    internal bool HasState { get; }

    internal TState State { get; }

    internal bool HasData { get; }

    internal TData Data { get; }

    internal IReadOnlyList<StateAction> Actions => field ?? [];

    internal object? Reason { get; }

    /// <summary><c>{next_state, State, Data, Actions}</c>: goes to <paramref name="state"/> (a state change if it differs from the current one).</summary>
    /// <param name="state">The next state.</param>
    /// <param name="data">The new data.</param>
    /// <param name="actions">Transition actions, run in order.</param>
    public static EventResult<TState, TData> NextState(TState state, TData data, params StateAction[] actions) =>
        new(EventOutcome.Next, true, state, true, data, Check(actions), null);

    /// <summary><c>{keep_state, Data, Actions}</c>: stays in the current state with new data.</summary>
    /// <param name="data">The new data.</param>
    /// <param name="actions">Transition actions.</param>
    public static EventResult<TState, TData> KeepState(TData data, params StateAction[] actions) =>
        new(EventOutcome.Next, false, default!, true, data, Check(actions), null);

    /// <summary><c>{keep_state_and_data, Actions}</c>: changes nothing but runs the actions.</summary>
    /// <param name="actions">Transition actions.</param>
    public static EventResult<TState, TData> KeepStateAndData(params StateAction[] actions) =>
        new(EventOutcome.Next, false, default!, false, default!, Check(actions), null);

    /// <summary>
    /// <c>{repeat_state, Data, Actions}</c>: stays in the current state but runs its state enter call again, as if it had been
    /// re-entered. Unlike a state change it neither cancels the state time-out nor retries postponed events. From a state enter
    /// call it makes another enter call (with the same previous state); mind the loop.
    /// </summary>
    /// <param name="data">The new data.</param>
    /// <param name="actions">Transition actions.</param>
    public static EventResult<TState, TData> RepeatState(TData data, params StateAction[] actions) =>
        new(EventOutcome.Repeat, false, default!, true, data, Check(actions), null);

    /// <summary><c>{stop, Reason, Data}</c>: Terminate runs with <paramref name="reason"/>, then the machine exits with it.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="data">The data Terminate receives.</param>
    public static EventResult<TState, TData> Stop(object reason, TData data) =>
        new(EventOutcome.Stop, false, default!, true, data, [], reason ?? throw new ArgumentNullException(nameof(reason)));

    /// <summary><c>{stop_and_reply, Reason, Replies, Data}</c>: the replies are sent, then Terminate runs, then the machine exits.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="data">The data Terminate receives.</param>
    /// <param name="replies"><see cref="StateAction.Reply"/> actions only.</param>
    public static EventResult<TState, TData> StopAndReply(object reason, TData data, params StateAction[] replies)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Check(replies).Any(a => a is not ReplyAction))
        {
            throw new ArgumentException("stop_and_reply takes reply actions only.", nameof(replies));
        }

        return new(EventOutcome.Stop, false, default!, true, data, replies, reason);
    }

    /// <summary>Erlang's notation of the result, for error messages.</summary>
    public override string ToString() => Outcome switch
    {
        EventOutcome.Stop => $"{{stop, {Reason}}}",
        EventOutcome.Repeat => "{repeat_state, ...}",
        _ => HasState ? $"{{next_state, {Name(State)}, ...}}" : "{keep_state, ...}",
    };

    /// <summary>A state's name for messages: a state method (<see cref="StateFunction{TData}"/>) by its method's name.</summary>
    internal static string? Name(TState state) => state is Delegate method ? method.Method.Name : state?.ToString();

    private static StateAction[] Check(StateAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action, nameof(actions));
        }

        return actions;
    }
}

/// <summary>Whether the machine goes on, re-enters its state, or stops.</summary>
internal enum EventOutcome
{
    Next,
    Repeat,
    Stop,
}
