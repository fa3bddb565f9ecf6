using System.Collections.Generic;
using Otp;

namespace Applications;

/// <summary>The shop's root supervisor: Elixir's children list and options in <c>Shop.Application.start/2</c>.</summary>
/// <param name="shop">The application whose tree this is: its reporter and its environment.</param>
public sealed class ShopSupervisor(Shop shop) : SupervisorBase
{
    private static readonly IReadOnlyDictionary<string, decimal> NoPrices = new Dictionary<string, decimal>();

    /// <summary>
    /// Steps 1 and 3: the children in dependency order, the catalog (registered as <c>"catalog"</c>) before the orders
    /// server (<c>"orders"</c>) that needs it, under the rest-for-one strategy; each child is configured from the shop's
    /// environment (<c>"prices"</c>, <c>"max_quantity"</c>) each time it starts.
    /// </summary>
    /// <returns>The children and the supervisor's flags.</returns>
    /// <remarks>
    /// Order: children start in list order, each once the one before it has finished its Init, and stop in reverse, so a
    /// child may rely on the ones before it for its whole life. Rest for one: the orders server keeps a copy of the
    /// catalog's prices, so a restarted catalog must be followed by a restarted orders server (or it would sell at the
    /// old prices), while a crash of the orders server need not disturb the catalog. One for one would leave the copy
    /// stale; one for all would restart the catalog for nothing.
    /// Configuration: <see cref="ChildSpec.For{TServer}"/> calls its function at every start, restarts included, so the
    /// environment is read there, not here: a restarted child picks up a value put since. Defaults: no prices, and at
    /// most 10 of an item per order.
    /// </remarks>
    protected override SupervisorInit Init() => Ok(
    [
        ChildSpec.For(() => new Catalog(shop.GetEnv("prices") as IReadOnlyDictionary<string, decimal> ?? NoPrices, shop.Reporter), name: Catalog.Registered),
        ChildSpec.For(() => new Orders(shop.GetEnv("max_quantity") as int? ?? 10, shop.Reporter), name: Orders.Registered),
    ], new SupervisorOptions { Strategy = SupervisorStrategy.RestForOne });
}
