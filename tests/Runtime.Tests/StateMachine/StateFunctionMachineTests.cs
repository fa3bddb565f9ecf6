using Otp;

namespace Runtime.Tests;

/// <summary>
/// The <c>state_functions</c> callback mode: one method per state. The machine is gen_statem's push button (a call "push"
/// toggles it and answers the new position; "count" answers how many times it was switched on), plus a log of state
/// enter calls and a postponed "reset" that only the off state handles.
/// </summary>
public sealed class StateFunctionMachineTests : RuntimeTest
{
    [Test, CancelAfter(5000)]
    public async Task Each_event_goes_to_the_method_of_the_current_state(CancellationToken ct)
    {
        var button = await StateMachine.StartAsync(Node, new PushButton(Witness.Self));

        var answers = new[]
        {
            await StateMachine.CallAsync<string>(Node, button, "push", cancellationToken: ct),
            await StateMachine.CallAsync<string>(Node, button, "push", cancellationToken: ct),
            await StateMachine.CallAsync<string>(Node, button, "push", cancellationToken: ct),
        };

        Assert.That(answers, Is.EqualTo(new[] { "on", "off", "on" }));
        Assert.That(await StateMachine.CallAsync<int>(Node, button, "count", cancellationToken: ct), Is.EqualTo(2));
    }

    [Test, CancelAfter(5000)]
    public async Task The_same_method_is_the_same_state_so_naming_it_again_is_no_state_change(CancellationToken ct)
    {
        var button = await StateMachine.StartAsync(Node, new PushButton(Witness.Self));

        await StateMachine.CallAsync<string>(Node, button, "push", cancellationToken: ct); // off -> on
        StateMachine.Cast(Node, button, "reset");                                         // postponed in on
        await StateMachine.CallAsync<string>(Node, button, "stay", cancellationToken: ct); // NextState(On): not a change
        var countWhileOn = await StateMachine.CallAsync<int>(Node, button, "count", cancellationToken: ct);
        await StateMachine.CallAsync<string>(Node, button, "push", cancellationToken: ct); // on -> off: "reset" is retried

        Assert.That(countWhileOn, Is.EqualTo(1), "the postponed reset waits for a real state change");
        Assert.That(await StateMachine.CallAsync<int>(Node, button, "count", cancellationToken: ct), Is.EqualTo(0));
        var enters = new List<string>();
        while (await Witness.ReceiveAsync<string>(timeout: TimeSpan.Zero) is { } entered)
        {
            enters.Add(entered);
        }

        Assert.That(enters, Is.EqualTo(new[] { "Off->Off", "Off->On", "On->Off" }), "the enter call's content is the previous state method");
    }

    [Test, CancelAfter(5000)]
    public async Task A_state_enter_call_that_names_another_method_stops_the_machine_naming_that_method(CancellationToken ct)
    {
        Inbox.TrapExit = true;
        await StateMachine.StartLinkAsync(Inbox, new Restless());

        var reason = (await Inbox.Next<ExitMessage>(ct)).Reason;

        Assert.That(reason, Is.EqualTo((new Atom("bad_state_enter_return"), "{next_state, Elsewhere, ...}")));
    }

    private sealed class PushButton(Pid observer) : StateFunctionMachine<int>
    {
        protected override bool StateEnter => true;

        protected override StateMachineInit<StateFunction<int>, int> Init() => Ok(Off, 0);

        private EventResult<StateFunction<int>, int> Off(StateEvent e, int count) => (e.Kind, e.Content) switch
        {
            (EventKind.Enter, StateFunction<int> previous) => Entered(previous, nameof(Off)),
            (EventKind.Call, "push") => NextState(On, count + 1, StateAction.Reply(e.From!, "on")),
            (EventKind.Cast, "reset") => KeepState(0),
            _ => Common(e, count),
        };

        private EventResult<StateFunction<int>, int> On(StateEvent e, int count) => (e.Kind, e.Content) switch
        {
            (EventKind.Enter, StateFunction<int> previous) => Entered(previous, nameof(On)),
            (EventKind.Call, "push") => NextState(Off, count, StateAction.Reply(e.From!, "off")),
            (EventKind.Call, "stay") => NextState(On, count, StateAction.Reply(e.From!, "on")),
            (EventKind.Cast, "reset") => KeepStateAndData(StateAction.Postpone()),
            _ => Common(e, count),
        };

        /// <summary>What every state does: answer "count".</summary>
        private static EventResult<StateFunction<int>, int> Common(StateEvent e, int count) => e.Kind == EventKind.Call && e.Content is "count"
            ? KeepStateAndData(StateAction.Reply(e.From!, count))
            : KeepStateAndData();

        private EventResult<StateFunction<int>, int> Entered(StateFunction<int> previous, string state)
        {
            Context.Send(observer, $"{previous.Method.Name}->{state}");
            return KeepStateAndData();
        }
    }

    private sealed class Restless : StateFunctionMachine<int>
    {
        protected override bool StateEnter => true;

        protected override StateMachineInit<StateFunction<int>, int> Init() => Ok(Here, 0);

        private EventResult<StateFunction<int>, int> Here(StateEvent e, int data) => NextState(Elsewhere, data);

        private EventResult<StateFunction<int>, int> Elsewhere(StateEvent e, int data) => KeepStateAndData();
    }
}
