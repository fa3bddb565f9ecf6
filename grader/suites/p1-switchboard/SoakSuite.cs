using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Switchboard.Hidden;

/// <summary>
/// Many lines and calls, random faults: after each round every call no fault touched is still connected, every line a
/// fault touched is idle (restarted if it was the one that crashed), and the freed lines call each other again.
/// Deterministic given the seed: faults are chosen by it, and every wait is on an exit or a reply.
/// </summary>
[Property("Step", 6)]
public sealed class SoakSuite : HiddenSwitch
{
    private sealed record Live(Pid Call, string Caller, string Callee, CallState State);

    [Test]
    [CancelAfter(20_000)]
    [Repeat(3)]
    public async Task Random_faults_end_only_the_calls_they_touch_and_the_switch_heals(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var numbers = NumbersFrom(1000, 80).OrderBy(_ => random.Next()).ToArray();
        var exchange = await StartSwitchAsync(numbers);
        var live = new List<Live>();
        var free = new Queue<string>(numbers);

        for (var round = 0; round < 4; round++)
        {
            await FillAsync(exchange, random, free, live, round);

            // Faults: some calls crash, some lines crash (fewer than the lines supervisor tolerates within its window).
            var crashedCalls = live.Where(_ => random.Next(6) == 0).ToList();
            var engaged = live.SelectMany(l => l.State == CallState.Connected ? new[] { l.Caller, l.Callee } : new[] { l.Caller }).ToList();
            var crashedLines = engaged.OrderBy(_ => random.Next()).Take(random.Next(0, LinesSupervisor.MaxRestarts + 1)).ToHashSet();
            var oldPids = crashedLines.ToDictionary(n => n, n => exchange.WhereIs(n)!);
            TestContext.Out.WriteLine($"round {round}: {live.Count} calls; crashing {crashedCalls.Count} calls and lines {string.Join(", ", crashedLines)}");

            foreach (var fault in crashedCalls.Select(c => c.Call).Concat(oldPids.Values).OrderBy(_ => random.Next()))
            {
                Node.Exit(fault, random.Next(2) == 0 ? ExitReason.Kill : new Atom("fault"));
            }

            var touched = live.Where(l => crashedCalls.Contains(l) || crashedLines.Contains(l.Caller) || (l.State == CallState.Connected && crashedLines.Contains(l.Callee))).ToList();
            foreach (var call in touched)
            {
                await ExitOf(call.Call, $"round {round}: call {call.Caller}->{call.Callee}, touched by a fault");
            }

            foreach (var pid in oldPids.Values)
            {
                await ExitOf(pid, $"round {round}: a crashed line");
            }

            await LineChildrenAsync(exchange); // answered once every restart is done

            foreach (var call in live.Except(touched))
            {
                Assert.That(await CallAsync(exchange, call.Call), Is.EqualTo(new CallStatus(call.State, call.Caller, call.State == CallState.Dialing ? null : call.Callee)),
                    $"round {round}: call {call.Caller}->{call.Callee} was touched by no fault: it goes on (see README, steps 5 and 6).");
                await ExpectInCallAsync(exchange, call.Caller, LineState.Engaged, call.Call, $"round {round}: its call goes on");
                if (call.State == CallState.Connected)
                {
                    await ExpectInCallAsync(exchange, call.Callee, LineState.Engaged, call.Call, $"round {round}: its call goes on");
                }
            }

            foreach (var call in touched)
            {
                var mine = call.State == CallState.Connected ? new[] { call.Caller, call.Callee } : new[] { call.Caller };
                foreach (var number in mine)
                {
                    await ExpectIdleAsync(exchange, number, $"round {round}: its call ended by a fault (see README, steps 5 and 6)");
                    free.Enqueue(number);
                }
            }

            foreach (var (number, old) in oldPids)
            {
                Assert.That(exchange.WhereIs(number), Is.Not.Null.And.Not.EqualTo(old), $"round {round}: line {number} crashed and was restarted (see README, step 6).");
            }

            live.RemoveAll(touched.Contains);
            Clock.Advance(LinesSupervisor.MaxTime + TimeSpan.FromSeconds(1)); // a new window for the next round's crashes
        }

        Assert.That(await ActiveCallsAsync(exchange), Is.EqualTo(live.Count), "the calls supervisor holds exactly the live calls.");
        Assert.That(Node.IsAlive(exchange.Config.Lines.WhereIs(Node)!), Is.True, "Step 6: after every round of crashes the lines supervisor should be alive under its name");
    }

    /// <summary>Pairs up free lines into connected calls, and leaves a few calls dialing or busy.</summary>
    private async Task FillAsync(Exchange exchange, Random random, Queue<string> free, List<Live> live, int round)
    {
        while (free.Count >= 2)
        {
            var caller = free.Dequeue();
            switch (random.Next(8))
            {
                case 0:
                    live.Add(new Live(await OffHookAsync(exchange, caller), caller, "", CallState.Dialing));
                    break;
                case 1 when live.Count > 0:
                    var engaged = live[random.Next(live.Count)].Caller;
                    var call = await OffHookAsync(exchange, caller);
                    Assert.That((await WaitFor(exchange.DialAsync(caller, engaged), $"round {round}: dialling engaged {engaged}"))!.State, Is.EqualTo(CallState.Busy), $"Step 6: round {round}: dialling {engaged}, a line already in a call, should give Busy");
                    live.Add(new Live(call, caller, engaged, CallState.Busy));
                    break;
                default:
                    var callee = free.Dequeue();
                    live.Add(new Live(await ConnectAsync(exchange, caller, callee), caller, callee, CallState.Connected));
                    break;
            }
        }
    }
}
