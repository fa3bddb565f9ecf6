using System;
using Otp;

namespace WhenNotToOtp;

/// <summary>
/// The one process that owns the whole invariant: its state is the <see cref="Inventory"/>, stock and reservations
/// together, and a reservation is one call, checked and granted inside one callback. The server runs one callback at
/// a time, so no other customer's request can come between the check and the act.
/// </summary>
/// <param name="inventory">The inventory to start with.</param>
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
        // Gap, step 3: Reserve(var item, var quantity). The check and the act in this one callback, by the core: when
        // state.TryReserve(item, quantity) gives a new inventory, reply true and keep it; when it gives null, reply false
        // and keep the state as it was. Nothing else runs in this process meanwhile: that is the whole fix.
        Reserve => throw new NotImplementedException("Step 3: implement ShopServer.HandleCall for Reserve (see README, step 3)."),
        Restock(var item, var quantity) => Restocked(state.Restock(item, quantity), item),
        OnHandQuery(var item) => Reply(state.OnHandOf(item), state),
        ReservedQuery(var item) => Reply(state.ReservedOf(item), state),
        _ => base.HandleCall(request, from, state),
    };

    private HandleResult<Inventory> Restocked(Inventory after, string item) => Reply(after.OnHandOf(item), after);
}
