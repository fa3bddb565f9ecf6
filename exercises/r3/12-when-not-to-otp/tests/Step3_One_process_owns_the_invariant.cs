using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WhenNotToOtp.Tests;

/// <summary>Step 3: one process owns the invariant. The same race, against your shop, leaves one reservation.</summary>
public sealed class Step3_One_process_owns_the_invariant
{
    private static readonly Dictionary<string, int> OneLamp = new() { ["lamp"] = 1 };

    [Test]
    [CancelAfter(10_000)]
    public async Task The_last_unit_race_leaves_exactly_one_reservation()
    {
        using var test = new TestNode();
        for (var run = 1; run <= 10; run++)
        {
            var shop = await test.ShopAsync(3, OneLamp);
            var outcome = await Waiting.For(Race.LastUnitAsync(shop, "lamp"), 3,
                $"Race.LastUnitAsync against your shop, run {run} (if the pause hook is awaited inside the server, the second customer can never be served)");

            Assert.That(outcome, Is.EqualTo(new RaceOutcome(FirstReserved: true, SecondReserved: false, Reserved: 1, OnHand: 1)),
                $"Step 3: run {run}: your reproduction from step 1, against the one-process shop: the first customer gets the " +
                $"lamp, the second is refused, nothing is oversold; got {outcome} (see README, step 3).");
            Assert.That(outcome.Oversold, Is.False, "Step 3: one lamp reserved of one on hand is no oversell (see README, step 3).");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_shop_has_no_gap_between_check_and_act_a_reservation_is_one_message()
    {
        using var test = new TestNode();
        var shop = await test.ShopAsync(3, new Dictionary<string, int> { ["lamp"] = 2 });
        var seamCalls = 0;

        var handledBefore = test.Node.GetInfo(shop.Pid)!.MessagesHandled;
        var first = await Waiting.For(shop.ReserveAsync("lamp", 1, () => { seamCalls++; return Task.CompletedTask; }), 3, "ReserveAsync");
        var second = await Waiting.For(shop.ReserveAsync("lamp", 2, () => { seamCalls++; return Task.CompletedTask; }), 3, "ReserveAsync");
        var handled = test.Node.GetInfo(shop.Pid)!.MessagesHandled - handledBefore;

        Assert.That((first, second), Is.EqualTo((true, false)), "Step 3: 1 of 2 lamps is granted, then 2 more refused (see README, step 3).");
        Assert.That(handled, Is.EqualTo(2),
            $"Step 3: two reservations must be two messages to the server (one call each, checked and granted in one " +
            $"HandleCall); the server handled {handled} (see README, step 3).");
        Assert.That(seamCalls, Is.Zero,
            "Step 3: the one-process shop has no moment between its check and its act, so it never calls betweenCheckAndAct (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Many_customers_at_once_never_oversell()
    {
        using var test = new TestNode();
        var shop = await test.ShopAsync(3, new Dictionary<string, int> { ["lamp"] = 5 });

        var answers = await Waiting.For(Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => shop.ReserveAsync("lamp", 1)))), 3,
            "twenty reservations sent at once from the thread pool");
        var reserved = await Waiting.For(shop.ReservedAsync("lamp"), 3, "ReservedAsync");

        Assert.That(answers.Count(granted => granted), Is.EqualTo(5),
            "Step 3: twenty customers at once for five lamps: exactly five are granted (see README, step 3).");
        Assert.That(reserved, Is.EqualTo(5), "Step 3: and exactly five are reserved (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_server_state_is_the_inventory_of_the_core()
    {
        using var test = new TestNode();
        var shop = await test.ShopAsync(3, new Dictionary<string, int> { ["lamp"] = 3, ["desk"] = 1 });

        await Waiting.For(shop.ReserveAsync("lamp", 2), 3, "ReserveAsync");
        await Waiting.For(shop.ReserveAsync("desk", 2), 3, "ReserveAsync (refused)");
        var state = await Waiting.For(Sys.GetStateAsync<Inventory>(test.Node, shop.Pid), 3, "the server's state (Sys.GetStateAsync)");

        var expected = Inventory.Of(new Dictionary<string, int> { ["lamp"] = 3, ["desk"] = 1 }).TryReserve("lamp", 2);
        Assert.That(state, Is.EqualTo(expected),
            $"Step 3: the server holds the core's Inventory and changes it only through the core's functions; its state has {Shown.Counts(state, "lamp", "desk")} (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_shop_answers_what_is_on_hand_and_reserved_and_restocks()
    {
        using var test = new TestNode();
        var shop = await test.ShopAsync(3, OneLamp);

        await Waiting.For(shop.ReserveAsync("lamp", 1), 3, "ReserveAsync");
        var onHand = await Waiting.For(shop.RestockAsync("lamp", 2), 3, "RestockAsync");
        var granted = await Waiting.For(shop.ReserveAsync("lamp", 2), 3, "ReserveAsync after the restock");
        var counts = (await Waiting.For(shop.OnHandAsync("lamp"), 3, "OnHandAsync"), await Waiting.For(shop.ReservedAsync("lamp"), 3, "ReservedAsync"));

        Assert.That(onHand, Is.EqualTo(3), "Step 3: RestockAsync replies with the new count on hand (see README, step 3).");
        Assert.That(granted, Is.True, "Step 3: restocked lamps can be reserved (see README, step 3).");
        Assert.That(counts, Is.EqualTo((3, 3)), "Step 3: OnHandAsync and ReservedAsync answer from the server's inventory (see README, step 3).");
        Assert.That(await Waiting.For(shop.OnHandAsync("sofa"), 3, "OnHandAsync for an item never stocked"), Is.Zero,
            "Step 3: an item never stocked has 0 on hand (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_shop_refuses_bad_arguments_before_starting_or_sending_anything()
    {
        using var test = new TestNode();

        Assert.That(() => Shop.StartAsync(test.Node, new Dictionary<string, int> { ["lamp"] = -1 }), Throws.InstanceOf<ArgumentException>(),
            "Step 3: StartAsync refuses a negative count on hand (build the Inventory first; see README, step 3).");
        Assert.That(() => Shop.StartAsync(null!, OneLamp), Throws.ArgumentNullException, "Step 3: StartAsync refuses a null node (see README, step 3).");
        Assert.That(test.Node.Processes(), Is.Empty, "Step 3: a refused start starts no process (see README, step 3).");

        var shop = await test.ShopAsync(3, OneLamp);
        var handledBefore = test.Node.GetInfo(shop.Pid)!.MessagesHandled;
        Assert.That(() => shop.ReserveAsync("lamp", 0), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 3: ReserveAsync refuses a quantity of zero or less (see README, step 3).");
        Assert.That(() => shop.ReserveAsync("", 1), Throws.InstanceOf<ArgumentException>(), "Step 3: ReserveAsync refuses an empty item (see README, step 3).");
        Assert.That(() => shop.ReserveAsync(null!, 1), Throws.InstanceOf<ArgumentException>(), "Step 3: ReserveAsync refuses a null item (see README, step 3).");
        Assert.That(() => shop.RestockAsync("", 1), Throws.InstanceOf<ArgumentException>(), "Step 3: RestockAsync refuses an empty item (see README, step 3).");
        Assert.That(() => shop.RestockAsync("lamp", -1), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 3: RestockAsync refuses a quantity of zero or less (see README, step 3).");
        Assert.That(test.Node.GetInfo(shop.Pid)!.MessagesHandled, Is.EqualTo(handledBefore),
            "Step 3: a refused request is not sent to the server: a bad argument must not crash the one process that holds the stock (see README, step 3).");
    }
}
