using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

/// <summary>Monitors, stray messages, simultaneous hang-ups and the client's handle.</summary>
public sealed class MoreSuite : HiddenSwitch
{
    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task The_exchange_holds_its_node_root_and_config(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        Assert.That(exchange.Node, Is.SameAs(Node), "Step 1: the exchange should hold the node it was started on");
        Assert.That(Node.IsAlive(exchange.Supervisor), Is.True, "Step 1: the exchange's root supervisor should be alive");
        Assert.That(exchange.Config.Registry.Kind, Is.EqualTo(RegistryKeys.Unique), "a number names one line (see README, step 1).");
        Assert.That(exchange.Config.RingTimeout, Is.EqualTo(RingTimeout), "Step 1: the config should keep the ring time-out given to StartAsync");
        Assert.That(exchange.WhereIs("100"), Is.EqualTo(exchange.Config.Registry.WhereIsName("100")), "Step 1: WhereIs should find a line's pid in the config's registry");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task WhereIs_follows_a_restarted_line(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        for (var i = 0; i < 3; i++)
        {
            var old = exchange.WhereIs("300")!;
            Node.Exit(old, ExitReason.Kill);
            await ExitOf(old, "line 300");
            await LineChildrenAsync(exchange);
            var fresh = exchange.WhereIs("300");
            Assert.That(fresh, Is.Not.Null.And.Not.EqualTo(old), $"Step 1: after kill {i + 1}, WhereIs should find line 300 under its new pid");
            Assert.That(Node.IsAlive(fresh!), Is.True, $"Step 1: after kill {i + 1}, the pid WhereIs gives for line 300 should be alive");
            await ExpectIdleAsync(exchange, "300", "restarted");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 3)]
    public async Task A_call_watches_its_caller_from_the_start_and_its_callee_from_the_ring(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await OffHookAsync(exchange, "100");
        var (caller, callee) = (exchange.WhereIs("100")!, exchange.WhereIs("200")!);

        Assert.That(Node.GetInfo(call)!.Monitors, Is.EquivalentTo(new[] { caller }), "dialing: the call watches its caller's line only (see README, step 2).");
        await WaitFor(exchange.DialAsync("100", "200"), "the dial");
        Assert.That(Node.GetInfo(call)!.Monitors, Is.EquivalentTo(new[] { caller, callee }), "ringing: both lines (see README, step 3).");
        Assert.That(Node.GetInfo(call)!.Links, Is.EquivalentTo(new[] { exchange.Config.Calls.WhereIs(Node) }), "linked to its supervisor only (see README, step 2).");
        Assert.That(Node.GetInfo(caller)!.Links, Does.Not.Contain(call), "Step 3: the caller's line should not be linked to its call: a line monitors its call");
        Assert.That(Node.GetInfo(callee)!.Links, Does.Not.Contain(call), "Step 3: the callee's line should not be linked to the call ringing it: a line monitors its call");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 6)]
    public async Task A_call_ignores_stray_messages_and_the_DOWNs_of_other_processes(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await ConnectAsync(exchange, "100", "200");
        var stranger = FakeCall();
        Node.Exit(stranger, ExitReason.Kill);
        await ExitOf(stranger, "a stranger");

        Node.Send(call, "hello");
        Node.Send(call, new DownMessage(Inbox.Monitor(stranger), stranger, new Atom("not yours")));
        StateMachine.Cast(Node, call, new HangUp("100"));

        Assert.That(await CallAsync(exchange, call), Is.EqualTo(new CallStatus(CallState.Connected, "100", "200")),
            "only a call (request) hangs up, and only the DOWN of its own lines ends a call (see README, step 6).");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Both_parties_hanging_up_at_once_end_the_call_once(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        for (var round = 0; round < 20; round++)
        {
            var call = await ConnectAsync(exchange, "100", "200");
            var first = exchange.OnHookAsync("100");
            var second = exchange.OnHookAsync("200");
            var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

            Assert.That(outcomes.Count(o => o == "HungUp"), Is.GreaterThanOrEqualTo(1), $"round {round}: at least one hang-up is answered HungUp ({string.Join(", ", outcomes)}).");
            Assert.That(outcomes, Has.All.AnyOf("HungUp", "none", "gone"), $"round {round}: the other finds the call over or gone.");
            await ExitOf(call, $"round {round}: the call");
            await ExpectIdleAsync(exchange, "100", $"round {round}");
            await ExpectIdleAsync(exchange, "200", $"round {round}");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task The_callee_rejecting_a_ringing_call_ends_it_and_the_caller_may_call_again(CancellationToken cancellationToken)
    {
        var exchange = await StartSwitchAsync();
        var call = await RingAsync(exchange, "100", "200");
        var down = Inbox.Monitor(call);

        Assert.That(await WaitFor(exchange.OnHookAsync("200"), "the callee rejecting"), Is.EqualTo(new CallStatus(CallState.HungUp, "100", "200")), "Step 4: the callee's hang-up while ringing should end the call, replying its status in HungUp");
        Assert.That(await ExitReasonAsync(down, "the rejected call"), Is.EqualTo(ExitReason.Normal), "Step 4: a call rejected by its callee should stop with reason normal");
        Assert.That(await ActiveCallsAsync(exchange), Is.Zero, "Step 4: a rejected call should be gone from the calls supervisor");
        var again = await ConnectAsync(exchange, "100", "200");
        Assert.That(again, Is.Not.EqualTo(call), "Step 4: once a rejected call has ended, the caller should be able to make a new call");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task A_chain_of_calls_hands_lines_on_without_leftovers(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var exchange = await StartSwitchAsync();
        var numbers = new[] { "100", "200", "300", "400", "500", "600" };
        for (var i = 0; i < 30; i++)
        {
            var pair = numbers.OrderBy(_ => random.Next()).Take(2).ToArray();
            var call = await ConnectAsync(exchange, pair[0], pair[1]);
            var ender = random.Next(3);
            if (ender == 2)
            {
                Node.Exit(call, new Atom("fault"));
            }
            else
            {
                await WaitFor(exchange.OnHookAsync(pair[ender]), "a hang-up");
            }

            await ExitOf(call, $"call {i}");
            foreach (var n in pair)
            {
                await ExpectIdleAsync(exchange, n, $"call {i} ended");
            }
        }

        Assert.That(await ActiveCallsAsync(exchange), Is.Zero, "Step 5: after thirty calls ended by hang-up or crash, no call should be left under the calls supervisor");
    }

    private static async Task<string> Outcome(Task<CallStatus?> hangUp)
    {
        try
        {
            var status = await hangUp.WaitAsync(TimeSpan.FromSeconds(2));
            return status is null ? "none" : status.State.ToString();
        }
        catch (Exception error) when (error is ProcessExitedException or NoProcessException)
        {
            return "gone";
        }
    }
}
