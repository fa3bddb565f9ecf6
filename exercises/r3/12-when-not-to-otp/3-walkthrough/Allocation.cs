using System;
using System.Collections.Generic;
using System.Collections.Immutable;

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
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(orders);

        var reserved = ImmutableList.CreateBuilder<Order>();
        var refused = ImmutableList.CreateBuilder<Order>();
        foreach (var order in orders)
        {
            ArgumentNullException.ThrowIfNull(order, nameof(orders));

            // Gap, step 4: try the order on the inventory so far with TryReserve. A new inventory: keep it (assign it to
            // inventory, which changes only this method's variable, not the caller's value) and add the order to
            // reserved. Null: add the order to refused, and go on with the next order.
            throw new NotImplementedException("Step 4: implement Allocation.Allocate: reserve or refuse each order (see README, step 4).");
        }

        return new Allocated(inventory, reserved.ToImmutable(), refused.ToImmutable());
    }
}
