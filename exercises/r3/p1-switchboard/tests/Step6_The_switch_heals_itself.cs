using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Tests;

/// <summary>Step 6: a crashed line is restarted idle and its calls notice; the rest of the switch goes on; too many crashes escalate.</summary>
public sealed class Step6_The_switch_heals_itself : SwitchTest
{
    protected override int Step => 6;

    [Test]
    [CancelAfter(10_000)]
    [TestCase("100")]
    [TestCase("200")]
    public async Task A_crashed_line_is_restarted_idle_and_its_call_ends_freeing_the_other_line(string crashing, CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var other = crashing == "100" ? "200" : "100";
        var old = exchange.WhereIs(crashing)!;
        var down = Watching(call);

        Node.Exit(old, new Atom("fault"));
        await ExitOf(old, $"line {crashing}, sent an exit signal");

        Assert.That(await ExitReasonAsync(down, "the call whose line crashed"), Is.EqualTo(ExitReason.Normal),
            "Step 6: the call monitors both lines: the DOWN of one ends it, normally (see README, step 6).");
        await ExpectIdleAsync(exchange, other, "the call released the surviving line before it stopped");
        await LineChildrenAsync(exchange); // answered once the lines supervisor has handled the EXIT and restarted the line
        var fresh = exchange.WhereIs(crashing);
        Assert.That(fresh, Is.Not.Null.And.Not.EqualTo(old), "Step 6: the lines supervisor restarted the line: a new process under the same number (see README, step 6).");
        await ExpectIdleAsync(exchange, crashing, "a restarted line starts idle");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_ringing_line_that_crashes_ends_the_call_ringing_it(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");
        var callee = exchange.WhereIs("200")!;

        Node.Exit(callee, ExitReason.Kill);

        await ExitOf(call, "the call whose callee's line was killed while ringing");
        await ExpectIdleAsync(exchange, "100", "the call released the caller's line before it stopped");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_line_crash_touches_no_other_line_or_call(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var doomed = await ConnectAsync(exchange, "100", "200");
        var safe = await ConnectAsync(exchange, "300", "400");
        var others = new[] { "300", "400", "500", "600" }.Select(n => exchange.WhereIs(n)).ToList();
        var crashed = exchange.WhereIs("100")!;

        Node.Exit(crashed, new Atom("fault"));
        await ExitOf(doomed, "the call of the crashed line");
        await LineChildrenAsync(exchange);

        Assert.That(new[] { "300", "400", "500", "600" }.Select(n => exchange.WhereIs(n)), Is.EqualTo(others),
            "Step 6: one-for-one: the other lines were not restarted (see README, step 6).");
        Assert.That(await CallAsync(exchange, safe), Is.EqualTo(new CallStatus(CallState.Connected, "300", "400")),
            "Step 6: the other call goes on talking (see README, step 6).");
        var healed = await ConnectAsync(exchange, "100", "200");
        Assert.That(await CallAsync(exchange, healed), Is.EqualTo(new CallStatus(CallState.Connected, "100", "200")),
            "Step 6: the restarted line calls and the freed one answers: the switch healed (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Five_line_crashes_within_ten_seconds_are_restarted_one_by_one(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var lines = await WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Supervisor), "the root's children");
        var linesSupervisor = lines.Single(c => c.Id.Equals("lines")).Pid!;
        var safe = await ConnectAsync(exchange, "500", "600");

        for (var crash = 0; crash < LinesSupervisor.MaxRestarts; crash++)
        {
            var line = exchange.WhereIs(Numbers[crash % 4])!;
            Node.Exit(line, new Atom("fault"));
            await ExitOf(line, $"line {Numbers[crash % 4]} (crash {crash + 1})");
            await LineChildrenAsync(exchange);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(Node.IsAlive(linesSupervisor), Is.True,
            $"Step 6: {LinesSupervisor.MaxRestarts} restarts within {LinesSupervisor.MaxTime.TotalSeconds} s are allowed (see README, step 6).");
        Assert.That(await CallAsync(exchange, safe), Is.EqualTo(new CallStatus(CallState.Connected, "500", "600")),
            "Step 6: a call whose lines never crashed stays connected (see README, step 6).");
        Assert.That(LinesSupervisor.MaxRestarts, Is.EqualTo(5), "Step 6: the lines supervisor allows 5 restarts (see README, step 6).");
        Assert.That(LinesSupervisor.MaxTime, Is.EqualTo(TimeSpan.FromSeconds(10)), "Step 6: ... within 10 s (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task One_crash_too_many_and_the_lines_supervisor_gives_up_and_the_root_starts_it_again(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var children = await WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Supervisor), "the root's children");
        var linesSupervisor = children.Single(c => c.Id.Equals("lines")).Pid!;
        var callsSupervisor = children.Single(c => c.Id.Equals("calls")).Pid!;
        var call = await ConnectAsync(exchange, "500", "600");
        var supervisorDown = Watching(linesSupervisor);

        for (var crash = 0; crash <= LinesSupervisor.MaxRestarts; crash++)
        {
            var line = exchange.WhereIs(Numbers[crash % 4])!;
            Node.Exit(line, new Atom("fault"));
            await ExitOf(line, $"line {Numbers[crash % 4]} (crash {crash + 1})");
            if (crash < LinesSupervisor.MaxRestarts)
            {
                await LineChildrenAsync(exchange);
            }
        }

        Assert.That(await ExitReasonAsync(supervisorDown, "the lines supervisor, after one crash more than it allows"), Is.EqualTo(ExitReason.Shutdown),
            "Step 6: the sixth restart within 10 s is one too many: the lines supervisor stops its lines and exits with shutdown (see README, step 6).");
        await ExitOf(call, "the call, whose lines the giving-up supervisor stopped");
        var now = await WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Supervisor), "the root's children after the escalation");
        Assert.That(now.Single(c => c.Id.Equals("lines")).Pid, Is.Not.Null.And.Not.EqualTo(linesSupervisor),
            "Step 6: the root restarted the lines supervisor, with every line fresh (see README, step 6).");
        Assert.That(now.Single(c => c.Id.Equals("calls")).Pid, Is.EqualTo(callsSupervisor),
            "Step 6: one-for-one at the root: the calls supervisor was not touched (see README, step 6).");
        foreach (var number in Numbers)
        {
            await ExpectIdleAsync(exchange, number, "every line started again");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_calls_supervisor_ends_every_call_and_frees_every_line(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var calls = new[] { await ConnectAsync(exchange, "100", "200"), await ConnectAsync(exchange, "300", "400"), await OffHookAsync(exchange, "500") };
        var lines = Numbers.Select(n => exchange.WhereIs(n)).ToList();
        var callsSupervisor = exchange.Config.Calls.WhereIs(Node)!;

        Node.Exit(callsSupervisor, ExitReason.Kill); // a supervisor traps exits: only kill ends it from outside
        foreach (var call in calls)
        {
            await ExitOf(call, "a call of the crashed calls supervisor (linked to it)");
        }

        foreach (var number in Numbers)
        {
            await ExpectIdleAsync(exchange, number, "its call died with the calls supervisor");
        }

        Assert.That(Numbers.Select(n => exchange.WhereIs(n)), Is.EqualTo(lines), "Step 6: the lines lived on: nothing to restart there (see README, step 6).");
        await ExitOf(callsSupervisor, "the calls supervisor, killed");
        await WaitFor(Otp.Supervisor.WhichChildrenAsync(Node, exchange.Supervisor), "the root's children (answered once it has restarted the calls supervisor)");
        var healed = await ConnectAsync(exchange, "600", "100");
        Assert.That(await CallAsync(exchange, healed), Is.EqualTo(new CallStatus(CallState.Connected, "600", "100")),
            "Step 6: the root restarted the calls supervisor under its name: new calls start at once (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_call_whose_line_died_releases_the_other_line_itself(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var caller = await WaitFor(GenServer.StartAsync(Node, new RecordingLine(), exchange.Config.LineName("800")), "a recording line 800");
        var callee = await WaitFor(GenServer.StartAsync(Node, new RecordingLine(), exchange.Config.LineName("900")), "a recording line 900");
        var call = await WaitFor(StateMachine.StartAsync(Node, new Call("800", caller, exchange.Config)), "a call from 800, started by hand");
        await WaitFor(StateMachine.CallAsync<CallStatus>(Node, call, new Dial("900")), "the call dialling 900");

        Node.Exit(callee, ExitReason.Kill);
        await ExitOf(call, "the call whose callee's line was killed");

        Assert.That(await WaitFor(GenServer.CallAsync<System.Collections.Generic.List<object>>(Node, caller, "seen"), "what line 800 was asked"),
            Is.EqualTo(new object[] { new Release(call) }),
            "Step 6: on the DOWN of one line, the call releases the other (a recording line does not monitor, so only Release frees it) (see README, step 6).");
    }
}
