using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace WhenNotToOtp.Tests;

/// <summary>Step 2: a functional core. The invariant in one immutable value, tested with no node and no process.</summary>
public sealed class Step2_A_functional_core
{
    private static Inventory Stock(int lamps, int desks = 0) => Inventory.Of(new Dictionary<string, int> { ["lamp"] = lamps, ["desk"] = desks });

    [Test]
    public void Of_puts_the_stock_on_hand_with_nothing_reserved()
    {
        var inventory = Stock(lamps: 3, desks: 2);

        Assert.That((inventory.OnHandOf("lamp"), inventory.OnHandOf("desk"), inventory.OnHandOf("sofa")), Is.EqualTo((3, 2, 0)),
            "Step 2: OnHandOf gives the units on hand from the stock given to Of, 0 for an item never stocked (see README, step 2).");
        Assert.That((inventory.ReservedOf("lamp"), inventory.ReservedOf("sofa")), Is.EqualTo((0, 0)),
            "Step 2: a new inventory has nothing reserved (see README, step 2).");
        Assert.That(Inventory.Empty.OnHandOf("lamp"), Is.Zero, "Step 2: Inventory.Empty has nothing on hand (see README, step 2).");
    }

    [Test]
    public void TryReserve_grants_when_enough_is_free_and_Free_is_on_hand_minus_reserved()
    {
        var after = Stock(lamps: 3).TryReserve("lamp", 2);

        Assert.That(after, Is.Not.Null, "Step 2: two of three free lamps can be reserved: TryReserve returns the new inventory (see README, step 2).");
        Assert.That((after!.OnHandOf("lamp"), after.ReservedOf("lamp"), after.Free("lamp")), Is.EqualTo((3, 2, 1)),
            $"Step 2: after reserving 2 of 3: 3 on hand, 2 reserved, 1 free; got {Shown.Counts(after, "lamp")} (see README, step 2).");
        Assert.That(after.Free("sofa"), Is.Zero, "Step 2: an item never stocked has nothing free (see README, step 2).");
        Assert.That(after.TryReserve("lamp", 1)?.Free("lamp"), Is.Zero,
            "Step 2: the last free lamp can be reserved too, leaving none free (see README, step 2).");
    }

    [Test]
    public void TryReserve_refuses_with_null_when_too_little_is_free()
    {
        var inventory = Stock(lamps: 3).TryReserve("lamp", 2)!;

        Assert.That(inventory.TryReserve("lamp", 2), Is.Null,
            "Step 2: 2 lamps asked, 1 free: TryReserve refuses with null (see README, step 2).");
        Assert.That(inventory.TryReserve("sofa", 1), Is.Null,
            "Step 2: an item never stocked has nothing free: refused (see README, step 2).");
    }

    [Test]
    public void An_inventory_is_a_value_an_operation_returns_a_new_one_and_leaves_the_old_one_as_it_was()
    {
        var before = Stock(lamps: 3);

        var reserved = before.TryReserve("lamp", 1);
        var restocked = before.Restock("lamp", 4);

        Assert.That((before.OnHandOf("lamp"), before.ReservedOf("lamp")), Is.EqualTo((3, 0)),
            $"Step 2: TryReserve and Restock return a new inventory and never change the one they were called on; it is now {Shown.Counts(before, "lamp")} (see README, step 2).");
        Assert.That(reserved, Is.Not.SameAs(before), "Step 2: a granted reservation is a new inventory (see README, step 2).");
        Assert.That(restocked, Is.Not.SameAs(before), "Step 2: a restock is a new inventory (see README, step 2).");
        Assert.That(Stock(lamps: 3), Is.EqualTo(before),
            "Step 2: two inventories with the same contents are equal, as values are (see README, step 2).");
        Assert.That(Stock(lamps: 3).GetHashCode(), Is.EqualTo(before.GetHashCode()),
            "Step 2: equal inventories have equal hash codes (see README, step 2).");
        Assert.That(reserved, Is.Not.EqualTo(before), "Step 2: different contents, different values (see README, step 2).");
        Assert.That(Stock(lamps: 3, desks: 1), Is.Not.EqualTo(Stock(lamps: 3, desks: 2)),
            "Step 2: equal only when EVERY item has the same counts: here the desks differ (see README, step 2).");
    }

    [Test]
    public void Restock_adds_units_on_hand_and_frees_them_for_reservation()
    {
        var full = Stock(lamps: 1).TryReserve("lamp", 1)!;

        var restocked = full.Restock("lamp", 2).Restock("sofa", 1);

        Assert.That((restocked.OnHandOf("lamp"), restocked.ReservedOf("lamp"), restocked.Free("lamp")), Is.EqualTo((3, 1, 2)),
            $"Step 2: Restock adds to what is on hand and keeps the reservations; got {Shown.Counts(restocked, "lamp")} (see README, step 2).");
        Assert.That(restocked.OnHandOf("sofa"), Is.EqualTo(1), "Step 2: a new item can be restocked (see README, step 2).");
        Assert.That(restocked.TryReserve("lamp", 2), Is.Not.Null, "Step 2: restocked units can be reserved (see README, step 2).");
    }

    [Test]
    public void The_last_unit_scenario_on_values_has_no_race()
    {
        var lastLamp = Stock(lamps: 1);

        // Two customers working from the same value each get their own new value; neither is oversold.
        var first = lastLamp.TryReserve("lamp", 1);
        var second = lastLamp.TryReserve("lamp", 1);
        // One shop, one value after the other: the second customer sees the first one's reservation.
        var inTurn = first?.TryReserve("lamp", 1);

        Assert.That(first?.ReservedOf("lamp"), Is.EqualTo(1), "Step 2: the first customer's value has the lamp reserved (see README, step 2).");
        Assert.That(second, Is.EqualTo(first), "Step 2: from the same value, the same request gives an equal value (see README, step 2).");
        Assert.That(inTurn, Is.Null, "Step 2: reserving on the value left by the first reservation, the last lamp is gone (see README, step 2).");
    }

    [Test]
    public void The_core_refuses_bad_arguments()
    {
        var inventory = Stock(lamps: 1);

        Assert.That(() => Inventory.Of(null!), Throws.ArgumentNullException, "Step 2: Of refuses null stock (see README, step 2).");
        Assert.That(() => Inventory.Of(new Dictionary<string, int> { ["lamp"] = -1 }), Throws.InstanceOf<ArgumentException>(),
            "Step 2: Of refuses a negative count on hand with an ArgumentException (see README, step 2).");
        Assert.That(() => Inventory.Of(new Dictionary<string, int> { [""] = 1 }), Throws.InstanceOf<ArgumentException>(),
            "Step 2: Of refuses an empty item name with an ArgumentException (see README, step 2).");
        Assert.That(() => inventory.TryReserve("", 1), Throws.InstanceOf<ArgumentException>(),
            "Step 2: TryReserve refuses an empty item (see README, step 2).");
        Assert.That(() => inventory.TryReserve("lamp", 0), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 2: TryReserve refuses a quantity of zero or less with an ArgumentOutOfRangeException (see README, step 2).");
        Assert.That(() => inventory.Restock(null!, 1), Throws.InstanceOf<ArgumentException>(),
            "Step 2: Restock refuses a null item (see README, step 2).");
        Assert.That(() => inventory.Restock("lamp", -2), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 2: Restock refuses a quantity of zero or less with an ArgumentOutOfRangeException (see README, step 2).");
    }
}
