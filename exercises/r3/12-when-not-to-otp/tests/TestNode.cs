using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Otp;

namespace WhenNotToOtp.Tests;

/// <summary>
/// A node for the tests that need processes (steps 1 and 3), on a fake clock: no call time-out can fire by itself, so
/// a server that never answers is caught by <see cref="Waiting"/>, which says what it waited for.
/// </summary>
internal sealed class TestNode : IDisposable
{
    public TestNode() => Node = new Node(new FakeTimeProvider());

    public Node Node { get; }

    /// <summary>The given two-process design, with <paramref name="stock"/> on hand.</summary>
    public Task<SplitShop> SplitShopAsync(int step, IReadOnlyDictionary<string, int> stock) =>
        Waiting.For(SplitShop.StartAsync(Node, stock), step, "SplitShop.StartAsync (the given two-process design)");

    /// <summary>Your one-process design, with <paramref name="stock"/> on hand.</summary>
    public Task<Shop> ShopAsync(int step, IReadOnlyDictionary<string, int> stock) =>
        Waiting.For(Shop.StartAsync(Node, stock), step, "Shop.StartAsync to return the started shop");

    public void Dispose() => Node.Dispose();
}
