using System.Runtime.CompilerServices;

namespace Otp;

/// <summary>
/// The event loop of a gen_statem: take the next event (inserted and retried ones first, then the mailbox), run the handler,
/// carry out the transition. One instance per machine process; it holds what gen_statem keeps in its loop: state, data,
/// postponed events, the queue of events to handle before the mailbox, and the timers.
/// </summary>
internal sealed class StateMachineLoop<TState, TData>(StateMachine<TState, TData> machine, ProcessContext context, ServerName? name)
{
    private static readonly Atom BadStateEnterReturn = new("bad_state_enter_return");
    private static readonly Atom BadStateEnterAction = new("bad_state_enter_action");
    private static readonly Atom BadActionFromInit = new("bad_action_from_init");

    private readonly LinkedList<StateEvent> _queue = []; // handled before the mailbox: inserted events, then retried postponed ones
    private readonly List<StateEvent> _postponed = [];
    private readonly StateMachineTimers _timers = new(context);
    private readonly Transition _transition = new(); // reused: one transition at a time, and a busy machine then allocates no lists per event
    private TState _state = default!;
    private TData _data = default!;
    private bool _terminated;

    public async Task RunAsync(InitAck ack)
    {
        context.Process.Behaviour ??= "gen_statem";
        if (name is not null && !name.TryRegister(context.Node, context.Self))
        {
            ack.Failed((new Atom("already_started"), name.WhereIs(context.Node)));
            return;
        }

        machine.Attach(context);
        StateMachineInit<TState, TData> init;
        try
        {
            init = await machine.RunInit().ConfigureAwait(false);
        }
        catch (ExitException exit)
        {
            ack.Failed(exit.Reason);
            throw;
        }

        switch (init.Outcome)
        {
            case InitOutcome.Ignore:
                ack.Failed(StartFailedException.IgnoreReason);
                name?.Unregister(context.Node);
                return;
            case InitOutcome.Stop:
                ack.Failed(init.Reason!);
                throw new ExitException(init.Reason!);
        }

        _state = init.State;
        _data = init.Data;
        ack.Started(context.Self);
        try
        {
            var transition = _transition.Clear();
            Collect(init.Actions, transition, current: null, allowInsert: true, BadActionFromInit);
            if (machine.UsesStateEnter)
            {
                await EnterAsync(_state, transition).ConfigureAwait(false);
            }

            Finish(transition);
            while (true)
            {
                await HandleAsync(await NextEventAsync().ConfigureAwait(false)).ConfigureAwait(false);
            }
        }
        catch (ExitException exit) when (!_terminated)
        {
            await TerminateAsync(exit.Reason).ConfigureAwait(false);
            throw;
        }
        catch (Exception crash) when (crash is not ProcessKilledSignal and not ExitException && !_terminated)
        {
            await TerminateAsync(crash).ConfigureAwait(false);
            throw;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // called once per event: reuse its state machine
    private async ValueTask<StateEvent> NextEventAsync()
    {
        while (true)
        {
            if (_queue.First is { } first)
            {
                _queue.RemoveFirst();
                return first.Value;
            }

            var message = await context.ReceiveAsync().ConfigureAwait(false);
            switch (message)
            {
                case StateMachineTimeout fired:
                    if (_timers.TryTake(fired))
                    {
                        return fired.Kind switch
                        {
                            TimeoutKind.Event => new StateEvent(EventKind.Timeout, fired.Content),
                            TimeoutKind.State => new StateEvent(EventKind.StateTimeout, fired.Content),
                            _ => new StateEvent(EventKind.GenericTimeout, fired.Content) { TimeoutName = fired.Name },
                        };
                    }

                    break; // cancelled after it fired: not an event, so it does not cancel the event time-out either
                case CallMessage call:
                    return new StateEvent(EventKind.Call, call.Request) { From = call.From };
                case CastMessage cast:
                    return new StateEvent(EventKind.Cast, cast.Request);
                case SysGetState get:
                    get.From.TryReply((_state, _data)); // gen_statem's sys:get_state gives {State, Data}
                    break;
                case SysReplaceState replace:
                    ReplaceState(replace);
                    break;
                case StopMessage stop:
                    await StopAsync(stop.Reason, []).ConfigureAwait(false);
                    break;
                case ExitMessage exit when exit.From == context.Parent && context.TrapExit:
                    await StopAsync(exit.Reason, []).ConfigureAwait(false); // OTP: a trapped EXIT from the parent stops through terminate
                    break;
                default:
                    return new StateEvent(EventKind.Info, message);
            }
        }
    }

    /// <summary>sys:replace_state: the function gets and returns <c>(State, Data)</c>; if it throws, nothing changes.</summary>
    private void ReplaceState(SysReplaceState replace)
    {
        try
        {
            (_state, _data) = ((TState, TData))replace.Replace((_state, _data))!;
            replace.From.TryReply((_state, _data));
        }
        catch (Exception error) when (error is not ProcessKilledSignal)
        {
            replace.From.TryFail(error);
        }
    }

    private async Task HandleAsync(StateEvent current)
    {
        _timers.Cancel(TimeoutKind.Event, null); // any event cancels the event time-out
        var result = await machine.RunHandleEvent(current, _state, _data).ConfigureAwait(false);
        if (result.Outcome == EventOutcome.Stop)
        {
            await StopAsync(result.Reason!, result.Actions, result).ConfigureAwait(false);
        }

        var transition = _transition.Clear();
        Collect(result.Actions, transition, current, allowInsert: true, BadActionFromInit);
        var previous = _state;
        if (result.HasData)
        {
            _data = result.Data;
        }

        if (result.HasState)
        {
            _state = result.State;
        }

        if (transition.Postpone)
        {
            _postponed.Add(current);
        }

        var changed = !EqualityComparer<TState>.Default.Equals(previous, _state);
        if (changed)
        {
            // A state change cancels the state time-out and retries every postponed event, oldest first, before the mailbox.
            _timers.Cancel(TimeoutKind.State, null);
            for (var i = _postponed.Count - 1; i >= 0; i--)
            {
                _queue.AddFirst(_postponed[i]);
            }

            _postponed.Clear();
        }

        if (machine.UsesStateEnter && (changed || result.Outcome == EventOutcome.Repeat))
        {
            await EnterAsync(previous, transition).ConfigureAwait(false);
        }

        Finish(transition);
    }

    /// <summary>A state enter call: may keep the state (or name the same one) and set time-outs or reply; nothing else.</summary>
    private async Task EnterAsync(TState previous, Transition transition)
    {
        var result = await machine.RunHandleEvent(new StateEvent(EventKind.Enter, previous!), _state, _data).ConfigureAwait(false);
        if (result.Outcome == EventOutcome.Stop)
        {
            await StopAsync(result.Reason!, result.Actions, result).ConfigureAwait(false);
        }

        if (result.HasState && !EqualityComparer<TState>.Default.Equals(result.State, _state))
        {
            throw new ExitException((BadStateEnterReturn, result.ToString()));
        }

        Collect(result.Actions, transition, current: null, allowInsert: false, BadStateEnterAction);
        if (result.HasData)
        {
            _data = result.Data;
        }
    }

    /// <summary>
    /// Runs replies at once and records the rest. Postponing needs an event to postpone (not in Init or a state enter call);
    /// inserting is refused in state enter calls. <paramref name="error"/> names the exit reason for a refused action.
    /// </summary>
    private static void Collect(IReadOnlyList<StateAction> actions, Transition transition, StateEvent? current, bool allowInsert, Atom error)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case ReplyAction reply:
                    transition.Replies.Add(reply);
                    break;
                case PostponeAction when current is null:
                case NextEventAction when !allowInsert:
                    throw new ExitException((error, action.ToString()));
                case PostponeAction:
                    transition.Postpone = true;
                    break;
                case NextEventAction next:
                    transition.Inserted.Add(next.Event);
                    break;
                case TimeoutAction timeout:
                    transition.Timeouts.Add(timeout);
                    break;
            }
        }
    }

    /// <summary>
    /// Ends a transition: inserted events go first in the queue (in the order given), the time-outs start, then the replies go
    /// out, so a caller that has its reply knows the timers run (a test can then advance a fake clock).
    /// </summary>
    private void Finish(Transition transition)
    {
        for (var i = transition.Inserted.Count - 1; i >= 0; i--)
        {
            _queue.AddFirst(transition.Inserted[i]);
        }

        foreach (var timeout in transition.Timeouts)
        {
            if (timeout.Kind != TimeoutKind.Event)
            {
                _timers.Start(timeout.Kind, timeout.Name, timeout.Time, timeout.Content!);
            }
            else if (_queue.Count > 0 || context.MessageQueueLength > 0)
            {
                _timers.Cancel(TimeoutKind.Event, null); // an event is already waiting: it would cancel the time-out at once
            }
            else if (timeout.Time == TimeSpan.Zero)
            {
                _queue.AddLast(new StateEvent(EventKind.Timeout, timeout.Content!));
            }
            else
            {
                _timers.Start(TimeoutKind.Event, null, timeout.Time, timeout.Content!);
            }
        }

        foreach (var reply in transition.Replies)
        {
            reply.From.TryReply(reply.Value);
        }
    }

    private async Task StopAsync(object reason, IReadOnlyList<StateAction> replies, EventResult<TState, TData>? result = null)
    {
        if (result is { HasData: true } stop)
        {
            _data = stop.Data;
        }

        await TerminateAsync(reason).ConfigureAwait(false);
        foreach (var reply in replies.OfType<ReplyAction>())
        {
            reply.From.TryReply(reply.Value);
        }

        throw new ExitException(reason);
    }

    private async Task TerminateAsync(object reason)
    {
        _terminated = true;
        _timers.CancelAll();
        await machine.RunTerminate(reason, _state, _data).ConfigureAwait(false); // if terminate throws, that becomes the exit reason
    }

    /// <summary>What one transition asked for, carried out once the handler (and the state enter call) have returned.</summary>
    private sealed class Transition
    {
        public bool Postpone { get; set; }

        public List<StateEvent> Inserted { get; } = [];

        public List<TimeoutAction> Timeouts { get; } = [];

        public List<ReplyAction> Replies { get; } = [];

        public Transition Clear()
        {
            Postpone = false;
            Inserted.Clear();
            Timeouts.Clear();
            Replies.Clear();
            return this;
        }
    }
}
