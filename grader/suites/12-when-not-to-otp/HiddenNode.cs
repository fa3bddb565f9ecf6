using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Otp;

namespace WhenNotToOtp.Hidden;

/// <summary>A node on a fake clock (no call time-out fires by itself) and the two shop designs started on it.</summary>
internal sealed class HiddenNode : IDisposable
{
    public HiddenNode() => Node = new Node(new FakeTimeProvider());

    public Node Node { get; }

    public Task<SplitShop> SplitShopAsync(IReadOnlyDictionary<string, int> stock) =>
        Waiting.For(SplitShop.StartAsync(Node, stock), 1, "SplitShop.StartAsync");

    public Task<Shop> ShopAsync(IReadOnlyDictionary<string, int> stock) =>
        Waiting.For(Shop.StartAsync(Node, stock), 3, "Shop.StartAsync");

    public long Handled(Pid pid) => Node.GetInfo(pid)?.MessagesHandled ?? -1;

    public void Dispose() => Node.Dispose();
}
