using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

/// <summary>Faults in every state, and what the tree does about them.</summary>
public sealed class FaultSuite : HiddenSwitch
{
    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task A_caller_line_crashing_while_dialing_or_busy_ends_its_call(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var dialing = await OffHookAsync(exchange, "100");
        await OffHookAsync(exchange, "300");
        var busy = await OffHookAsync(exchange, "200");
        await WaitFor(exchange.DialAsync("200", "300"), "200 dialling engaged 300");
        var (d1, d2) = (Inbox.Monitor(dialing), Inbox.Monitor(busy));

        Node.Exit(exchange.WhereIs("100")!, new Atom("fault"));
        Node.Exit(exchange.WhereIs("200")!, ExitReason.Kill);

        Assert.That(await ExitReasonAsync(d1, "the dialing call"), Is.EqualTo(ExitReason.Normal), "a call whose line died ends normally (see README, step 6).");
        Assert.That(await ExitReasonAsync(d2, "the busy call"), Is.EqualTo(ExitReason.Normal), "a call whose line died ends normally (see README, step 6).");
        await LineChildrenAsync(exchange);
        await ExpectIdleAsync(exchange, "100", "restarted");
        await ExpectIdleAsync(exchange, "200", "restarted");
        Assert.That((await LineAsync(exchange, "300")).State, Is.EqualTo(LineState.Engaged), "the line it could not ring is untouched (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_caller_line_crashing_while_ringing_frees_the_callee(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await RingAsync(exchange, "100", "200");
        var callee = exchange.WhereIs("200");

        Node.Exit(exchange.WhereIs("100")!, new Atom("fault"));
        await ExitOf(call, "the ringing call");
        await ExpectIdleAsync(exchange, "200", "the call released the line it rang before it stopped (see README, step 6)");
        Assert.That(exchange.WhereIs("200"), Is.EqualTo(callee), "the callee's line did not crash.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task Both_lines_of_a_call_crashing_at_once_end_it_and_both_come_back(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var other = await ConnectAsync(exchange, "300", "400");
        var down = Inbox.Monitor(call);

        Node.Exit(exchange.WhereIs("100")!, ExitReason.Kill);
        Node.Exit(exchange.WhereIs("200")!, ExitReason.Kill);

        Assert.That(await ExitReasonAsync(down, "the call of two dead lines"), Is.EqualTo(ExitReason.Normal),
            "releasing a dead line must not crash the call (see README, step 6).");
        await LineChildrenAsync(exchange);
        var again = await ConnectAsync(exchange, "200", "100");
        Assert.That(await CallAsync(exchange, again), Is.EqualTo(new CallStatus(CallState.Connected, "200", "100")), "Step 6: both crashed lines should be restarted idle and able to connect a new call");
        Assert.That(await CallAsync(exchange, other), Is.EqualTo(new CallStatus(CallState.Connected, "300", "400")), "Step 6: a call between other lines should stay connected when two lines crash (one-for-one)");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task A_crashed_busy_call_frees_its_caller_only(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var talking = await ConnectAsync(exchange, "100", "200");
        var busy = await OffHookAsync(exchange, "300");
        await WaitFor(exchange.DialAsync("300", "100"), "300 dialling engaged 100");

        Node.Exit(busy, new Atom("fault"));
        await ExitOf(busy, "the busy call");

        await ExpectIdleAsync(exchange, "300", "its call crashed (see README, step 5)");
        await ExpectInCallAsync(exchange, "100", LineState.Engaged, talking, "not the busy call's line");
        Assert.That(await ActiveCallsAsync(exchange), Is.EqualTo(1), "the crashed call is not restarted (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task Line_crashes_further_apart_than_the_window_never_add_up(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var lines = exchange.Config.Lines.WhereIs(Node);
        var safe = await ConnectAsync(exchange, "500", "600");

        for (var crash = 0; crash < 3 * LinesSupervisor.MaxRestarts; crash++)
        {
            var line = exchange.WhereIs("100")!;
            Node.Exit(line, new Atom("fault"));
            await ExitOf(line, $"line 100, crash {crash}");
            await LineChildrenAsync(exchange);
            Clock.Advance(LinesSupervisor.MaxTime / LinesSupervisor.MaxRestarts + TimeSpan.FromMilliseconds(1));
        }

        Assert.That(exchange.Config.Lines.WhereIs(Node), Is.EqualTo(lines), "restarts spread over time never make the lines supervisor give up (see README, step 6).");
        Assert.That(await CallAsync(exchange, safe), Is.EqualTo(new CallStatus(CallState.Connected, "500", "600")), "Step 6: crashes of line 100 spread over time should leave the call between 500 and 600 connected");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_escalation_ends_every_call_and_the_switch_works_again(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync(NumbersFrom(100, 10));
        var calls = new[] { await ConnectAsync(exchange, "105", "106"), await RingAsync(exchange, "107", "108"), await OffHookAsync(exchange, "109") };
        var lines = exchange.Config.Lines.WhereIs(Node)!;
        var down = Inbox.Monitor(lines);

        for (var crash = 0; crash <= LinesSupervisor.MaxRestarts; crash++)
        {
            var number = (100 + crash % 5).ToString();
            var line = exchange.WhereIs(number)!;
            Node.Exit(line, ExitReason.Kill);
            await ExitOf(line, $"line {number}");
            if (crash < LinesSupervisor.MaxRestarts)
            {
                await LineChildrenAsync(exchange);
            }
        }

        Assert.That(await ExitReasonAsync(down, "the lines supervisor"), Is.EqualTo(ExitReason.Shutdown), "one restart too many (see README, step 6).");
        foreach (var call in calls)
        {
            await ExitOf(call, "a call whose lines were all stopped");
        }

        await RootChildrenAsync(exchange);
        Assert.That(await ActiveCallsAsync(exchange), Is.Zero, "Step 6: once the lines supervisor gives up, every call should have ended");
        var healed = await ConnectAsync(exchange, "100", "109");
        Assert.That(await CallAsync(exchange, healed), Is.EqualTo(new CallStatus(CallState.Connected, "100", "109")), "the switch works again (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_calls_supervisor_killed_twice_is_restarted_twice_apart_in_time(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        for (var round = 0; round < 2; round++)
        {
            var call = await ConnectAsync(exchange, "100", "200");
            var calls = exchange.Config.Calls.WhereIs(Node)!;
            Node.Exit(calls, ExitReason.Kill);
            await ExitOf(call, $"round {round}: the call");
            await ExitOf(calls, $"round {round}: the calls supervisor");
            await RootChildrenAsync(exchange);
            await ExpectIdleAsync(exchange, "100", "its call died with the calls supervisor (see README, step 6)");
            await ExpectIdleAsync(exchange, "200", "its call died with the calls supervisor (see README, step 6)");
            Clock.Advance(TimeSpan.FromSeconds(6)); // past the root's window of one restart in 5 s
        }

        Assert.That(Node.IsAlive(exchange.Supervisor), Is.True, "Step 6: the root should restart the calls supervisor each time, not give up itself");
    }
}
