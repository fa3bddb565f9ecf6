using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Hidden;

/// <summary>Step 4 in depth: the quota agent, its arguments, and many clients at once.</summary>
[Property("Step", 4)]
public sealed class QuotaSuite : HiddenFixture
{
    [Test]
    public void A_null_node_is_refused()
    {
        Assert.ThrowsAsync<ArgumentNullException>(() => Quota.StartAsync(null!, 1), "Step 4: Quota.StartAsync refuses a null node with ArgumentNullException.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_negative_start_is_refused_before_any_process_starts()
    {
        var before = Node.ProcessCount;

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Quota.StartAsync(Node, -1 - TestContext.CurrentContext.Random.Next(100)), "Step 4: a negative start is refused with ArgumentOutOfRangeException, before any agent starts.");

        Assert.That(Node.ProcessCount, Is.EqualTo(before), "A refused start spawns no agent.");
        var quota = await Wait.For(Quota.StartAsync(Node, 0), "a quota of zero", 4);
        Assert.That(await quota.RemainingAsync(), Is.Zero, "Zero units is a valid start.");
        Assert.That(await quota.TryTakeAsync(), Is.False, "A quota of zero refuses the first take.");
        Assert.That(await quota.RemainingAsync(), Is.Zero, "and stays at zero.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_negative_refill_changes_nothing_and_a_zero_refill_is_allowed()
    {
        var quota = await Wait.For(Quota.StartAsync(Node, 4), "the quota", 4);

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => quota.RefillAsync(-1 - TestContext.CurrentContext.Random.Next(100)), "Step 4: a negative refill is refused with ArgumentOutOfRangeException, before the agent is asked.");
        await Wait.For(quota.RefillAsync(0), "a zero refill", 4);

        Assert.That(await quota.RemainingAsync(), Is.EqualTo(4), "Step 4: a refused negative refill and a zero refill leave the units as they were.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Random_takes_and_refills_match_a_plain_counter()
    {
        var random = Seeded.Random();
        var units = random.Next(0, 10);
        var quota = await Wait.For(Quota.StartAsync(Node, units), "the quota", 4);

        for (var i = 0; i < 60; i++)
        {
            if (random.Next(3) == 0)
            {
                var more = random.Next(0, 5);
                await Wait.For(quota.RefillAsync(more), "a refill", 4);
                units += more;
            }
            else
            {
                var took = await Wait.For(quota.TryTakeAsync(), "a take", 4);
                Assert.That(took, Is.EqualTo(units > 0), $"Take number {i} with {units} left.");
                units = Math.Max(0, units - 1);
            }

            Assert.That(await quota.RemainingAsync(), Is.EqualTo(units), $"After operation {i}.");
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Many_clients_at_once_take_exactly_the_units_there_are()
    {
        var random = Seeded.Random();
        var units = random.Next(0, 12);
        var clients = random.Next(1, 30);
        TestContext.Out.WriteLine($"{units} units, {clients} clients");
        var quota = await Wait.For(Quota.StartAsync(Node, units), "the quota", 4);

        var monitors = Enumerable.Range(0, clients).Select(_ => Inbox.SpawnMonitor(async ctx =>
        {
            var took = await quota.TryTakeAsync();
            ctx.Send(Inbox.Self, took ? "took" : "refused");
        }).Monitor).ToArray();
        foreach (var monitor in monitors)
        {
            Assert.That(await Wait.ForDown(Inbox, monitor, "a client to finish", 4), Is.EqualTo(ExitReason.Normal), "Step 4: each client ends normally: TryTakeAsync refuses when nothing is left, it does not throw.");
        }

        var answers = new List<object?>();
        for (var i = 0; i < clients; i++)
        {
            answers.Add(await Inbox.ReceiveAsync(m => m is "took" or "refused", TimeSpan.Zero)); // each client answered before its DOWN
        }

        Assert.That(answers.Count(a => a is "took"), Is.EqualTo(Math.Min(units, clients)), "Exactly as many takes succeed as there were units.");
        Assert.That(await quota.RemainingAsync(), Is.EqualTo(Math.Max(0, units - clients)), "Step 4: the units left never go below zero, and every successful take removed exactly one.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Requests_queued_together_never_take_more_than_there_is()
    {
        var random = Seeded.Random();
        var units = random.Next(0, 5);
        var clients = random.Next(2, 10);
        var quota = await Wait.For(Quota.StartAsync(Node, units), "the quota", 4);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Agent.Cast(Node, quota.Pid, (int left) =>
        {
            held.TrySetResult();
            release.Task.Wait(Wait.Limit);
            return left;
        });

        Task<bool>[] takes;
        try
        {
            await Wait.For(held.Task, "the agent to be held", 4);
            takes = Enumerable.Range(0, clients).Select(_ => quota.TryTakeAsync()).ToArray();
        }
        finally
        {
            release.TrySetResult();
        }

        var results = await Wait.For(Task.WhenAll(takes), "the takes", 4);
        Assert.That(results, Is.EqualTo(Enumerable.Range(0, clients).Select(i => i < units)), "The first requests take the units, in order; the rest are refused.");
        Assert.That(await quota.RemainingAsync(), Is.EqualTo(Math.Max(0, units - clients)), "Step 4: the units left never go below zero, and every successful take removed exactly one.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_quotas_are_independent()
    {
        var first = await Wait.For(Quota.StartAsync(Node, 1), "the first quota", 4);
        var second = await Wait.For(Quota.StartAsync(Node, 5), "the second quota", 4);

        Assert.That(first.Pid, Is.Not.EqualTo(second.Pid), "Each quota is an agent of its own.");
        await first.TryTakeAsync();
        await second.RefillAsync(2);

        Assert.That(await first.RemainingAsync(), Is.Zero, "Step 4: a take on the first quota takes its only unit; quotas share no state.");
        Assert.That(await second.RemainingAsync(), Is.EqualTo(7), "Step 4: the refill of 2 on the second quota makes 5 + 2; quotas share no state.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stop_ends_the_agent_normally_and_later_requests_fail_with_noproc()
    {
        var quota = await Wait.For(Quota.StartAsync(Node, 2), "the quota", 4);
        var monitor = Inbox.Monitor(quota.Pid);

        await Wait.For(quota.StopAsync(), "the stop", 4);

        Assert.That(await Wait.ForDown(Inbox, monitor, "the agent's DOWN", 4), Is.EqualTo(ExitReason.Normal), "A stopped agent exits normally.");
        Assert.ThrowsAsync<NoProcessException>(() => quota.TryTakeAsync(), "Step 4: after StopAsync, TryTakeAsync fails with NoProcessException: the agent is gone.");
        Assert.ThrowsAsync<NoProcessException>(() => quota.RefillAsync(1), "Step 4: after StopAsync, RefillAsync fails with NoProcessException: the agent is gone.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Tasks_of_a_stream_share_one_quota()
    {
        var random = Seeded.Random();
        var units = random.Next(0, 8);
        var quota = await Wait.For(Quota.StartAsync(Node, units), "the quota", 4);
        var checker = new PriceChecker(new QuotaSource(quota));
        var products = Seeded.Products(random, random.Next(1, 12));

        var quotes = await Wait.For(checker.FetchAllAsync(Inbox, products, random.Next(1, 5)), "the quotes", 4);

        Assert.That(quotes.Count(q => q.Price > 0), Is.EqualTo(Math.Min(units, products.Length)), "As many fetches got a unit as there were units.");
        Assert.That(await quota.RemainingAsync(), Is.EqualTo(Math.Max(0, units - products.Length)), "Step 4: every take went through the one agent: the units left never go below zero.");
    }

    /// <summary>A source that may fetch only with a unit of the quota: a price of 1 with one, 0 without.</summary>
    private sealed class QuotaSource(Quota quota) : IPriceSource
    {
        public async Task<decimal> FetchAsync(string product, ProcessContext self) => await quota.TryTakeAsync() ? 1 : 0;
    }
}
