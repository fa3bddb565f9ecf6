namespace Otp;

/// <summary>
/// A state machine in gen_statem's <c>state_functions</c> callback mode: one method per state. The state is a
/// <see cref="StateFunction{TData}"/>, a method of the machine (<c>Init() =&gt; Ok(Locked, data)</c>, then
/// <c>NextState(Open, data)</c>); the machine calls the current state's method with each event, so all the code of a state
/// sits in one method, as <c>Module:StateName/3</c> does in OTP. Everything else (actions, time-outs, postponing, state enter
/// calls, Terminate) is <see cref="StateMachine{TState, TData}"/>'s.
/// Where .NET differs: OTP names a state by an atom and calls the function of that name; here the state is the delegate,
/// and two states are the same when they are the same method of the same machine (<see cref="Delegate.Equals(object?)"/>).
/// Name states by method groups, not lambdas: a new lambda is a new state, so every transition to one would be a state change.
/// State methods are synchronous; a machine that must await uses <see cref="StateMachine{TState, TData}"/> and HandleEventAsync.
/// </summary>
/// <typeparam name="TData">The data carried across states.</typeparam>
public abstract class StateFunctionMachine<TData> : StateMachine<StateFunction<TData>, TData>
{
    /// <summary>Calls the current state's method: the <c>state_functions</c> dispatch.</summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The current state, a method of this machine.</param>
    /// <param name="data">The current data.</param>
    protected sealed override EventResult<StateFunction<TData>, TData> HandleEvent(StateEvent e, StateFunction<TData> state, TData data)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state(e, data);
    }

    /// <summary>Calls <see cref="HandleEvent"/>; sealed, as state methods are synchronous.</summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The current state.</param>
    /// <param name="data">The current data.</param>
    protected sealed override ValueTask<EventResult<StateFunction<TData>, TData>> HandleEventAsync(StateEvent e, StateFunction<TData> state, TData data) =>
        new(HandleEvent(e, state, data));
}
