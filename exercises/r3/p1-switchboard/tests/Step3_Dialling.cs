using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Switchboard.Tests;

/// <summary>Step 3: dialling rings the callee's line, or finds it busy; the call calls the line, never the other way.</summary>
public sealed class Step3_Dialling : SwitchTest
{
    protected override int Step => 3;

    [Test]
    [CancelAfter(10_000)]
    public async Task Dialling_an_idle_line_rings_it(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");

        var dialled = await WaitFor(exchange.DialAsync("100", "200"), "DialAsync(\"100\", \"200\")");

        Assert.That(dialled, Is.EqualTo(new CallStatus(CallState.Ringing, "100", "200")),
            "Step 3: dialling an idle line moves the call to Ringing, with the callee's number (see README, step 3).");
        Assert.That(await LineAsync(exchange, "200"), Is.EqualTo(new LineStatus("200", LineState.Ringing, call)),
            "Step 3: the callee's line rings for that call (the call sent it Ring and it said yes) (see README, step 3).");
        Assert.That(await LineAsync(exchange, "100"), Is.EqualTo(new LineStatus("100", LineState.Engaged, call)),
            "Step 3: the caller's line stays engaged in its call (see README, step 3).");
        var callee = exchange.WhereIs("200")!;
        Assert.That(Node.GetInfo(call)!.Monitors, Does.Contain(callee), "Step 3: the call monitors the callee's line too (see README, step 3).");
        Assert.That(Node.GetInfo(callee)!.Monitors, Does.Contain(call), "Step 3: the ringing line monitors the call (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dialling_an_engaged_or_ringing_line_gives_busy_and_leaves_it_alone(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var first = await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");
        var second = await OffHookAsync(exchange, "300");

        Assert.That(await WaitFor(exchange.DialAsync("300", "200"), "300 dialling 200, which rings"), Is.EqualTo(new CallStatus(CallState.Busy, "300", "200")),
            "Step 3: a ringing line is not idle: the second caller hears busy (see README, step 3).");
        Assert.That(await LineAsync(exchange, "200"), Is.EqualTo(new LineStatus("200", LineState.Ringing, first)),
            "Step 3: the busy line still rings for the first call (see README, step 3).");

        var third = await OffHookAsync(exchange, "400");
        Assert.That(await WaitFor(exchange.DialAsync("400", "100"), "400 dialling 100, which is engaged"), Is.EqualTo(new CallStatus(CallState.Busy, "400", "100")),
            "Step 3: an engaged line gives busy too (see README, step 3).");
        Assert.That(await LineAsync(exchange, "100"), Is.EqualTo(new LineStatus("100", LineState.Engaged, first)),
            "Step 3: the engaged line is left as it was (see README, step 3).");
        Assert.That(await CallAsync(exchange, second), Is.EqualTo(new CallStatus(CallState.Busy, "300", "200")), "Step 3: a busy call stays Busy (see README, step 3).");
        Assert.That(await LineAsync(exchange, "400"), Is.EqualTo(new LineStatus("400", LineState.Engaged, third)),
            "Step 3: the caller hearing busy is still engaged: it must hang up (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dialling_an_unknown_number_or_your_own_gives_busy(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        await OffHookAsync(exchange, "100");
        await OffHookAsync(exchange, "200");

        Assert.That(await WaitFor(exchange.DialAsync("100", "999"), "DialAsync to a number no line has"), Is.EqualTo(new CallStatus(CallState.Busy, "100", "999")),
            "Step 3: a number no line has gives busy (the registry finds no line) (see README, step 3).");
        Assert.That(await WaitFor(exchange.DialAsync("200", "200"), "DialAsync of one's own number"), Is.EqualTo(new CallStatus(CallState.Busy, "200", "200")),
            "Step 3: dialling your own number gives busy (your line is engaged: in this very call) (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Dialling_again_changes_nothing(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        await OffHookAsync(exchange, "100");
        await WaitFor(exchange.DialAsync("100", "200"), "100 dialling 200");

        Assert.That(await WaitFor(exchange.DialAsync("100", "300"), "a second dial while ringing"), Is.EqualTo(new CallStatus(CallState.Ringing, "100", "200")),
            "Step 3: Dial is allowed in Dialing only; while ringing it changes nothing (see README, step 3).");
        Assert.That(await LineAsync(exchange, "300"), Is.EqualTo(new LineStatus("300", LineState.Idle, null)), "Step 3: the second number never rang (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_subscribers_dialling_each_other_at_once_both_hear_busy(CancellationToken cancellationToken)
    {
        var numbers = Enumerable.Range(0, 40).Select(i => $"{1000 + i}").ToArray();
        var exchange = await StartSwitchAsync(numbers);
        for (var round = 0; round < 20; round++)
        {
            var (a, b) = (numbers[2 * round], numbers[2 * round + 1]);
            await OffHookAsync(exchange, a);
            await OffHookAsync(exchange, b);

            var both = await WaitFor(Task.WhenAll(exchange.DialAsync(a, b), exchange.DialAsync(b, a)),
                $"round {round}: {a} and {b} dialling each other at once (a call that waits for a line that waits for a call never ends)");

            Assert.That(both[0]?.State, Is.EqualTo(CallState.Busy), $"Step 3: round {round}: {b} is engaged in its own call: {a} hears busy (see README, step 3).");
            Assert.That(both[1]?.State, Is.EqualTo(CallState.Busy), $"Step 3: round {round}: {a} is engaged in its own call: {b} hears busy (see README, step 3).");
        }
    }
}
