using System;
using System.Collections.Generic;

namespace WhenNotToOtp;

/// <summary>
/// A nightly batch: allocate a list of orders against an inventory, first come first served. One caller, no state kept
/// between runs, nothing to isolate: a loop over the core, with no process at all.
/// </summary>
public static class Allocation
{
    /// <summary>
    /// Tries to reserve each order in turn on the inventory left by the orders before it. An order that does not fit is
    /// refused and the next one is tried (a smaller later order may still fit). <paramref name="inventory"/> is not changed.
    /// </summary>
    /// <param name="inventory">The inventory to allocate from.</param>
    /// <param name="orders">The orders, in the order they came.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inventory"/>, <paramref name="orders"/> or one of the orders is null.</exception>
    /// <exception cref="ArgumentException">An order's item is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An order's quantity is zero or less.</exception>
    public static Allocated Allocate(Inventory inventory, IEnumerable<Order> orders)
    {
        // TODO Step 4: refuse a null inventory and null orders (ArgumentNullException).
        // TODO Step 4: two lists to fill in order: ImmutableList.CreateBuilder<Order>() for reserved, one for refused.

        // TODO Step 4: foreach order (refuse a null one): inventory.TryReserve(order.Item, order.Quantity) is { } after
        //              ? keep after as the inventory and add the order to reserved : add it to refused.
        //              Reassigning the parameter does not change the caller's inventory: it is a value.

        // TODO Step 4: return new Allocated(inventory, reserved.ToImmutable(), refused.ToImmutable()).
        throw new NotImplementedException("Step 4: implement Allocation.Allocate (see README, step 4).");
    }
}
