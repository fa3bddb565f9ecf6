namespace Otp;

/// <summary>
/// A state machine: OTP's <c>gen_statem</c> behaviour in the <c>handle_event_function</c> callback mode (for the
/// <c>state_functions</c> mode, one method per state, see <see cref="StateFunctionMachine{TData}"/>). One callback,
/// <see cref="HandleEvent"/>, gets every event with the current state and data and returns the next state, data and actions
/// (<see cref="EventResult{TState, TData}"/>). Subclass it and start an instance with
/// <see cref="StateMachine.StartLinkAsync{TState, TData}"/>; call and cast to it as to a gen_server.
/// Features, as in gen_statem: state enter calls (<see cref="StateEnter"/>), event, state and named time-outs on the node's
/// clock (relative or absolute, updatable), postponing, inserted events, and replies as actions. States are compared with <see cref="EqualityComparer{T}.Default"/>.
/// Each callback has an <c>...Async</c> twin to override when it must await; callbacks run one at a time on the machine's process.
/// </summary>
/// <typeparam name="TState">The state (any type; records and enums read best).</typeparam>
/// <typeparam name="TData">The data carried across states.</typeparam>
public abstract class StateMachine<TState, TData>
{
    private ProcessContext? _context;

    /// <summary>
    /// <c>callback_mode() -&gt; [handle_event_function, state_enter]</c> when true: <see cref="HandleEvent"/> also gets an
    /// <see cref="EventKind.Enter"/> event after every state change (and a repeated state), and once at start. Default false.
    /// </summary>
    protected virtual bool StateEnter => false;

    /// <summary>The machine's own process (<c>self()</c>). Set before Init runs.</summary>
    protected ProcessContext Context => _context ?? throw new InvalidOperationException("The state machine has not been started.");

    /// <summary>The machine's pid.</summary>
    protected Pid Self => Context.Self;

    /// <summary><c>init/1</c>: the initial state, data and actions. Runs in the new process while the starter waits; an exception fails the start.</summary>
    protected virtual StateMachineInit<TState, TData> Init() =>
        throw new NotImplementedException($"{GetType().Name} must override Init or InitAsync.");

    /// <summary><c>init/1</c>, awaitable. Calls <see cref="Init"/> unless overridden.</summary>
    protected virtual ValueTask<StateMachineInit<TState, TData>> InitAsync() => new(Init());

    /// <summary>
    /// <c>handle_event/4</c>: handles one event in <paramref name="state"/>. For an <see cref="EventKind.Enter"/> event (a state
    /// enter call) the result may keep the state or name the same one, but not change it, and its actions may not postpone or
    /// insert events; otherwise the machine exits with <c>(bad_state_enter_return | bad_state_enter_action, ...)</c>.
    /// An exception ends the machine with it as the reason, after <see cref="Terminate"/>.
    /// </summary>
    /// <param name="e">The event: its kind and content (and the caller for a call).</param>
    /// <param name="state">The current state.</param>
    /// <param name="data">The current data.</param>
    protected virtual EventResult<TState, TData> HandleEvent(StateEvent e, TState state, TData data) =>
        throw new NotImplementedException($"{GetType().Name} must override HandleEvent or HandleEventAsync.");

    /// <summary><c>handle_event/4</c>, awaitable. Calls <see cref="HandleEvent"/> unless overridden.</summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The current state.</param>
    /// <param name="data">The current data.</param>
    protected virtual ValueTask<EventResult<TState, TData>> HandleEventAsync(StateEvent e, TState state, TData data) =>
        new(HandleEvent(e, state, data));

    /// <summary>
    /// <c>terminate/3</c>: called when a result stops the machine, when a callback throws, on <see cref="StateMachine.StopAsync(Node, ServerRef, object?, TimeSpan?, CancellationToken)"/>,
    /// and on an exit signal from the parent while trapping exits. Not called when killed or ended by an untrapped exit signal.
    /// </summary>
    /// <param name="reason">Why the machine stops.</param>
    /// <param name="state">The last state.</param>
    /// <param name="data">The last data.</param>
    protected virtual void Terminate(object reason, TState state, TData data)
    {
    }

    /// <summary><c>terminate/3</c>, awaitable. Calls <see cref="Terminate"/> unless overridden.</summary>
    /// <param name="reason">Why the machine stops.</param>
    /// <param name="state">The last state.</param>
    /// <param name="data">The last data.</param>
    protected virtual ValueTask TerminateAsync(object reason, TState state, TData data)
    {
        Terminate(reason, state, data);
        return ValueTask.CompletedTask;
    }

    /// <summary><c>{next_state, State, Data, Actions}</c> (see <see cref="EventResult{TState, TData}.NextState"/>).</summary>
    /// <param name="state">The next state.</param>
    /// <param name="data">The new data.</param>
    /// <param name="actions">Transition actions.</param>
    protected static EventResult<TState, TData> NextState(TState state, TData data, params StateAction[] actions) =>
        EventResult<TState, TData>.NextState(state, data, actions);

    /// <summary><c>{keep_state, Data, Actions}</c>.</summary>
    /// <param name="data">The new data.</param>
    /// <param name="actions">Transition actions.</param>
    protected static EventResult<TState, TData> KeepState(TData data, params StateAction[] actions) =>
        EventResult<TState, TData>.KeepState(data, actions);

    /// <summary><c>{keep_state_and_data, Actions}</c>.</summary>
    /// <param name="actions">Transition actions.</param>
    protected static EventResult<TState, TData> KeepStateAndData(params StateAction[] actions) =>
        EventResult<TState, TData>.KeepStateAndData(actions);

    /// <summary><c>{repeat_state, Data, Actions}</c>.</summary>
    /// <param name="data">The new data.</param>
    /// <param name="actions">Transition actions.</param>
    protected static EventResult<TState, TData> RepeatState(TData data, params StateAction[] actions) =>
        EventResult<TState, TData>.RepeatState(data, actions);

    /// <summary><c>{stop, Reason, Data}</c>.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="data">The data Terminate receives.</param>
    protected static EventResult<TState, TData> Stop(object reason, TData data) => EventResult<TState, TData>.Stop(reason, data);

    /// <summary><c>{stop_and_reply, Reason, Replies, Data}</c>.</summary>
    /// <param name="reason">The exit reason.</param>
    /// <param name="data">The data Terminate receives.</param>
    /// <param name="replies">Reply actions.</param>
    protected static EventResult<TState, TData> StopAndReply(object reason, TData data, params StateAction[] replies) =>
        EventResult<TState, TData>.StopAndReply(reason, data, replies);

    /// <summary><c>{ok, State, Data, Actions}</c> from Init.</summary>
    /// <param name="state">The initial state.</param>
    /// <param name="data">The initial data.</param>
    /// <param name="actions">Actions to run once started.</param>
    protected static StateMachineInit<TState, TData> Ok(TState state, TData data, params StateAction[] actions) =>
        StateMachineInit<TState, TData>.Ok(state, data, actions);

    // The loop reaches the callbacks through these, so they can stay protected for subclasses.
    internal bool UsesStateEnter => StateEnter;

    internal void Attach(ProcessContext context) => _context = context;

    internal ValueTask<StateMachineInit<TState, TData>> RunInit() => InitAsync();

    internal ValueTask<EventResult<TState, TData>> RunHandleEvent(StateEvent e, TState state, TData data) => HandleEventAsync(e, state, data);

    internal ValueTask RunTerminate(object reason, TState state, TData data) => TerminateAsync(reason, state, data);
}
