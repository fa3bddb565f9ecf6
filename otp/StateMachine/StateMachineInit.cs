namespace Otp;

/// <summary>
/// What a <see cref="StateMachine{TState, TData}"/>'s Init returns: gen_statem's <c>{ok, State, Data, Actions}</c>,
/// <c>ignore</c> or <c>{stop, Reason}</c>.
/// </summary>
/// <typeparam name="TState">The machine's state.</typeparam>
/// <typeparam name="TData">The machine's data.</typeparam>
public readonly struct StateMachineInit<TState, TData>
{
    private StateMachineInit(InitOutcome outcome, TState state, TData data, IReadOnlyList<StateAction> actions, object? reason)
    {
        Outcome = outcome;
        State = state;
        Data = data;
        Actions = actions;
        Reason = reason;
    }

    internal InitOutcome Outcome { get; }

    internal TState State { get; }

    internal TData Data { get; }

    internal IReadOnlyList<StateAction> Actions => field ?? [];

    internal object? Reason { get; }

    /// <summary>
    /// <c>{ok, State, Data, Actions}</c>: the machine starts in <paramref name="state"/>. The actions may set time-outs (counted from
    /// Init's return) and insert events; a postpone is ignored, as gen_statem forces it off (there is no event to postpone).
    /// With state enter calls on, the first one runs with the state as its own previous state.
    /// </summary>
    /// <param name="state">The initial state.</param>
    /// <param name="data">The initial data.</param>
    /// <param name="actions">Actions to run once started.</param>
    public static StateMachineInit<TState, TData> Ok(TState state, TData data, params StateAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return new(InitOutcome.Ok, state, data, actions, null);
    }

    /// <summary><c>ignore</c>: the start returns without a machine (<see cref="StartFailedException.Ignored"/>).</summary>
    public static StateMachineInit<TState, TData> Ignore() => new(InitOutcome.Ignore, default!, default!, [], null);

    /// <summary><c>{stop, Reason}</c>: the start fails with <paramref name="reason"/>; Terminate is not called.</summary>
    /// <param name="reason">The exit reason.</param>
    public static StateMachineInit<TState, TData> Stop(object reason) =>
        new(InitOutcome.Stop, default!, default!, [], reason ?? throw new ArgumentNullException(nameof(reason)));
}
