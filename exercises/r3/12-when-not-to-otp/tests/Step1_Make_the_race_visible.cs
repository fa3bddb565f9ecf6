using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace WhenNotToOtp.Tests;

/// <summary>Step 1: make the race visible. The given split shop oversells, every time, under your reproduction.</summary>
public sealed class Step1_Make_the_race_visible
{
    private static readonly Dictionary<string, int> OneLamp = new() { ["lamp"] = 1 };

    [Test]
    [CancelAfter(10_000)]
    public async Task Against_the_split_shop_both_customers_get_the_last_unit()
    {
        using var test = new TestNode();
        var shop = await test.SplitShopAsync(1, OneLamp);

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "lamp"), 1, "Race.LastUnitAsync against the split shop");

        Assert.That(outcome, Is.EqualTo(new RaceOutcome(FirstReserved: true, SecondReserved: true, Reserved: 2, OnHand: 1)),
            "Step 1: with the first customer held between its check and its act while the second reserves, both get the " +
            $"last lamp and 2 are reserved with 1 on hand; got {outcome} (see README, step 1).");
        Assert.That(outcome.Oversold, Is.True, "Step 1: the split shop oversells under the reproduction (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_oversell_is_reproduced_every_time_not_by_luck()
    {
        using var test = new TestNode();
        for (var run = 1; run <= 25; run++)
        {
            var shop = await test.SplitShopAsync(1, OneLamp);
            var outcome = await Waiting.For(Race.LastUnitAsync(shop, "lamp"), 1, $"Race.LastUnitAsync, run {run}");
            Assert.That(outcome.Oversold, Is.True,
                $"Step 1: run {run} of 25 did not oversell ({outcome}). A reproduction that depends on timing is luck: hold " +
                "the first customer at its gap with a gate until the second has its answer (see README, step 1).");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_second_customer_starts_only_once_the_first_is_held_at_its_gap()
    {
        var checksMayStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var shop = new ScriptedShop(onHand: 1, gap: true, beforeCheck: checksMayStart.Task);

        var race = Race.LastUnitAsync(shop, "lamp");
        var callsBeforeTheFirstChecked = shop.Calls;
        checksMayStart.SetResult();
        var outcome = await Waiting.For(race, 1, "Race.LastUnitAsync against a scripted shop with a gap");

        Assert.That(callsBeforeTheFirstChecked, Is.EqualTo(1),
            "Step 1: the second reservation was asked for before the first had reached its gap (or finished). Wait for " +
            "one of the two before starting the second, or the order is left to chance (see README, step 1).");
        Assert.That(shop.Log, Is.EqualTo(new[] { "check 1", "check 2", "act 2", "act 1" }),
            "Step 1: the first customer checks, is held at the gap while the second checks and acts, then acts " +
            "(see README, step 1).");
        Assert.That(shop.Quantities, Is.EqualTo(new[] { 1, 1 }), "Step 1: each customer reserves one unit (see README, step 1).");
        Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, true, 2, 1)), $"Step 1: got {outcome} (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_design_with_no_gap_is_let_finish_first()
    {
        var shop = new ScriptedShop(onHand: 1, gap: false);

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "lamp"), 1,
            "Race.LastUnitAsync against a shop that never calls the seam (wait for the gap OR the end of the first reservation)");

        Assert.That(shop.Log, Is.EqualTo(new[] { "reserve 1", "reserve 2" }),
            "Step 1: with no gap to hold it in, the first customer finishes, then the second goes (see README, step 1).");
        Assert.That(outcome, Is.EqualTo(new RaceOutcome(FirstReserved: true, SecondReserved: false, Reserved: 1, OnHand: 1)),
            $"Step 1: the first gets the lamp, the second is refused; got {outcome} (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_outcome_reports_what_the_shop_says_once_both_are_done()
    {
        using var test = new TestNode();
        var shop = await test.SplitShopAsync(1, new Dictionary<string, int> { ["lamp"] = 5, ["desk"] = 1 });

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "lamp"), 1, "Race.LastUnitAsync with five lamps");

        Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, true, Reserved: 2, OnHand: 5)),
            "Step 1: with five lamps both customers get one; the outcome reads the reserved and on-hand counts from " +
            $"the shop once both have their answer; got {outcome} (see README, step 1).");
        Assert.That(outcome.Oversold, Is.False, "Step 1: two of five is no oversell (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task If_the_second_customer_fails_the_first_is_let_go_all_the_same()
    {
        var shop = new ScriptedShop(onHand: 1, gap: true, failingCall: 2);

        var race = Race.LastUnitAsync(shop, "lamp");
        var failure = await Waiting.For(Catch(race), 1, "Race.LastUnitAsync to fail with the second customer's exception");
        await Waiting.For(Finished(shop.FirstFinished), 1,
            "the first customer to finish after the second failed (open the gate in a finally, or the first is held for ever)");

        Assert.That(failure, Is.InstanceOf<InvalidOperationException>().With.Message.Contains("shop is closed"),
            "Step 1: the second customer's failure is LastUnitAsync's failure (see README, step 1).");
        Assert.That(shop.Log, Is.EqualTo(new[] { "check 1", "act 1" }),
            "Step 1: the first customer, let go after the second failed, goes on to act (see README, step 1).");
    }

    [Test]
    public void LastUnitAsync_refuses_a_missing_shop_or_item()
    {
        var shop = new ScriptedShop(onHand: 1, gap: true);

        Assert.That(() => Race.LastUnitAsync(null!, "lamp"), Throws.ArgumentNullException,
            "Step 1: LastUnitAsync refuses a null shop with an ArgumentNullException (see README, step 1).");
        Assert.That(() => Race.LastUnitAsync(shop, ""), Throws.InstanceOf<ArgumentException>(),
            "Step 1: LastUnitAsync refuses an empty item with an ArgumentException (see README, step 1).");
        Assert.That(() => Race.LastUnitAsync(shop, null!), Throws.InstanceOf<ArgumentException>(),
            "Step 1: LastUnitAsync refuses a null item with an ArgumentException (see README, step 1).");
        Assert.That(shop.Calls, Is.Zero, "Step 1: a refused race reserves nothing (see README, step 1).");
    }

    private static async Task<Exception?> Catch(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception error) when (error is not NotImplementedException)
        {
            return error;
        }
    }

    private static async Task<bool> Finished(Task task)
    {
        await task;
        return true;
    }
}
