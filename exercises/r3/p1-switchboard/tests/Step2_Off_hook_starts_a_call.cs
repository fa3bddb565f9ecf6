using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Tests;

/// <summary>Step 2: lifting the handset of an idle line starts a call, a state machine under the calls supervisor.</summary>
public sealed class Step2_Off_hook_starts_a_call : SwitchTest
{
    protected override int Step => 2;

    [Test]
    [CancelAfter(10_000)]
    public async Task Off_hook_on_an_idle_line_starts_a_call_in_dialing(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();

        var line = await WaitFor(exchange.OffHookAsync("100"), "OffHookAsync(\"100\")");

        Assert.That(line.State, Is.EqualTo(LineState.Engaged), "Step 2: off hook, the line is engaged in its new call (see README, step 2).");
        Assert.That(line.Call, Is.Not.Null, "Step 2: the line's status names its call (see README, step 2).");
        Assert.That(await LineAsync(exchange, "100"), Is.EqualTo(line), "Step 2: the line keeps that status (see README, step 2).");
        Assert.That(await CallAsync(exchange, line.Call!), Is.EqualTo(new CallStatus(CallState.Dialing, "100", null)),
            "Step 2: a new call is Dialing, knows its caller, and has dialled no one yet (see README, step 2).");
        Assert.That(Node.GetInfo(line.Call!)!.Behaviour, Is.EqualTo("gen_statem"), "Step 2: a call is a StateMachine (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_call_is_a_temporary_child_of_the_calls_supervisor_not_of_the_line(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");

        var calls = await WaitFor(DynamicSupervisor.WhichChildrenAsync(Node, exchange.Config.Calls), "the calls supervisor's WhichChildrenAsync");
        Assert.That(calls.Select(c => c.Pid), Is.EqualTo(new[] { call }),
            "Step 2: the line asks the calls supervisor to start the call (DynamicSupervisor.StartChildAsync) (see README, step 2).");
        var info = Node.GetInfo(call)!;
        Assert.That(info.Links, Is.EqualTo(new[] { exchange.Config.Calls.WhereIs(Node) }),
            "Step 2: the call is linked to its supervisor only, not to its line: a line's crash must not kill it (see README, step 2).");

        Node.Exit(call, ExitReason.Kill);
        await ExitOf(call, "the call, killed");
        Assert.That(await WaitFor(DynamicSupervisor.CountChildrenAsync(Node, exchange.Config.Calls), "the calls supervisor's count"),
            Is.EqualTo(new ChildCounts(0, 0, 0, 0)),
            "Step 2: a call is temporary: once it is over, even by a crash, the supervisor forgets it and never restarts it (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_line_and_its_call_monitor_each_other(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        var line = exchange.WhereIs("100")!;

        Assert.That(Node.GetInfo(line)!.Monitors, Does.Contain(call), "Step 2: the line monitors its call (see README, step 2).");
        Assert.That(Node.GetInfo(call)!.Monitors, Does.Contain(line), "Step 2: the call monitors its caller's line (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Off_hook_on_a_line_that_is_not_idle_changes_nothing(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");

        var again = await WaitFor(exchange.OffHookAsync("100"), "a second OffHookAsync(\"100\")");

        Assert.That(again, Is.EqualTo(new LineStatus("100", LineState.Engaged, call)),
            "Step 2: an engaged line starts no second call: the status comes back unchanged (see README, step 2).");
        Assert.That((await WaitFor(DynamicSupervisor.CountChildrenAsync(Node, exchange.Config.Calls), "the calls count")).Active, Is.EqualTo(1),
            "Step 2: still one call (see README, step 2).");
        var other = await OffHookAsync(exchange, "200");
        Assert.That(other, Is.Not.EqualTo(call), "Step 2: every line off hook has a call of its own (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_call_answers_its_status_and_a_line_with_no_call_has_none_to_act_on(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");

        Assert.That(await WaitFor(exchange.AnswerAsync("100"), "AnswerAsync on a dialing call"), Is.EqualTo(new CallStatus(CallState.Dialing, "100", null)),
            "Step 2: a request the state does not allow changes nothing and is answered with the status: nobody rings in Dialing (see README, step 2).");
        Assert.That(await WaitFor(exchange.DialAsync("200", "100"), "DialAsync from idle line 200"), Is.Null,
            "Step 2: an idle line has no call: DialAsync, AnswerAsync and OnHookAsync return null (see README, step 2).");
        Assert.That(await WaitFor(exchange.AnswerAsync("200"), "AnswerAsync at idle line 200"), Is.Null,
            "Step 2: an idle line has no call to answer: null (see README, step 2).");
        Assert.That(await WaitFor(exchange.OnHookAsync("200"), "OnHookAsync at idle line 200"), Is.Null,
            "Step 2: an idle line has no call to hang up: null (see README, step 2).");
        Assert.That(await CallAsync(exchange, call), Is.EqualTo(new CallStatus(CallState.Dialing, "100", null)), "Step 2: the call is still dialing (see README, step 2).");
    }
}
