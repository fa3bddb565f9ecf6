using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

/// <summary>A call driven against lines that only write down what they are asked: what it tells them, and when.</summary>
public sealed class ProtocolSuite : HiddenSwitch
{
    private async Task<(Exchange Exchange, Pid Call, Pid Caller, Pid Callee)> CallBetweenFakesAsync(bool answer)
    {
        var exchange = await StartSwitchAsync();
        var caller = await WaitFor(GenServer.StartAsync(Node, new FakeLine(), exchange.Config.LineName("800")), "a fake caller line");
        var callee = await WaitFor(GenServer.StartAsync(Node, new FakeLine(), exchange.Config.LineName("900")), "a fake callee line");
        var call = await WaitFor(StateMachine.StartAsync(Node, new Call("800", caller, exchange.Config)), "a call started by hand");
        Assert.That(await AskCallAsync(call, new Dial("900")), Is.EqualTo(new CallStatus(CallState.Ringing, "800", "900")), "a call started by hand between recording lines should go to Ringing when it dials the callee");
        if (answer)
        {
            Assert.That(await AskCallAsync(call, new Answer("900")), Is.EqualTo(new CallStatus(CallState.Connected, "800", "900")), "a call started by hand between recording lines should go to Connected when the callee answers");
        }

        return (exchange, call, caller, callee);
    }

    private Task<List<object>> SeenAsync(Pid line) => WaitFor(GenServer.CallAsync<List<object>>(Node, line, "seen"), "what the fake line was asked");

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task A_call_rings_connects_and_on_hang_up_releases_both_lines_before_it_answers(CancellationToken cancellationToken)
    {
        var (_, call, caller, callee) = await CallBetweenFakesAsync(answer: true);

        Assert.That(await AskCallAsync(call, new HangUp("800")), Is.EqualTo(new CallStatus(CallState.HungUp, "800", "900")), "Step 4: the caller's hang-up should be answered with the call's status in HungUp");

        Assert.That(await SeenAsync(callee), Is.EqualTo(new object[] { new Ring(call), new Connect(call), new Release(call) }),
            "the call rings the callee, connects it on the answer, and releases it on the hang-up, before it answers (see README, steps 3 and 4).");
        Assert.That(await SeenAsync(caller), Is.EqualTo(new object[] { new Release(call) }),
            "the call releases its caller's line too, before it answers the hang-up (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task The_ring_time_out_releases_both_lines(CancellationToken cancellationToken)
    {
        var (_, call, caller, callee) = await CallBetweenFakesAsync(answer: false);

        Clock.Advance(RingTimeout);
        await ExitOf(call, "the unanswered call");

        Assert.That(await SeenAsync(callee), Is.EqualTo(new object[] { new Ring(call), new Release(call) }), "released at the ring time-out (see README, step 4).");
        Assert.That(await SeenAsync(caller), Is.EqualTo(new object[] { new Release(call) }), "released at the ring time-out (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_death_of_one_line_makes_the_call_release_the_other(CancellationToken cancellationToken)
    {
        var (_, call, caller, callee) = await CallBetweenFakesAsync(answer: true);

        Node.Exit(callee, ExitReason.Kill);
        await ExitOf(call, "the call whose callee line was killed");

        Assert.That(await SeenAsync(caller), Is.EqualTo(new object[] { new Release(call) }), "the surviving line is released (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task The_death_of_the_caller_line_makes_the_call_release_the_callee(CancellationToken cancellationToken)
    {
        var (_, call, caller, callee) = await CallBetweenFakesAsync(answer: false);

        Node.Exit(caller, new Atom("fault"));
        await ExitOf(call, "the call whose caller line died");

        Assert.That(await SeenAsync(callee), Is.EqualTo(new object[] { new Ring(call), new Release(call) }), "the surviving line is released (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task A_line_that_crashes_when_rung_gives_busy_and_the_call_lives_on(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        await WaitFor(GenServer.StartAsync(Node, new FakeLine(crashOnRing: true), exchange.Config.LineName("900")), "a faulty line");
        var call = await OffHookAsync(exchange, "100");

        Assert.That(await WaitFor(exchange.DialAsync("100", "900"), "dialling a line that crashes"), Is.EqualTo(new CallStatus(CallState.Busy, "100", "900")),
            "a line that cannot answer Ring is no line to ring: busy (see README, steps 3 and 6).");
        Assert.That(await CallAsync(exchange, call), Is.EqualTo(new CallStatus(CallState.Busy, "100", "900")), "the call did not crash.");
    }

    [Test]
    [Property("Step", 1)]
    public void A_null_node_is_refused_first()
    {
        Assert.That(() => Exchange.StartAsync(null!, [], TimeSpan.Zero), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"),
            "the node is checked before the numbers (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, null!, TimeSpan.Zero), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("numbers"),
            "the numbers are checked before the ring time-out (see README, step 1).");
        Assert.That(() => Exchange.StartAsync(Node, [], TimeSpan.Zero), Throws.ArgumentException.And.Not.TypeOf<ArgumentOutOfRangeException>(),
            "no numbers is refused before the ring time-out is looked at (see README, step 1).");
    }
}
