using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

/// <summary>Every call request in every call state.</summary>
public sealed class CallSuite : HiddenSwitch
{
    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 2)]
    public async Task In_dialing_only_dial_and_hang_up_do_anything(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        var dialing = new CallStatus(CallState.Dialing, "100", null);

        Assert.That(await AskCallAsync(call, new Answer("100")), Is.EqualTo(dialing), "Answer in Dialing changes nothing (see README, step 2).");
        Assert.That(await AskCallAsync(call, new Answer("200")), Is.EqualTo(dialing), "Step 2: an answer from a line the call does not ring should change nothing in Dialing");
        Assert.That(await AskCallAsync(call, new HangUp("200")), Is.EqualTo(dialing), "only a party hangs up (see README, step 4).");
        Assert.That(await AskCallAsync(call, "something else"), Is.EqualTo(dialing), "any other call is answered with the status (see README, step 2).");
        Assert.That(await AskCallAsync(call, new GetCallStatus()), Is.EqualTo(dialing), "Step 2: GetCallStatus should be answered with the call's status");
        Assert.That(await AskCallAsync(call, new HangUp("100")), Is.EqualTo(dialing with { State = CallState.HungUp }), "Step 2: the caller's hang-up should end the call, replying its status in HungUp (see README, step 4)");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task In_ringing_dial_a_stranger_s_answer_or_hang_up_change_nothing(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await RingAsync(exchange, "100", "200");
        var ringing = new CallStatus(CallState.Ringing, "100", "200");

        Assert.That(await AskCallAsync(call, new Dial("300")), Is.EqualTo(ringing), "a second dial changes nothing (see README, step 3).");
        Assert.That(await AskCallAsync(call, new Answer("300")), Is.EqualTo(ringing), "only the callee answers (see README, step 4).");
        Assert.That(await AskCallAsync(call, new HangUp("300")), Is.EqualTo(ringing), "only a party hangs up (see README, step 4).");
        await ExpectIdleAsync(exchange, "300", "it was never rung");
        await ExpectInCallAsync(exchange, "200", LineState.Ringing, call, "still ringing");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task In_busy_nothing_but_a_hang_up_by_the_caller_matters_and_there_is_no_time_out(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        await OffHookAsync(exchange, "200");
        var call = await OffHookAsync(exchange, "100");
        var busy = await WaitFor(exchange.DialAsync("100", "200"), "100 dialling engaged 200");
        Assert.That(busy, Is.EqualTo(new CallStatus(CallState.Busy, "100", "200")), "Step 4: dialling an engaged line should give Busy (see README, step 3)");

        Assert.That(await AskCallAsync(call, new Dial("300")), Is.EqualTo(busy), "no second dial from Busy (see README, step 3).");
        Assert.That(await AskCallAsync(call, new Answer("200")), Is.EqualTo(busy), "a busy call cannot be answered (see README, step 4).");
        Clock.Advance(RingTimeout * 3);
        Assert.That(await AskCallAsync(call, new GetCallStatus()), Is.EqualTo(busy), "Busy has no time-out (see README, step 4).");
        Assert.That(Node.GetInfo(call)!.Monitors, Does.Not.Contain(exchange.WhereIs("200")), "a busy call does not watch the line it could not ring (see README, step 3).");
        var down = Inbox.Monitor(call);
        Assert.That(await AskCallAsync(call, new HangUp("200")), Is.EqualTo(busy! with { State = CallState.HungUp }),
            "the number dialled is a party too: its hang-up ends the call (see README, step 4).");
        Assert.That(await ExitReasonAsync(down, "the busy call"), Is.EqualTo(ExitReason.Normal), "Step 4: a call ended by a hang-up should stop with reason normal");
        await ExpectIdleAsync(exchange, "100", "its call ended");
        Assert.That((await LineAsync(exchange, "200")).State, Is.EqualTo(LineState.Engaged),
            "releasing a line that is another call's changes nothing (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task In_connected_dial_and_answer_change_nothing_and_a_stranger_cannot_hang_up(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var connected = new CallStatus(CallState.Connected, "100", "200");

        Assert.That(await AskCallAsync(call, new Dial("300")), Is.EqualTo(connected), "Step 4: a dial in Connected should change nothing");
        Assert.That(await AskCallAsync(call, new Answer("200")), Is.EqualTo(connected), "Step 4: an answer in Connected should change nothing");
        Assert.That(await AskCallAsync(call, new HangUp("300")), Is.EqualTo(connected), "Step 4: a hang-up from a line that is no party should change nothing in Connected");
        Assert.That(await WaitFor(exchange.OnHookAsync("300"), "a hang-up at idle 300"), Is.Null, "Step 4: OnHookAsync on a line with no call should give null");
        await ExpectInCallAsync(exchange, "100", LineState.Engaged, call, "still engaged");
        await ExpectInCallAsync(exchange, "200", LineState.Engaged, call, "still engaged");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task A_caller_who_hangs_up_while_ringing_stops_the_ringing(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await RingAsync(exchange, "100", "200");
        var down = Inbox.Monitor(call);

        Assert.That(await WaitFor(exchange.OnHookAsync("100"), "the caller hanging up"), Is.EqualTo(new CallStatus(CallState.HungUp, "100", "200")), "Step 4: the caller's hang-up while ringing should end the call, replying its status in HungUp");
        await ExpectIdleAsync(exchange, "200", "the call released the line it rang (see README, step 4)");
        await ExpectIdleAsync(exchange, "100", "its call is over");
        Assert.That(await ExitReasonAsync(down, "the call"), Is.EqualTo(ExitReason.Normal), "Step 4: a hung-up call should stop with reason normal");
        Assert.That(await ActiveCallsAsync(exchange), Is.Zero, "a call that ended is gone from its supervisor (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task The_ring_time_out_counts_from_the_dial_to_the_tick(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        Clock.Advance(TimeSpan.FromSeconds(7)); // the time-out counts from the dial, not from the off-hook
        var call = await OffHookAsync(exchange, "100");
        Clock.Advance(TimeSpan.FromSeconds(11));
        await WaitFor(exchange.DialAsync("100", "200"), "the dial");
        var down = Inbox.Monitor(call);

        Clock.Advance(RingTimeout - TimeSpan.FromTicks(1));
        Assert.That(await AskCallAsync(call, new GetCallStatus()), Is.EqualTo(new CallStatus(CallState.Ringing, "100", "200")), "a tick early (see README, step 4).");
        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.That(await ExitReasonAsync(down, "the unanswered call"), Is.EqualTo(ExitReason.Normal), "the ring time-out (see README, step 4).");
        await ExpectIdleAsync(exchange, "100", "the time-out released it");
        await ExpectIdleAsync(exchange, "200", "the time-out released it");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Status_requests_do_not_restart_the_ring_time_out(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await RingAsync(exchange, "100", "200");
        var down = Inbox.Monitor(call);

        for (var i = 0; i < 5; i++)
        {
            Clock.Advance(RingTimeout / 6);
            await AskCallAsync(call, new GetCallStatus());
            await AskCallAsync(call, new Dial("300"));
        }

        Clock.Advance(RingTimeout / 6);
        Assert.That(await ExitReasonAsync(down, "the call, rung for the whole ring time-out"), Is.EqualTo(ExitReason.Normal),
            "the ring time-out is a state time-out: other events do not restart it (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Unanswered_calls_time_out_and_answered_ones_stay(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var numbers = NumbersFrom(100, 40);
        var exchange = await StartSwitchAsync(numbers);
        var calls = Enumerable.Range(0, 20).Select(i => (caller: numbers[2 * i], callee: numbers[2 * i + 1], answered: random.Next(2) == 0)).ToList();
        var pids = new Pid[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            pids[i] = calls[i].answered ? await ConnectAsync(exchange, calls[i].caller, calls[i].callee) : await RingAsync(exchange, calls[i].caller, calls[i].callee);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Clock.Advance(RingTimeout);

        for (var i = 0; i < calls.Count; i++)
        {
            if (calls[i].answered)
            {
                Assert.That(await AskCallAsync(pids[i], new GetCallStatus()), Is.EqualTo(new CallStatus(CallState.Connected, calls[i].caller, calls[i].callee)), $"Step 4: answered call {i} should stay connected past the ring time-out: leaving Ringing cancels it");
                await ExpectInCallAsync(exchange, calls[i].callee, LineState.Engaged, pids[i], "answered");
            }
            else
            {
                await ExitOf(pids[i], $"unanswered call {i}");
                await ExpectIdleAsync(exchange, calls[i].caller, "its call timed out");
                await ExpectIdleAsync(exchange, calls[i].callee, "the call ringing it timed out");
            }
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task Many_callers_dialling_one_line_at_once_ring_it_once(CancellationToken cancellationToken)
    {
        var numbers = NumbersFrom(100, 30);
        var exchange = await StartSwitchAsync(numbers);
        var callers = numbers.Skip(1).ToArray();
        foreach (var caller in callers)
        {
            await OffHookAsync(exchange, caller);
        }

        var replies = await WaitFor(Task.WhenAll(callers.Select(c => exchange.DialAsync(c, numbers[0]))), "everyone dialling 100 at once");

        Assert.That(replies.Count(r => r!.State == CallState.Ringing), Is.EqualTo(1), "the line decides: it rings for one call only (see README, step 3).");
        Assert.That(replies.Count(r => r!.State == CallState.Busy), Is.EqualTo(callers.Length - 1), "the others hear busy (see README, step 3).");
        var winner = callers[Array.FindIndex(replies, r => r!.State == CallState.Ringing)];
        var status = await LineAsync(exchange, numbers[0]);
        Assert.That(status.Call, Is.EqualTo((await LineAsync(exchange, winner)).Call), "the line rings for the call that got Ringing.");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Many_pairs_connect_and_hang_up_at_once(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var numbers = NumbersFrom(100, 60).OrderBy(_ => random.Next()).ToArray();
        var exchange = await StartSwitchAsync(numbers);
        var pairs = Enumerable.Range(0, 30).Select(i => (numbers[2 * i], numbers[2 * i + 1])).ToArray();

        var calls = await WaitFor(Task.WhenAll(pairs.Select(p => ConnectAsync(exchange, p.Item1, p.Item2))), "30 calls connecting at once");
        Assert.That(await ActiveCallsAsync(exchange), Is.EqualTo(30), "Step 4: thirty pairs connecting at once should make thirty calls under the calls supervisor");
        var hangUps = await WaitFor(Task.WhenAll(pairs.Select(p => exchange.OnHookAsync(random.Next(2) == 0 ? p.Item1 : p.Item2))), "30 hang-ups at once");
        Assert.That(hangUps.Select(h => h!.State), Has.All.EqualTo(CallState.HungUp), "Step 4: every hang-up should reply its call's status in HungUp");
        foreach (var number in numbers)
        {
            await ExpectIdleAsync(exchange, number, "every call hung up");
        }

        foreach (var call in calls)
        {
            await ExitOf(call, "a hung-up call");
        }
    }
}
