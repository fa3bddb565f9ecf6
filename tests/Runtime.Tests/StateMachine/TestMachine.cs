using Otp;

namespace Runtime.Tests;

/// <summary>
/// A state machine whose handler is given by the test, reporting every event it handles (and its termination) to an observer,
/// so tests can assert the order of events instead of sleeping. <paramref name="gate"/> runs before the handler and may hold it;
/// <paramref name="terminate"/> runs in Terminate after the report (it may throw).
/// </summary>
internal sealed class TestMachine(
    Pid observer,
    Func<StateEvent, string, int, EventResult<string, int>> handle,
    Func<StateMachineInit<string, int>>? init = null,
    bool stateEnter = false,
    Func<StateEvent, Task>? gate = null,
    bool trapExit = false,
    Action<object, string, int>? terminate = null) : StateMachine<string, int>
{
    protected override bool StateEnter => stateEnter;

    protected override StateMachineInit<string, int> Init()
    {
        Context.TrapExit = trapExit;
        return init is null ? Ok("start", 0) : init();
    }

    protected override async ValueTask<EventResult<string, int>> HandleEventAsync(StateEvent e, string state, int data)
    {
        Context.Send(observer, new Seen(e.Kind, e.Content, state));
        if (gate is not null)
        {
            await gate(e);
        }

        return handle(e, state, data);
    }

    protected override void Terminate(object reason, string state, int data)
    {
        Context.Send(observer, new Terminated(reason, state, data));
        terminate?.Invoke(reason, state, data);
    }
}

/// <summary>An event the machine handled, in the state it was in.</summary>
internal sealed record Seen(EventKind Kind, object Content, string State);

/// <summary>Terminate ran.</summary>
internal sealed record Terminated(object Reason, string State, int Data);
