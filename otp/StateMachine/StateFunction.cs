namespace Otp;

/// <summary>
/// A state of a <see cref="StateFunctionMachine{TData}"/>: gen_statem's <c>Module:StateName/3</c> in the <c>state_functions</c>
/// callback mode. The state is the method itself; it handles every event of that state (and its state enter call) and names
/// the next state by another such method.
/// </summary>
/// <typeparam name="TData">The machine's data.</typeparam>
/// <param name="e">The event: its kind and content.</param>
/// <param name="data">The current data.</param>
public delegate EventResult<StateFunction<TData>, TData> StateFunction<TData>(StateEvent e, TData data);
