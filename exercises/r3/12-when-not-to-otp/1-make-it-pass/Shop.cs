using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Otp;

namespace WhenNotToOtp;

/// <summary>
/// The client API of the one-process shop: each function is one call to its <see cref="ShopServer"/>. A reservation is
/// one message, so there is no moment between a check and an act for another customer to slip into.
/// </summary>
public sealed class Shop : IShop
{
    // Your fields go here (the node and the server's pid), set by a private constructor that StartAsync calls.
    private Shop()
    {
    }

    /// <summary>The shop's server process.</summary>
    public Pid Pid => throw new NotImplementedException("Step 3: implement Shop.Pid (see README, step 3).");

    /// <summary>
    /// Builds the inventory from <paramref name="stock"/> (refusing bad stock before anything starts), then starts a
    /// <see cref="ShopServer"/> holding it on <paramref name="node"/>.
    /// </summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="stock">Units on hand, by item: names not empty, counts zero or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> or <paramref name="stock"/> is null.</exception>
    /// <exception cref="ArgumentException">An item's name is empty, or its count is negative.</exception>
    public static Task<Shop> StartAsync(Node node, IReadOnlyDictionary<string, int> stock) =>
        throw new NotImplementedException("Step 3: implement Shop.StartAsync (see README, step 3).");

    /// <summary>
    /// Reserves <paramref name="quantity"/> units of <paramref name="item"/> if that many are free: one call, checked
    /// and granted by the server in one step. This design has no gap, so <paramref name="betweenCheckAndAct"/> is never called.
    /// </summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <param name="betweenCheckAndAct">Never called: there is no moment between the check and the act.</param>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty (nothing is sent).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is zero or less (nothing is sent).</exception>
    public Task<bool> ReserveAsync(string item, int quantity, Func<Task>? betweenCheckAndAct = null) =>
        throw new NotImplementedException("Step 3: implement Shop.ReserveAsync (see README, step 3).");

    /// <summary>Adds <paramref name="quantity"/> units of <paramref name="item"/> on hand; returns the new count on hand.</summary>
    /// <param name="item">The item: not empty.</param>
    /// <param name="quantity">How many units: more than zero.</param>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null or empty (nothing is sent).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is zero or less (nothing is sent).</exception>
    public Task<int> RestockAsync(string item, int quantity) =>
        throw new NotImplementedException("Step 3: implement Shop.RestockAsync (see README, step 3).");

    /// <summary>How many units of <paramref name="item"/> are on hand (0 for an item the shop does not stock).</summary>
    /// <param name="item">The item.</param>
    public Task<int> OnHandAsync(string item) => throw new NotImplementedException("Step 3: implement Shop.OnHandAsync (see README, step 3).");

    /// <summary>How many units of <paramref name="item"/> are reserved.</summary>
    /// <param name="item">The item.</param>
    public Task<int> ReservedAsync(string item) => throw new NotImplementedException("Step 3: implement Shop.ReservedAsync (see README, step 3).");
}
