using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace WhenNotToOtp.Hidden;

/// <summary>The reproduction against shops that fail, refuse, call the seam twice, and against both real designs.</summary>
public sealed class RaceSuite
{
    [Test]
    [CancelAfter(20_000)]
    [Property("Step", 1)]
    public async Task The_split_shop_oversells_every_time_whatever_the_item()
    {
        var random = Seeded.Random();
        using var node = new HiddenNode();
        for (var run = 0; run < 40; run++)
        {
            var item = $"item-{random.Next(1000)}";
            var shop = await node.SplitShopAsync(new Dictionary<string, int> { [item] = 1, ["other"] = random.Next(0, 5) });
            var outcome = await Waiting.For(Race.LastUnitAsync(shop, item), 1, $"the race on {item}, run {run}");
            Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, true, 2, 1)), $"run {run}: the split shop oversells {item}");
            Assert.That(await Waiting.For(shop.ReservedAsync("other"), 1, "the other item"), Is.Zero, "the race touches only its item");
        }
    }

    [Test]
    [CancelAfter(20_000)]
    [Property("Step", 3)]
    public async Task The_one_process_shop_never_oversells_under_the_race()
    {
        using var node = new HiddenNode();
        for (var run = 0; run < 40; run++)
        {
            var shop = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
            var outcome = await Waiting.For(Race.LastUnitAsync(shop, "lamp"), 3, $"the race against the shop, run {run}");
            Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, false, 1, 1)), $"run {run}");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task Only_the_first_customer_is_given_the_seam_and_each_reserves_one_unit_of_the_item()
    {
        var shop = new FakeShop(onHand: 1, gap: true);

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "desk"), 1, "the race");

        Assert.That(shop.SeamGiven, Is.EqualTo(new[] { true, false }), "The second customer runs with no pause.");
        Assert.That(shop.Quantities, Is.EqualTo(new[] { 1, 1 }), "Step 1: each of the two customers should reserve one unit");
        Assert.That(shop.Items, Is.EqualTo(new[] { "desk", "desk" }), "Step 1: both customers should reserve the item given to LastUnitAsync");
        Assert.That(shop.Log, Is.EqualTo(new[] { "check 1", "seam 1", "check 2", "act 2", "act 1" }), "Step 1: the second customer should run start to end while the first is held at its pause, then the first is let go");
        Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, true, 2, 1)), "Step 1: both customers should get the last unit: 2 reserved, 1 on hand, read from the shop");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task The_outcome_reads_the_counts_from_the_shop()
    {
        var shop = new FakeShop(onHand: 7, gap: true, reservedOffset: 3);

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "desk"), 1, "the race");

        Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, true, 5, 7)), "Step 1: the counts in the outcome should be what the shop's ReservedAsync and OnHandAsync say once both are done");
        Assert.That(outcome.Oversold, Is.False, "Step 1: 5 reserved of 7 on hand is not oversold");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task With_nothing_free_both_are_refused_and_nobody_waits_for_a_seam_never_reached()
    {
        var shop = new FakeShop(onHand: 0, gap: true);

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "desk"), 1, "the race with nothing free (the first is refused at its check)");

        Assert.That(outcome, Is.EqualTo(new RaceOutcome(false, false, 0, 0)), "Step 1: with nothing free both should be refused, and the race must not wait for a pause never reached (Task.WhenAny)");
        Assert.That(shop.Log, Is.EqualTo(new[] { "check 1", "check 2" }), "Step 1: with nothing free each customer should stop at its check");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_shop_that_awaits_the_seam_twice_is_not_held_for_ever()
    {
        var shop = new FakeShop(onHand: 1, gap: true, seamTwice: true);

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "desk"), 1, "the race against a shop that awaits the seam twice");

        Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, true, 2, 1)), "Step 1: against a shop that awaits the pause twice, both customers should still get the last unit");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_failing_second_customer_fails_the_race_and_the_first_is_let_go()
    {
        var shop = new FakeShop(onHand: 1, gap: true, failingCall: 2);

        var race = Race.LastUnitAsync(shop, "desk");
        var failure = await Waiting.For(Catch(race), 1, "the race to fail");
        await Waiting.For(Done(shop.FirstFinished), 1, "the first customer to be let go");

        Assert.That(failure, Is.InstanceOf<InvalidOperationException>().With.Message.EqualTo("reservation 2 failed"), "Step 1: the second customer's exception should be the one LastUnitAsync throws");
        Assert.That(shop.Log, Is.EqualTo(new[] { "check 1", "seam 1", "act 1" }), "Step 1: when the second customer fails, the first should still be let go (open its gate in a finally)");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_first_customer_failing_before_its_gap_fails_the_race_with_its_exception()
    {
        var shop = new FakeShop(onHand: 1, gap: true, failingCall: 1);

        var failure = await Waiting.For(Catch(Race.LastUnitAsync(shop, "desk")), 1, "the race to fail");

        Assert.That(failure, Is.InstanceOf<InvalidOperationException>().With.Message.EqualTo("reservation 1 failed"), "Step 1: when the first customer fails before its gap, the race should fail with that exception");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 1)]
    public async Task A_shop_with_no_gap_serves_the_first_then_the_second_even_with_stock_for_both()
    {
        var shop = new FakeShop(onHand: 2, gap: false);

        var outcome = await Waiting.For(Race.LastUnitAsync(shop, "desk"), 1, "the race against a shop with no gap");

        Assert.That(outcome, Is.EqualTo(new RaceOutcome(true, true, 2, 2)), "Step 1: with stock for both and no gap, both customers should be served");
        Assert.That(outcome.Oversold, Is.False, "all units reserved is not oversold");
        Assert.That(shop.Log, Is.EqualTo(new[] { "reserve 1", "reserve 2" }), "Step 1: with no gap, the first customer should finish before the second starts (wait for held or finished)");
        Assert.That(shop.SeamGiven, Is.EqualTo(new[] { true, false }), "Step 1: only the first customer is given the pause; the second runs with none");
    }

    [Test]
    [Property("Step", 1)]
    public void LastUnitAsync_names_the_bad_argument()
    {
        var shop = new FakeShop(onHand: 1, gap: true);

        Assert.That(() => Race.LastUnitAsync(null!, "desk"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("shop"), "Step 1: LastUnitAsync should refuse a null shop");
        Assert.That(() => Race.LastUnitAsync(shop, ""), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("item"), "Step 1: LastUnitAsync should refuse an empty item");
        Assert.That(shop.Calls, Is.Zero, "Step 1: bad arguments should be refused before any reservation is made");
    }

    private static async Task<Exception?> Catch(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }
}
