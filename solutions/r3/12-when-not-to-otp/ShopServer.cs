using System;
using Otp;

namespace WhenNotToOtp;

/// <summary>
/// The one process that owns the whole invariant: its state is the <see cref="Inventory"/>, stock and reservations
/// together, and a reservation is one call, checked and granted inside one callback. The server runs one callback at
/// a time, so no other customer's request can come between the check and the act.
/// </summary>
/// <param name="inventory">The inventory to start with.</param>
/// <remarks>
/// A thin shell: every decision is the core's (<see cref="Inventory.TryReserve"/>, <see cref="Inventory.Restock"/>),
/// and the server adds only what a process is for: one owner for a value that many callers change over time.
/// </remarks>
public sealed class ShopServer(Inventory inventory) : GenServer<Inventory>
{
    /// <summary>Starts with the inventory given to the constructor.</summary>
    protected override InitResult<Inventory> Init() => Ok(inventory);

    /// <summary>
    /// Reserve (check and act in one step: reply true with the new inventory, or false with the same one), Restock
    /// (reply with the new count on hand), and the two questions, on-hand and reserved.
    /// </summary>
    /// <param name="request">A request of the shop's protocol.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The current inventory.</param>
    protected override HandleResult<Inventory> HandleCall(object request, From from, Inventory state) => request switch
    {
        Reserve(var item, var quantity) => state.TryReserve(item, quantity) is { } after ? Reply(true, after) : Reply(false, state),
        Restock(var item, var quantity) => Restocked(state.Restock(item, quantity), item),
        OnHandQuery(var item) => Reply(state.OnHandOf(item), state),
        ReservedQuery(var item) => Reply(state.ReservedOf(item), state),
        _ => base.HandleCall(request, from, state),
    };

    private HandleResult<Inventory> Restocked(Inventory after, string item) => Reply(after.OnHandOf(item), after);
}
