using System;
using Otp;

namespace Applications;

/// <summary>The shop's root supervisor: Elixir's children list and options in <c>Shop.Application.start/2</c>.</summary>
/// <param name="shop">The application whose tree this is: its reporter and its environment.</param>
public sealed class ShopSupervisor(Shop shop) : SupervisorBase
{
    /// <summary>
    /// Steps 1 and 3: the children in dependency order, the catalog (registered as <c>"catalog"</c>) before the orders
    /// server (<c>"orders"</c>) that needs it, under the rest-for-one strategy; each child is configured from the shop's
    /// environment (<c>"prices"</c>, <c>"max_quantity"</c>) each time it starts.
    /// </summary>
    /// <returns>The children and the supervisor's flags.</returns>
    protected override SupervisorInit Init() => throw new NotImplementedException("Step 1: implement ShopSupervisor.Init (see README, step 1, then step 3).");
}
