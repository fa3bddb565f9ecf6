using System;
using System.Threading.Tasks;

namespace WhenNotToOtp;

/// <summary>
/// A shop as the race scenario sees it: customers reserve units of an item, and anyone may ask how many are on hand
/// and how many are reserved. The invariant every design must keep: for every item, reserved never exceeds on hand.
/// </summary>
public interface IShop
{
    /// <summary>
    /// Reserves <paramref name="quantity"/> units of <paramref name="item"/> if that many are free (on hand and not
    /// reserved). True when reserved, false when refused.
    /// </summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <param name="betweenCheckAndAct">
    /// A test seam: a design that checks in one step and acts in another awaits this between the two, once its check has
    /// passed. A design that checks and acts in one step has no such moment and never calls it.
    /// </param>
    Task<bool> ReserveAsync(string item, int quantity, Func<Task>? betweenCheckAndAct = null);

    /// <summary>How many units of <paramref name="item"/> are on hand (0 for an item the shop does not stock).</summary>
    /// <param name="item">The item.</param>
    Task<int> OnHandAsync(string item);

    /// <summary>How many units of <paramref name="item"/> are reserved.</summary>
    /// <param name="item">The item.</param>
    Task<int> ReservedAsync(string item);
}
