using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Tests;

/// <summary>Step 4: a quota shared by every fetch, held by an agent; a read then a write races, one request does not.</summary>
public sealed class Step4_An_agent_for_shared_state : NodeFixture
{
    [Test]
    [CancelAfter(10_000)]
    public async Task The_quota_lives_in_an_agent_process_that_holds_the_units_left()
    {
        var quota = await Wait.For(Quota.StartAsync(Node, 3), "Quota.StartAsync to start the agent", 4);

        Assert.That(Node.GetInfo(quota.Pid)?.Behaviour, Is.EqualTo("agent"),
            "Step 4: Quota.Pid should be an agent's process (Agent.StartAsync) (see README, step 4).");
        Assert.That(await Wait.For(quota.RemainingAsync(), "RemainingAsync", 4), Is.EqualTo(3),
            "Step 4: a new quota has the units it was started with (see README, step 4).");
        Assert.That(await Wait.For(Agent.GetAsync(Node, quota.Pid, (int left) => left), "the agent's value", 4), Is.EqualTo(3),
            "Step 4: the agent's value is an int, the units left (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TryTake_takes_one_unit_while_any_is_left_then_refuses()
    {
        var quota = await Wait.For(Quota.StartAsync(Node, 2), "Quota.StartAsync to start the agent", 4);

        var takes = new[]
        {
            await Wait.For(quota.TryTakeAsync(), "the first TryTakeAsync", 4),
            await Wait.For(quota.TryTakeAsync(), "the second TryTakeAsync", 4),
            await Wait.For(quota.TryTakeAsync(), "the third TryTakeAsync", 4),
        };

        Assert.That(takes, Is.EqualTo(new[] { true, true, false }),
            "Step 4: with 2 units, the first two takes succeed and the third is refused (see README, step 4).");
        Assert.That(await Wait.For(quota.RemainingAsync(), "RemainingAsync", 4), Is.Zero,
            "Step 4: a refused take leaves the quota at zero, never below (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Refill_adds_units_to_what_is_left()
    {
        var quota = await Wait.For(Quota.StartAsync(Node, 1), "Quota.StartAsync to start the agent", 4);
        await Wait.For(quota.TryTakeAsync(), "TryTakeAsync", 4);

        await Wait.For(quota.RefillAsync(2), "RefillAsync", 4);
        await Wait.For(quota.RefillAsync(3), "RefillAsync", 4);

        Assert.That(await Wait.For(quota.RemainingAsync(), "RemainingAsync", 4), Is.EqualTo(5),
            "Step 4: 1 unit, one taken, then refills of 2 and 3 leave 5 (see README, step 4).");
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => quota.RefillAsync(-1),
            "Step 4: a negative refill is refused at once, before the agent is asked (see README, step 4).");
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Quota.StartAsync(Node, -1),
            "Step 4: a quota cannot start with a negative number of units (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StopAsync_stops_the_agent()
    {
        var quota = await Wait.For(Quota.StartAsync(Node, 1), "Quota.StartAsync to start the agent", 4);

        await Wait.For(quota.StopAsync(), "StopAsync to return once the agent had exited", 4);

        Assert.That(Node.IsAlive(quota.Pid), Is.False, "Step 4: once StopAsync has returned, the agent's process is gone (Agent.StopAsync) (see README, step 4).");
        Assert.ThrowsAsync<NoProcessException>(() => quota.RemainingAsync(),
            "Step 4: asking a stopped quota fails with NoProcessException, as any call to a dead process does (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Get_then_update_from_two_clients_loses_a_take()
    {
        // The race, played out step by step. Two clients each want the last unit and each does it in two requests:
        // read what is left, then, if it was more than zero, write back one less.
        var quota = await Wait.For(Quota.StartAsync(Node, 1), "Quota.StartAsync to start the agent", 4);

        var seenByA = await Wait.For(quota.RemainingAsync(), "client A's read", 4);
        var seenByB = await Wait.For(quota.RemainingAsync(), "client B's read", 4); // B reads before A has written
        if (seenByA > 0)
        {
            await Wait.For(Agent.UpdateAsync(Node, quota.Pid, (int _) => seenByA - 1), "client A's write", 4);
        }

        if (seenByB > 0)
        {
            await Wait.For(Agent.UpdateAsync(Node, quota.Pid, (int _) => seenByB - 1), "client B's write", 4);
        }

        Assert.That((seenByA, seenByB), Is.EqualTo((1, 1)), "Step 4: both clients read one unit left, so both went on to take it (see README, step 4).");
        Assert.That(await Wait.For(quota.RemainingAsync(), "RemainingAsync", 4), Is.Zero,
            "Step 4: two units were taken from a quota of one, and the quota says 0, not -1: B's write replaced A's, and a take was lost. This is why TryTakeAsync must be one request (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TryTake_is_one_request_so_two_clients_cannot_both_take_the_last_unit()
    {
        var quota = await Wait.For(Quota.StartAsync(Node, 1), "Quota.StartAsync to start the agent", 4);

        // Hold the agent inside a function of the test's, so that both clients' requests wait in its mailbox together:
        // the interleaving that broke the get-then-update above.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Agent.Cast(Node, quota.Pid, (int left) =>
        {
            held.TrySetResult();
            release.Task.Wait(Wait.Limit); // bounded, so that a failing test cannot hold the agent for ever
            return left;
        });
        Task<bool> a, b;
        try
        {
            await Wait.For(held.Task, "the agent to run the test's holding function", 4);
            a = quota.TryTakeAsync(); // client A
            b = quota.TryTakeAsync(); // client B
            Assert.That(Node.GetInfo(quota.Pid)?.MessageQueueLength, Is.EqualTo(2),
                "Step 4: both clients' requests should be waiting in the agent's mailbox; TryTakeAsync should send its one request at once (see README, step 4).");
        }
        finally
        {
            release.TrySetResult();
        }

        var takes = new[] { await Wait.For(a, "client A's TryTakeAsync", 4), await Wait.For(b, "client B's TryTakeAsync", 4) };
        Assert.That(takes, Is.EqualTo(new[] { true, false }),
            $"Step 4: one unit, two clients: the first request takes it, the second is refused; the takes were [{string.Join(", ", takes)}]. Check and take in one Agent.GetAndUpdateAsync, so that no other request can come between them (see README, step 4).");
        Assert.That(await Wait.For(quota.RemainingAsync(), "RemainingAsync", 4), Is.Zero, "Step 4: the one unit is taken (see README, step 4).");
    }
}
