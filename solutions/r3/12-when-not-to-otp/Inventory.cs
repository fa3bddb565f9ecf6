using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace WhenNotToOtp;

/// <summary>
/// The functional core: what is on hand and what is reserved, for every item, as one immutable value. Every operation
/// returns a new inventory and leaves this one as it was; the invariant (reserved never exceeds on hand) holds for every
/// inventory there can be, because the only way to reserve checks and acts in one function.
/// </summary>
public sealed record Inventory
{
    // Only items with something on hand or reserved are kept, so that equal contents are equal inventories.
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
        ArgumentNullException.ThrowIfNull(stock);
        var inventory = Empty;
        foreach (var (item, count) in stock)
        {
            ArgumentException.ThrowIfNullOrEmpty(item, nameof(stock));
            if (count < 0)
            {
                throw new ArgumentException($"The stock of '{item}' is {count}; a count on hand cannot be negative.", nameof(stock));
            }

            inventory = count == 0 ? inventory : inventory.Restock(item, count);
        }

        return inventory;
    }

    /// <summary>Units of <paramref name="item"/> on hand (0 for an item never stocked).</summary>
    /// <param name="item">The item.</param>
    public int OnHandOf(string item) => LevelOf(item).OnHand;

    /// <summary>Units of <paramref name="item"/> reserved.</summary>
    /// <param name="item">The item.</param>
    public int ReservedOf(string item) => LevelOf(item).Reserved;

    /// <summary>Units of <paramref name="item"/> that can still be reserved: on hand minus reserved.</summary>
    /// <param name="item">The item.</param>
    public int Free(string item) => OnHandOf(item) - ReservedOf(item);

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
        ArgumentException.ThrowIfNullOrEmpty(item);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (Free(item) < quantity)
        {
            return null;
        }

        var level = LevelOf(item);
        return new Inventory(_levels.SetItem(item, level with { Reserved = level.Reserved + quantity }));
    }

    /// <summary>The inventory with <paramref name="quantity"/> more units of <paramref name="item"/> on hand.</summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is zero or less.</exception>
    public Inventory Restock(string item, int quantity)
    {
        ArgumentException.ThrowIfNullOrEmpty(item);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var level = LevelOf(item);
        return new Inventory(_levels.SetItem(item, level with { OnHand = level.OnHand + quantity }));
    }

    /// <summary>Two inventories are equal when every item has the same units on hand and reserved in both.</summary>
    /// <param name="other">The inventory to compare with.</param>
    public bool Equals(Inventory? other) =>
        other is not null && _levels.Count == other._levels.Count && _levels.All(pair => other.LevelOf(pair.Key) == pair.Value);

    /// <summary>A hash of the contents, consistent with <see cref="Equals(Inventory?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (item, level) in _levels)
        {
            hash.Add(item);
            hash.Add(level);
        }

        return hash.ToHashCode();
    }

    private Level LevelOf(string item) => _levels.GetValueOrDefault(item);

    // One item's counts. A record struct: value equality, and default is (0, 0) for an item never seen.
    private readonly record struct Level(int OnHand, int Reserved);
}
