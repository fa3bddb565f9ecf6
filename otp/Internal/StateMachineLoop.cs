using System.Runtime.CompilerServices;

namespace Otp;

/// <summary>
/// The event loop of a gen_statem: take the next event (inserted and retried ones first, then zero time-outs, then the
/// mailbox), run the handler, carry out the transition in the order of gen_statem's <c>transition_option()</c> steps. One instance per machine process; it holds what gen_statem keeps in its loop: state, data,
/// postponed events, the queue of events to handle before the mailbox, and the timers.
/// </summary>
internal sealed class StateMachineLoop<TState, TData>(StateMachine<TState, TData> machine, ProcessContext context, ServerName? name)
{
    private static readonly Atom BadStateEnterReturn = new("bad_state_enter_return");
    private static readonly Atom BadStateEnterAction = new("bad_state_enter_action");

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
        var transition = _transition.Clear(context.Node.Time.GetUtcNow()); // Init's time-outs count from here, before the starter goes on
        ack.Started(context.Self);
        try
        {
            Collect(init.Actions, transition, ActionSource.Init);
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

    /// <summary>The next event: inserted and retried ones first, then zero time-outs (gen_statem's <c>t0q</c>), then the mailbox.</summary>
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

            if (_timers.TryTakeZero() is { } zero)
            {
                return zero;
            }

            var message = await context.ReceiveAsync().ConfigureAwait(false);
            switch (message)
            {
                case StateMachineTimeout fired:
                    if (_timers.TryTake(fired) is { } timeout)
                    {
                        return timeout;
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
        _timers.Cancel(TimerKey.Event); // any event cancels the event time-out (a zero one still queued too)
        var result = await machine.RunHandleEvent(current, _state, _data).ConfigureAwait(false);
        if (result.Outcome == EventOutcome.Stop)
        {
            await StopAsync(result.Reason!, result.Actions, result).ConfigureAwait(false);
        }

        var transition = _transition.Clear(context.Node.Time.GetUtcNow());
        Collect(result.Actions, transition, ActionSource.Event);
        var previous = _state;
        if (result.HasData)
        {
            _data = result.Data;
        }

        if (result.HasState)
        {
            _state = result.State;
        }

        var changed = !EqualityComparer<TState>.Default.Equals(previous, _state);
        if (machine.UsesStateEnter && (changed || result.Outcome == EventOutcome.Repeat))
        {
            await EnterAsync(previous, transition).ConfigureAwait(false);
        }

        if (transition.Postpone)
        {
            _postponed.Add(current);
        }

        if (changed)
        {
            // A state change cancels the state time-out and retries every postponed event, oldest first, before the mailbox.
            _timers.Cancel(TimerKey.State);
            for (var i = _postponed.Count - 1; i >= 0; i--)
            {
                _queue.AddFirst(_postponed[i]);
            }

            _postponed.Clear();
        }

        Finish(transition);
    }

    /// <summary>
    /// A state enter call: may keep the state (or name the same one), set time-outs and reply; <c>repeat_state</c> makes
    /// another enter call, with the same previous state, as gen_statem does.
    /// </summary>
    private async Task EnterAsync(TState previous, Transition transition)
    {
        while (true)
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

            Collect(result.Actions, transition, ActionSource.Enter);
            if (result.HasData)
            {
                _data = result.Data;
            }

            if (result.Outcome != EventOutcome.Repeat)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Carries out the actions in order: replies go out at once (before any state enter call); the rest is recorded for
    /// <see cref="Finish"/>. Postpone needs an event: a state enter call may not postpone (nor insert events), and Init's
    /// postpone is ignored.
    /// </summary>
    private static void Collect(IReadOnlyList<StateAction> actions, Transition transition, ActionSource source)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case ReplyAction reply:
                    reply.From.TryReply(reply.Value);
                    break;
                case PostponeAction or NextEventAction when source == ActionSource.Enter:
                    throw new ExitException((BadStateEnterAction, action.ToString()));
                case PostponeAction:
                    transition.Postpone = source == ActionSource.Event;
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
    /// Ends a transition: inserted events go first in the queue (in the order given), then the time-outs are set: for each
    /// timer only the last action counts, zero time-outs are queued in the order they were set. Relative times count from
    /// the end of the callback (<see cref="Transition.Now"/>), so a caller that has its reply may move a fake clock at once.
    /// </summary>
    private void Finish(Transition transition)
    {
        for (var i = transition.Inserted.Count - 1; i >= 0; i--)
        {
            _queue.AddFirst(transition.Inserted[i]);
        }

        var timeouts = transition.Timeouts;
        for (var i = 0; i < timeouts.Count; i++)
        {
            var timeout = timeouts[i];
            if (SetAgainLater(timeouts, i))
            {
                continue;
            }

            switch (timeout.Operation)
            {
                case TimeoutOperation.Cancel:
                    _timers.Cancel(timeout.Key);
                    break;
                case TimeoutOperation.Update:
                    _timers.Update(timeout.Key, timeout.Content!);
                    break;
                case TimeoutOperation.Start when timeout.At is { } at:
                    _timers.StartAt(timeout.Key, at, timeout.Content!);
                    break;
                case TimeoutOperation.Start when timeout.Time == TimeSpan.Zero:
                    _timers.StartZero(timeout.Key, timeout.Content!);
                    break;
                default:
                    _timers.StartAt(timeout.Key, transition.Now + timeout.Time, timeout.Content!);
                    break;
            }
        }
    }

    /// <summary>Whether an action after <paramref name="index"/> sets the same timer (then that one wins).</summary>
    private static bool SetAgainLater(List<TimeoutAction> timeouts, int index)
    {
        for (var j = index + 1; j < timeouts.Count; j++)
        {
            if (timeouts[j].Key == timeouts[index].Key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>stop</c> and <c>stop_and_reply</c>: the replies go out first, then Terminate runs, then the machine exits.</summary>
    private async Task StopAsync(object reason, IReadOnlyList<StateAction> replies, EventResult<TState, TData>? result = null)
    {
        if (result is { HasData: true } stop)
        {
            _data = stop.Data;
        }

        foreach (var reply in replies.OfType<ReplyAction>())
        {
            reply.From.TryReply(reply.Value);
        }

        await TerminateAsync(reason).ConfigureAwait(false);
        throw new ExitException(reason);
    }

    private async Task TerminateAsync(object reason)
    {
        _terminated = true;
        _timers.CancelAll();
        await machine.RunTerminate(reason, _state, _data).ConfigureAwait(false); // if terminate throws, that becomes the exit reason
    }

    /// <summary>Which callback returned the actions: they are not all allowed everywhere.</summary>
    private enum ActionSource
    {
        Init,
        Event,
        Enter,
    }

    /// <summary>What one transition asked for, carried out once the handler (and the state enter call) have returned.</summary>
    private sealed class Transition
    {
        /// <summary>When the callback returned: relative time-outs of this transition count from here.</summary>
        public DateTimeOffset Now { get; private set; }

        public bool Postpone { get; set; }

        public List<StateEvent> Inserted { get; } = [];

        public List<TimeoutAction> Timeouts { get; } = [];

        public Transition Clear(DateTimeOffset now)
        {
            Now = now;
            Postpone = false;
            Inserted.Clear();
            Timeouts.Clear();
            return this;
        }
    }
}
