using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WhenNotToOtp.Hidden;

/// <summary>
/// The given split shop is correct for one customer at a time: the race, not a slip in its arithmetic, is what breaks it.
/// </summary>
[Property("Step", 1)]
public sealed class SplitShopSuite
{
    [Test]
    [CancelAfter(10_000)]
    public async Task One_customer_at_a_time_is_served_correctly()
    {
        using var node = new HiddenNode();
        var shop = await node.SplitShopAsync(new Dictionary<string, int> { ["lamp"] = 2, ["desk"] = 1 });

        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1), 1, "reserve 1"), Is.True, "Step 1: the given split shop should grant a lamp when two are free");
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 2), 1, "reserve 2 more"), Is.False, "Step 1: the given split shop should refuse 2 lamps when only 1 is free");
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1), 1, "reserve the last"), Is.True, "an exact fit is granted");
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1), 1, "reserve one too many"), Is.False, "Step 1: the given split shop should refuse a lamp when none is free");
        Assert.That(await Waiting.For(shop.ReservedAsync("lamp"), 1, "reserved"), Is.EqualTo(2), "Step 1: the given split shop should count both granted lamps as reserved");
        Assert.That(await Waiting.For(shop.OnHandAsync("lamp"), 1, "on hand"), Is.EqualTo(2), "Step 1: reservations should not change what the split shop has on hand");
        Assert.That(await Waiting.For(shop.OnHandAsync("sofa"), 1, "on hand"), Is.Zero, "Step 1: the split shop should say 0 on hand for an item never stocked");
        Assert.That(await Waiting.For(shop.ReservedAsync("desk"), 1, "reserved"), Is.Zero, "Step 1: the split shop should say 0 reserved for an item never reserved");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_seam_is_awaited_only_once_the_check_has_passed_and_before_the_act()
    {
        using var node = new HiddenNode();
        var shop = await node.SplitShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
        var reservedAtSeam = new List<int>();

        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1, async () => reservedAtSeam.Add(await shop.ReservedAsync("lamp"))), 1, "reserve"), Is.True, "Step 1: the split shop should grant the first lamp");
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1, async () => reservedAtSeam.Add(await shop.ReservedAsync("lamp"))), 1, "reserve"), Is.False, "Step 1: the split shop should refuse the second lamp");

        Assert.That(reservedAtSeam, Is.EqualTo(new[] { 0 }), "the seam ran once, before the act, and not for the refusal");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_two_processes_are_distinct_servers()
    {
        using var node = new HiddenNode();
        var shop = await node.SplitShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });

        Assert.That(shop.Stock, Is.Not.EqualTo(shop.Reservations), "Step 1: the split shop's stock and reservations should be two processes");
        Assert.That(node.Node.GetInfo(shop.Stock)?.Status, Is.Not.EqualTo(ProcessStatus.Exited), "Step 1: the split shop's stock server should be running");
        Assert.That(await Waiting.For(GenServer.CallAsync<int>(node.Node, shop.Stock, "nonsense").ContinueWith(t => t.IsFaulted ? 1 : 0), 1, "a bad call"), Is.EqualTo(1), "Step 1: the stock server should fail a call it does not understand");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_split_shop_refuses_bad_arguments()
    {
        using var node = new HiddenNode();
        Assert.That(() => SplitShop.StartAsync(null!, new Dictionary<string, int>()), Throws.ArgumentNullException, "Step 1: SplitShop.StartAsync should refuse a null node");
        Assert.That(() => SplitShop.StartAsync(node.Node, null!), Throws.ArgumentNullException, "Step 1: SplitShop.StartAsync should refuse null stock");
        var shop = await node.SplitShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
        Assert.That(() => shop.ReserveAsync("", 1), Throws.InstanceOf<ArgumentException>(), "Step 1: the split shop should refuse an empty item");
        Assert.That(() => shop.ReserveAsync("lamp", 0), Throws.InstanceOf<ArgumentOutOfRangeException>(), "Step 1: the split shop should refuse a quantity of zero");
    }
}
