using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace WhenNotToOtp.Tests;

/// <summary>Step 4: no process at all. A nightly batch is a loop over the core.</summary>
public sealed class Step4_No_process_at_all
{
    private static Inventory Stock(int lamps, int desks = 0) => Inventory.Of(new Dictionary<string, int> { ["lamp"] = lamps, ["desk"] = desks });

    [Test]
    public void Orders_are_reserved_first_come_first_served()
    {
        var orders = new[] { new Order("ada", "lamp", 2), new Order("bob", "lamp", 2), new Order("cy", "desk", 1) };

        var allocated = Allocation.Allocate(Stock(lamps: 3, desks: 1), orders);

        Assert.That(allocated.Reserved, Is.EqualTo(new[] { orders[0], orders[2] }),
            "Step 4: the orders that fit when their turn comes are reserved, in the order given (see README, step 4).");
        Assert.That(allocated.Refused, Is.EqualTo(new[] { orders[1] }),
            "Step 4: bob's 2 lamps do not fit after ada's 2 of 3: refused (see README, step 4).");
    }

    [Test]
    public void A_refused_order_does_not_stop_a_later_one_that_fits()
    {
        var orders = new[] { new Order("ada", "lamp", 5), new Order("bob", "lamp", 1), new Order("cy", "sofa", 1), new Order("dee", "lamp", 1) };

        var allocated = Allocation.Allocate(Stock(lamps: 2), orders);

        Assert.That(allocated.Reserved, Is.EqualTo(new[] { orders[1], orders[3] }),
            "Step 4: after a refusal the next orders are still tried: bob and dee get a lamp each (see README, step 4).");
        Assert.That(allocated.Refused, Is.EqualTo(new[] { orders[0], orders[2] }),
            "Step 4: ada's 5 lamps and cy's sofa (never stocked) are refused, in the order given (see README, step 4).");
    }

    [Test]
    public void Allocate_returns_the_inventory_after_the_batch_and_leaves_the_one_given_unchanged()
    {
        var start = Stock(lamps: 3, desks: 1);
        var orders = new[] { new Order("ada", "lamp", 2), new Order("bob", "desk", 1), new Order("cy", "lamp", 2) };

        var allocated = Allocation.Allocate(start, orders);

        Assert.That(allocated.Inventory, Is.EqualTo(start.TryReserve("lamp", 2)!.TryReserve("desk", 1)),
            $"Step 4: the result's inventory has every granted reservation and nothing else; got {Shown.Counts(allocated.Inventory, "lamp", "desk")} (see README, step 4).");
        Assert.That(start, Is.EqualTo(Stock(lamps: 3, desks: 1)), "Step 4: the inventory given is a value: unchanged (see README, step 4).");
        var none = Allocation.Allocate(start, []);
        Assert.That((none.Inventory, none.Reserved.Count, none.Refused.Count), Is.EqualTo((start, 0, 0)),
            "Step 4: no orders, nothing reserved, nothing refused, the same inventory (see README, step 4).");
    }

    [Test]
    public void Allocate_refuses_bad_arguments()
    {
        Assert.That(() => Allocation.Allocate(null!, []), Throws.ArgumentNullException, "Step 4: Allocate refuses a null inventory (see README, step 4).");
        Assert.That(() => Allocation.Allocate(Stock(1), null!), Throws.ArgumentNullException, "Step 4: Allocate refuses null orders (see README, step 4).");
        Assert.That(() => Allocation.Allocate(Stock(1), [null!]), Throws.ArgumentNullException, "Step 4: Allocate refuses a null order (see README, step 4).");
        Assert.That(() => Allocation.Allocate(Stock(1), [new Order("ada", "lamp", 0)]), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 4: an order of zero units is refused by the core's TryReserve, as anywhere else (see README, step 4).");
    }
}
