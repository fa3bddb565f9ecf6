using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Tests;

/// <summary>Step 5: a line monitors its call, so a call that crashes frees its lines, and no other call notices.</summary>
public sealed class Step5_A_crashed_call_frees_its_lines : SwitchTest
{
    protected override int Step => 5;

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_connected_call_frees_both_its_lines(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var lines = (exchange.WhereIs("100"), exchange.WhereIs("200"));

        Node.Exit(call, new Atom("fault"));
        await ExitOf(call, "the call, sent an exit signal");

        // The DOWNs reached the lines when the call died; a status call to a line is answered after its DOWN.
        await ExpectIdleAsync(exchange, "100", "its call crashed, and its monitor told it so");
        await ExpectIdleAsync(exchange, "200", "its call crashed, and its monitor told it so");
        Assert.That((exchange.WhereIs("100"), exchange.WhereIs("200")), Is.EqualTo(lines),
            "Step 5: the lines themselves did not crash: same processes, just idle (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_ringing_or_dialing_call_frees_its_lines_too(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var ringing = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");
        var dialing = await OffHookAsync(exchange, "300");

        Node.Exit(ringing, ExitReason.Kill);
        Node.Exit(dialing, ExitReason.Kill);
        await ExitOf(ringing, "the ringing call, killed");
        await ExitOf(dialing, "the dialing call, killed");

        await ExpectIdleAsync(exchange, "100", "its call was killed");
        await ExpectIdleAsync(exchange, "200", "the call ringing it was killed: the ringing line monitors its call too");
        await ExpectIdleAsync(exchange, "300", "its call was killed");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crashed_call_touches_no_other_call(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var doomed = await ConnectAsync(exchange, "100", "200");
        var other = await ConnectAsync(exchange, "300", "400");

        Node.Exit(doomed, new Atom("fault"));
        await ExitOf(doomed, "the crashed call");

        Assert.That(await CallAsync(exchange, other), Is.EqualTo(new CallStatus(CallState.Connected, "300", "400")),
            "Step 5: another call goes on talking: a call is its own process, and nothing links it to the others (see README, step 5).");
        Assert.That(await LineAsync(exchange, "300"), Is.EqualTo(new LineStatus("300", LineState.Engaged, other)), "Step 5: its lines stay engaged (see README, step 5).");
        Assert.That(await LineAsync(exchange, "400"), Is.EqualTo(new LineStatus("400", LineState.Engaged, other)), "Step 5: its lines stay engaged (see README, step 5).");
        var again = await ConnectAsync(exchange, "200", "100");
        Assert.That(await CallAsync(exchange, again), Is.EqualTo(new CallStatus(CallState.Connected, "200", "100")),
            "Step 5: the freed lines make a new call at once (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_DOWN_of_another_process_changes_nothing_for_a_line(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var stranger = Node.Spawn(_ => Task.CompletedTask);
        await ExitOf(stranger, "a short-lived process");
        var line = exchange.WhereIs("100")!;

        Node.Send(line, new DownMessage(Node.CreateInbox().Monitor(stranger), stranger, new Atom("not yours")));
        Node.Send(line, "hello");

        Assert.That(await LineAsync(exchange, "100"), Is.EqualTo(new LineStatus("100", LineState.Engaged, call)),
            "Step 5: only the DOWN of the line's own call frees it; other messages change nothing (see README, step 5).");
        Assert.That(exchange.WhereIs("100"), Is.EqualTo(line), "Step 5: a stray message does not crash a line (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_line_released_by_a_call_is_not_freed_again_by_its_late_DOWN(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var first = await ConnectAsync(exchange, "100", "200");
        await WaitFor(exchange.OnHookAsync("100"), "100 hanging up");
        var second = await ConnectAsync(exchange, "100", "300");
        await ExitOf(first, "the first call");

        Assert.That(await LineAsync(exchange, "100"), Is.EqualTo(new LineStatus("100", LineState.Engaged, second)),
            "Step 5: the DOWN of a call the line no longer belongs to frees nothing: match the DOWN's pid with the current call (see README, step 5).");
    }
}
