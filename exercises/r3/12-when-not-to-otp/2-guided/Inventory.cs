using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace WhenNotToOtp;

/// <summary>
/// The functional core: what is on hand and what is reserved, for every item, as one immutable value. Every operation
/// returns a new inventory and leaves this one as it was; the invariant (reserved never exceeds on hand) holds for every
/// inventory there can be, because the only way to reserve checks and acts in one function.
/// </summary>
public sealed record Inventory
{
    // Every item's counts, by name. Immutable: an operation builds a new dictionary (SetItem) for a new inventory.
    // Keep only items with something on hand or reserved, so that equal contents are equal inventories.
    private readonly ImmutableSortedDictionary<string, Level> _levels;

    private Inventory(ImmutableSortedDictionary<string, Level> levels) => _levels = levels;

    /// <summary>An inventory with nothing on hand and nothing reserved.</summary>
    public static Inventory Empty { get; } = new(ImmutableSortedDictionary.Create<string, Level>(StringComparer.Ordinal));

    /// <summary>An inventory with <paramref name="stock"/> on hand and nothing reserved.</summary>
    /// <param name="stock">Units on hand, by item: names not empty, counts zero or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stock"/> is null.</exception>
    /// <exception cref="ArgumentException">An item's name is empty, or its count is negative.</exception>
    public static Inventory Of(IReadOnlyDictionary<string, int> stock)
    {
        // TODO Step 2: refuse null stock (ArgumentNullException). Start from Empty; for each (item, count): refuse an
        //              empty name and a negative count (ArgumentException), skip a count of 0, Restock the others.
        throw new NotImplementedException("Step 2: implement Inventory.Of (see README, step 2).");
    }

    /// <summary>Units of <paramref name="item"/> on hand (0 for an item never stocked).</summary>
    /// <param name="item">The item.</param>
    public int OnHandOf(string item) =>
        // TODO Step 2: LevelOf(item).OnHand.
        throw new NotImplementedException("Step 2: implement Inventory.OnHandOf (see README, step 2).");

    /// <summary>Units of <paramref name="item"/> reserved.</summary>
    /// <param name="item">The item.</param>
    public int ReservedOf(string item) =>
        // TODO Step 2: LevelOf(item).Reserved.
        throw new NotImplementedException("Step 2: implement Inventory.ReservedOf (see README, step 2).");

    /// <summary>Units of <paramref name="item"/> that can still be reserved: on hand minus reserved.</summary>
    /// <param name="item">The item.</param>
    public int Free(string item) =>
        // TODO Step 2: on hand minus reserved.
        throw new NotImplementedException("Step 2: implement Inventory.Free (see README, step 2).");

    /// <summary>
    /// The inventory with <paramref name="quantity"/> more units of <paramref name="item"/> reserved, or null when fewer
    /// than <paramref name="quantity"/> are free. The check and the act are this one function: nothing can come between.
    /// </summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is zero or less.</exception>
    public Inventory? TryReserve(string item, int quantity)
    {
        // TODO Step 2: refuse an empty item (ArgumentException.ThrowIfNullOrEmpty) and a quantity of zero or less
        //              (ArgumentOutOfRangeException.ThrowIfNegativeOrZero).
        // TODO Step 2: the check: fewer than quantity free? return null.
        // TODO Step 2: the act: return new Inventory(_levels.SetItem(item, level with { Reserved = ... + quantity })).
        throw new NotImplementedException("Step 2: implement Inventory.TryReserve (see README, step 2).");
    }

    /// <summary>The inventory with <paramref name="quantity"/> more units of <paramref name="item"/> on hand.</summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is zero or less.</exception>
    public Inventory Restock(string item, int quantity)
    {
        // TODO Step 2: the same argument checks as TryReserve; then a new Inventory whose level for item has
        //              OnHand + quantity. Never change _levels in place: it is immutable, and this inventory stays as it was.
        throw new NotImplementedException("Step 2: implement Inventory.Restock (see README, step 2).");
    }

    /// <summary>Two inventories are equal when every item has the same units on hand and reserved in both.</summary>
    /// <param name="other">The inventory to compare with.</param>
    public bool Equals(Inventory? other) =>
        // TODO Step 2: other is not null, has as many items, and other.LevelOf(item) equals each of this one's levels.
        //              (A record compares its fields, and two ImmutableSortedDictionary objects are equal only when they
        //              are the same object: this is why the record defines its own Equals.)
        throw new NotImplementedException("Step 2: implement Inventory.Equals (see README, step 2).");

    /// <summary>A hash of the contents, consistent with <see cref="Equals(Inventory?)"/>.</summary>
    public override int GetHashCode() =>
        // TODO Step 2: a System.HashCode with every item and its level added, in the dictionary's (sorted) order.
        throw new NotImplementedException("Step 2: implement Inventory.GetHashCode (see README, step 2).");

    // The counts of one item; the default level (0, 0) for an item not in the dictionary.
    private Level LevelOf(string item) => _levels.GetValueOrDefault(item);

    // One item's counts. A record struct: value equality, and default is (0, 0) for an item never seen.
    private readonly record struct Level(int OnHand, int Reserved);
}
