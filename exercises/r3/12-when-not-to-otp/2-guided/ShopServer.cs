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
    private readonly Inventory _inventory = inventory;

    /// <summary>Starts with the inventory given to the constructor.</summary>
    protected override InitResult<Inventory> Init() =>
        // TODO Step 3: Ok(_inventory).
        throw new NotImplementedException("Step 3: implement ShopServer.Init (see README, step 3).");

    /// <summary>
    /// Reserve (check and act in one step: reply true with the new inventory, or false with the same one), Restock
    /// (reply with the new count on hand), and the two questions, on-hand and reserved.
    /// </summary>
    /// <param name="request">A request of the shop's protocol.</param>
    /// <param name="from">The caller.</param>
    /// <param name="state">The current inventory.</param>
    protected override HandleResult<Inventory> HandleCall(object request, From from, Inventory state) => request switch
    {
        // TODO Step 3: Reserve(var item, var quantity) => state.TryReserve(item, quantity) is { } after
        //              ? Reply(true, after) : Reply(false, state). The check and the act in this one callback.
        // TODO Step 3: Restock(var item, var quantity) => reply with the new inventory's OnHandOf(item), keep the new inventory.
        // TODO Step 3: OnHandQuery(var item) and ReservedQuery(var item) => reply from the state, keep it.
        // Anything else: base.HandleCall(request, from, state).
        _ => throw new NotImplementedException("Step 3: implement ShopServer.HandleCall (see README, step 3)."),
    };
}
