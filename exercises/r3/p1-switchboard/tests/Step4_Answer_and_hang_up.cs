using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Tests;

/// <summary>Step 4: the callee answers and the call is connected; a hang-up or the ring time-out ends it and frees both lines.</summary>
public sealed class Step4_Answer_and_hang_up : SwitchTest
{
    protected override int Step => 4;

    [Test]
    [CancelAfter(10_000)]
    public async Task Answering_a_ringing_line_connects_the_call_and_engages_both_lines(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");

        var answered = await WaitFor(exchange.AnswerAsync("200"), "AnswerAsync(\"200\")");

        Assert.That(answered, Is.EqualTo(new CallStatus(CallState.Connected, "100", "200")), "Step 4: answered, the call is Connected (see README, step 4).");
        Assert.That(await LineAsync(exchange, "200"), Is.EqualTo(new LineStatus("200", LineState.Engaged, call)),
            "Step 4: the callee's line is engaged once it answered (the call sent it Connect) (see README, step 4).");
        Assert.That(await LineAsync(exchange, "100"), Is.EqualTo(new LineStatus("100", LineState.Engaged, call)), "Step 4: the caller's line is still engaged (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Only_the_line_the_call_rings_can_answer(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");

        Assert.That(await WaitFor(exchange.AnswerAsync("100"), "the caller answering its own call"), Is.EqualTo(new CallStatus(CallState.Ringing, "100", "200")),
            "Step 4: Answer counts only from the callee's number; the caller's changes nothing (see README, step 4).");
        Assert.That(await LineAsync(exchange, "200"), Is.EqualTo(new LineStatus("200", LineState.Ringing, call)), "Step 4: the callee's line still rings (see README, step 4).");
        Assert.That(await WaitFor(exchange.AnswerAsync("200"), "the callee answering"), Is.EqualTo(new CallStatus(CallState.Connected, "100", "200")),
            "Step 4: the callee's answer connects (see README, step 4).");
        Assert.That(await WaitFor(exchange.AnswerAsync("200"), "answering again"), Is.EqualTo(new CallStatus(CallState.Connected, "100", "200")),
            "Step 4: answering a connected call changes nothing (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    [TestCase("100")]
    [TestCase("200")]
    public async Task Either_party_hanging_up_ends_the_call_normally_and_frees_both_lines(string party, CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var down = Watching(call);

        var hungUp = await WaitFor(exchange.OnHookAsync(party), $"OnHookAsync(\"{party}\")");

        Assert.That(hungUp, Is.EqualTo(new CallStatus(CallState.HungUp, "100", "200")), "Step 4: the reply to a hang-up is HungUp (see README, step 4).");
        await ExpectIdleAsync(exchange, "100", "the call released both lines before it answered the hang-up");
        await ExpectIdleAsync(exchange, "200", "the call released both lines before it answered the hang-up");
        Assert.That(await ExitReasonAsync(down, "the call, hung up"), Is.EqualTo(ExitReason.Normal), "Step 4: a call that is over stops with reason normal (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Hanging_up_while_dialing_ringing_or_busy_ends_the_call_too(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var dialing = await OffHookAsync(exchange, "100");
        var ringing = await OffHookAsync(exchange, "200");
        await WaitFor(exchange.DialAsync("200", "300"), "200 dialling 300");
        var busy = await OffHookAsync(exchange, "400");
        await WaitFor(exchange.DialAsync("400", "100"), "400 dialling 100");

        foreach (var (number, call, state) in new[] { ("100", dialing, "dialing"), ("300", ringing, "ringing (the callee rejects it)"), ("400", busy, "busy") })
        {
            var down = Watching(call);
            Assert.That((await WaitFor(exchange.OnHookAsync(number), $"{number} hanging up a call that is {state}"))?.State, Is.EqualTo(CallState.HungUp),
                $"Step 4: a hang-up ends a call in any state, here {state} (see README, step 4).");
            Assert.That(await ExitReasonAsync(down, $"the call that was {state}"), Is.EqualTo(ExitReason.Normal), "Step 4: it stops with reason normal (see README, step 4).");
        }

        foreach (var number in new[] { "100", "200", "300", "400" })
        {
            await ExpectIdleAsync(exchange, number, "every call it was part of has ended");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_unanswered_call_ends_at_the_ring_time_out_on_the_node_clock(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");
        var down = Watching(call);

        Clock.Advance(RingTimeout - TimeSpan.FromMilliseconds(1));
        Assert.That(await CallAsync(exchange, call), Is.EqualTo(new CallStatus(CallState.Ringing, "100", "200")),
            "Step 4: a millisecond before the ring time-out the call still rings (see README, step 4).");
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(await ExitReasonAsync(down, "the call, unanswered for the ring time-out"), Is.EqualTo(ExitReason.Normal),
            "Step 4: the ring time-out (a state time-out of Ringing, on the node's clock) ends the call with reason normal (see README, step 4).");
        await ExpectIdleAsync(exchange, "100", "the unanswered call released its lines before it stopped");
        await ExpectIdleAsync(exchange, "200", "the unanswered call released its lines before it stopped");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_connected_call_has_no_ring_time_out(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");
        Clock.Advance(RingTimeout / 2);
        await WaitFor(exchange.AnswerAsync("200"), "200 answering");

        Clock.Advance(RingTimeout * 10);

        Assert.That(await CallAsync(exchange, call), Is.EqualTo(new CallStatus(CallState.Connected, "100", "200")),
            "Step 4: leaving Ringing cancels its state time-out: a connected call talks as long as it likes (see README, step 4).");
        var dialing = await OffHookAsync(exchange, "300");
        Clock.Advance(RingTimeout * 10);
        Assert.That(await CallAsync(exchange, dialing), Is.EqualTo(new CallStatus(CallState.Dialing, "300", null)),
            "Step 4: only Ringing has a time-out; a dialing call waits (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Freed_lines_can_call_again(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var first = await ConnectAsync(exchange, "100", "200");
        await WaitFor(exchange.OnHookAsync("200"), "200 hanging up");

        var second = await ConnectAsync(exchange, "200", "100");

        Assert.That(second, Is.Not.EqualTo(first), "Step 4: every call is a new process (see README, step 4).");
        Assert.That(await CallAsync(exchange, second), Is.EqualTo(new CallStatus(CallState.Connected, "200", "100")),
            "Step 4: a freed line can call and be called again (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_call_tells_the_lines_ring_connect_and_release_before_it_answers_the_hang_up(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        // Two lines that only write down what they are asked, registered under numbers of their own, and a call started
        // by hand between them: what the call tells its lines becomes visible, and when.
        var caller = await WaitFor(GenServer.StartAsync(Node, new RecordingLine(), exchange.Config.LineName("800")), "a recording line 800");
        var callee = await WaitFor(GenServer.StartAsync(Node, new RecordingLine(), exchange.Config.LineName("900")), "a recording line 900");
        var call = await WaitFor(StateMachine.StartAsync(Node, new Call("800", caller, exchange.Config)), "a call from 800, started by hand");

        await WaitFor(StateMachine.CallAsync<CallStatus>(Node, call, new Dial("900")), "the call dialling 900");
        await WaitFor(StateMachine.CallAsync<CallStatus>(Node, call, new Answer("900")), "900 answering");
        var hungUp = await WaitFor(StateMachine.CallAsync<CallStatus>(Node, call, new HangUp("800")), "800 hanging up");

        Assert.That(hungUp, Is.EqualTo(new CallStatus(CallState.HungUp, "800", "900")), "Step 4: a hang-up is answered HungUp (see README, step 4).");
        Assert.That(await WaitFor(GenServer.CallAsync<List<object>>(Node, callee, "seen"), "what line 900 was asked"),
            Is.EqualTo(new object[] { new Ring(call), new Connect(call), new Release(call) }),
            "Step 4: the call sends the callee's line Ring on the dial, Connect on the answer and Release on the hang-up, before it replies (see README, step 4).");
        Assert.That(await WaitFor(GenServer.CallAsync<List<object>>(Node, caller, "seen"), "what line 800 was asked"),
            Is.EqualTo(new object[] { new Release(call) }),
            "Step 4: the call releases the caller's line before it replies to the hang-up, not leaving it to the line's monitor (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_line_says_yes_only_to_its_own_call(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");
        var stranger = await OffHookAsync(exchange, "300");
        var line = exchange.Config.LineName("200");

        Assert.That(await WaitFor(GenServer.CallAsync<bool>(Node, line, new Connect(stranger)), "Connect from another call"), Is.False,
            "Step 4: only the call a line rings for may connect it (see README, step 4).");
        Assert.That(await WaitFor(GenServer.CallAsync<bool>(Node, line, new Release(stranger)), "Release from another call"), Is.False,
            "Step 4: only the line's own call may release it (see README, step 4).");
        Assert.That(await LineAsync(exchange, "200"), Is.EqualTo(new LineStatus("200", LineState.Ringing, call)), "Step 4: refused requests change nothing (see README, step 4).");
        Assert.That(await WaitFor(GenServer.CallAsync<bool>(Node, line, new Connect(call)), "Connect from its own call"), Is.True,
            "Step 4: its own call connects it: true (see README, step 4).");
        Assert.That(await WaitFor(GenServer.CallAsync<bool>(Node, line, new Release(call)), "Release from its own call"), Is.True,
            "Step 4: its own call releases it: true (see README, step 4).");
        Assert.That(await LineAsync(exchange, "200"), Is.EqualTo(LineStatus.IdleLine("200")), "Step 4: released, the line is idle (see README, step 4).");
    }
}
