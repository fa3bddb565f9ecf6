using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

/// <summary>Every line request in every line state, sent raw as a call would send it.</summary>
public sealed class LineSuite : HiddenSwitch
{
    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task An_idle_line_rings_for_the_first_call_only_and_monitors_it(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var (a, b) = (FakeCall(), FakeCall());

        Assert.That(await AskLineAsync<bool>(exchange, "100", new Ring(a)), Is.True, "an idle line rings (see README, step 3).");
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Ring(b)), Is.False, "a ringing line says no (see README, step 3).");
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Ring(a)), Is.False, "even to the same call (see README, step 3).");
        await ExpectInCallAsync(exchange, "100", LineState.Ringing, a, "ringing for the first call");
        Assert.That(Node.GetInfo(exchange.WhereIs("100")!)!.Monitors, Does.Contain(a).And.Not.Contain(b), "the line monitors the call it rings for (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Connect_counts_only_from_the_call_the_line_rings_for(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var (a, b) = (FakeCall(), FakeCall());

        Assert.That(await AskLineAsync<bool>(exchange, "100", new Connect(a)), Is.False, "an idle line connects nothing (see README, step 4).");
        await ExpectIdleAsync(exchange, "100", "a refused Connect changes nothing");
        await AskLineAsync<bool>(exchange, "100", new Ring(a));
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Connect(b)), Is.False, "another call cannot connect it (see README, step 4).");
        await ExpectInCallAsync(exchange, "100", LineState.Ringing, a, "still ringing");
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Connect(a)), Is.True, "its own call connects it (see README, step 4).");
        await ExpectInCallAsync(exchange, "100", LineState.Engaged, a, "engaged");
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Connect(a)), Is.False, "an engaged line is not ringing (see README, step 4).");
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Ring(b)), Is.False, "an engaged line does not ring (see README, step 3).");
        await ExpectInCallAsync(exchange, "100", LineState.Engaged, a, "still engaged");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Release_counts_only_from_the_lines_own_call(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var (a, b) = (FakeCall(), FakeCall());

        Assert.That(await AskLineAsync<bool>(exchange, "100", new Release(a)), Is.False, "an idle line has nothing to release (see README, step 4).");
        await AskLineAsync<bool>(exchange, "100", new Ring(a));
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Release(b)), Is.False, "another call cannot release it (see README, step 4).");
        await ExpectInCallAsync(exchange, "100", LineState.Ringing, a, "still ringing");
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Release(a)), Is.True, "its call releases it while ringing (see README, step 4).");
        await ExpectIdleAsync(exchange, "100", "released");
        await AskLineAsync<bool>(exchange, "100", new Ring(b));
        await AskLineAsync<bool>(exchange, "100", new Connect(b));
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Release(b)), Is.True, "and while engaged (see README, step 4).");
        await ExpectIdleAsync(exchange, "100", "released");
        Assert.That(await AskLineAsync<bool>(exchange, "100", new Release(b)), Is.False, "released once (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 2)]
    public async Task Off_hook_on_a_ringing_line_changes_nothing(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var a = FakeCall();
        await AskLineAsync<bool>(exchange, "100", new Ring(a));

        Assert.That(await WaitFor(exchange.OffHookAsync("100"), "off hook while ringing"), Is.EqualTo(new LineStatus("100", LineState.Ringing, a)),
            "a line that is not idle starts no call (see README, step 2).");
        Assert.That(await ActiveCallsAsync(exchange), Is.Zero, "Step 2: off hook on a ringing line should start no call");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task The_DOWN_of_the_call_it_rings_for_frees_the_line_and_a_later_DOWN_frees_nothing(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var (a, b) = (FakeCall(), FakeCall());
        await AskLineAsync<bool>(exchange, "100", new Ring(a));
        await AskLineAsync<bool>(exchange, "100", new Release(a));
        await AskLineAsync<bool>(exchange, "100", new Ring(b));

        Node.Exit(a, ExitReason.Kill);
        await ExitOf(a, "the released call");
        await ExpectInCallAsync(exchange, "100", LineState.Ringing, b, "the DOWN of a released call frees nothing (see README, step 5)");

        Node.Exit(b, ExitReason.Kill);
        await ExitOf(b, "the ringing call");
        await ExpectIdleAsync(exchange, "100", "the DOWN of the call it rang for frees it (see README, step 5)");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task A_line_ignores_casts_and_stray_messages(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var line = exchange.WhereIs("100")!;

        Node.Send(line, new DownMessage(Inbox.Monitor(call), call, ExitReason.Normal) with { Pid = FakeCall() });
        Node.Send(line, 42);
        await ExpectInCallAsync(exchange, "100", LineState.Engaged, call, "stray messages change nothing (see README, step 5)");
        Assert.That(exchange.WhereIs("100"), Is.EqualTo(line), "Step 5: stray messages should not crash the line: it keeps its pid");
    }
}
