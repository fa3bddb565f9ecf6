using System;
using System.Collections.Generic;

namespace WhenNotToOtp;

/// <summary>
/// The functional core: what is on hand and what is reserved, for every item, as one immutable value. Every operation
/// returns a new inventory and leaves this one as it was; the invariant (reserved never exceeds on hand) holds for every
/// inventory there can be, because the only way to reserve checks and acts in one function.
/// </summary>
public sealed record Inventory
{
    // Your fields go here, and a private constructor that sets them: an inventory is made only by Empty, Of and the
    // functions below, never half-built from outside.
    private Inventory()
    {
    }

    /// <summary>An inventory with nothing on hand and nothing reserved.</summary>
    public static Inventory Empty => throw new NotImplementedException("Step 2: implement Inventory.Empty (see README, step 2).");

    /// <summary>An inventory with <paramref name="stock"/> on hand and nothing reserved.</summary>
    /// <param name="stock">Units on hand, by item: names not empty, counts zero or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stock"/> is null.</exception>
    /// <exception cref="ArgumentException">An item's name is empty, or its count is negative.</exception>
    public static Inventory Of(IReadOnlyDictionary<string, int> stock) =>
        throw new NotImplementedException("Step 2: implement Inventory.Of (see README, step 2).");

    /// <summary>Units of <paramref name="item"/> on hand (0 for an item never stocked).</summary>
    /// <param name="item">The item.</param>
    public int OnHandOf(string item) => throw new NotImplementedException("Step 2: implement Inventory.OnHandOf (see README, step 2).");

    /// <summary>Units of <paramref name="item"/> reserved.</summary>
    /// <param name="item">The item.</param>
    public int ReservedOf(string item) => throw new NotImplementedException("Step 2: implement Inventory.ReservedOf (see README, step 2).");

    /// <summary>Units of <paramref name="item"/> that can still be reserved: on hand minus reserved.</summary>
    /// <param name="item">The item.</param>
    public int Free(string item) => throw new NotImplementedException("Step 2: implement Inventory.Free (see README, step 2).");

    /// <summary>
    /// The inventory with <paramref name="quantity"/> more units of <paramref name="item"/> reserved, or null when fewer
    /// than <paramref name="quantity"/> are free. The check and the act are this one function: nothing can come between.
    /// </summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is zero or less.</exception>
    public Inventory? TryReserve(string item, int quantity) =>
        throw new NotImplementedException("Step 2: implement Inventory.TryReserve (see README, step 2).");

    /// <summary>The inventory with <paramref name="quantity"/> more units of <paramref name="item"/> on hand.</summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is zero or less.</exception>
    public Inventory Restock(string item, int quantity) =>
        throw new NotImplementedException("Step 2: implement Inventory.Restock (see README, step 2).");

    /// <summary>Two inventories are equal when every item has the same units on hand and reserved in both.</summary>
    /// <param name="other">The inventory to compare with.</param>
    public bool Equals(Inventory? other) => throw new NotImplementedException("Step 2: implement Inventory.Equals (see README, step 2).");

    /// <summary>A hash of the contents, consistent with <see cref="Equals(Inventory?)"/>.</summary>
    public override int GetHashCode() => throw new NotImplementedException("Step 2: implement Inventory.GetHashCode (see README, step 2).");
}
