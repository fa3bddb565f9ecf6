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

        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1), 1, "reserve 1"), Is.True);
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 2), 1, "reserve 2 more"), Is.False);
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1), 1, "reserve the last"), Is.True, "an exact fit is granted");
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1), 1, "reserve one too many"), Is.False);
        Assert.That(await Waiting.For(shop.ReservedAsync("lamp"), 1, "reserved"), Is.EqualTo(2));
        Assert.That(await Waiting.For(shop.OnHandAsync("lamp"), 1, "on hand"), Is.EqualTo(2));
        Assert.That(await Waiting.For(shop.OnHandAsync("sofa"), 1, "on hand"), Is.Zero);
        Assert.That(await Waiting.For(shop.ReservedAsync("desk"), 1, "reserved"), Is.Zero);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_seam_is_awaited_only_once_the_check_has_passed_and_before_the_act()
    {
        using var node = new HiddenNode();
        var shop = await node.SplitShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
        var reservedAtSeam = new List<int>();

        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1, async () => reservedAtSeam.Add(await shop.ReservedAsync("lamp"))), 1, "reserve"), Is.True);
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1, async () => reservedAtSeam.Add(await shop.ReservedAsync("lamp"))), 1, "reserve"), Is.False);

        Assert.That(reservedAtSeam, Is.EqualTo(new[] { 0 }), "the seam ran once, before the act, and not for the refusal");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_two_processes_are_distinct_servers()
    {
        using var node = new HiddenNode();
        var shop = await node.SplitShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });

        Assert.That(shop.Stock, Is.Not.EqualTo(shop.Reservations));
        Assert.That(node.Node.GetInfo(shop.Stock)?.Status, Is.Not.EqualTo(ProcessStatus.Exited));
        Assert.That(await Waiting.For(GenServer.CallAsync<int>(node.Node, shop.Stock, "nonsense").ContinueWith(t => t.IsFaulted ? 1 : 0), 1, "a bad call"), Is.EqualTo(1));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_split_shop_refuses_bad_arguments()
    {
        using var node = new HiddenNode();
        Assert.That(() => SplitShop.StartAsync(null!, new Dictionary<string, int>()), Throws.ArgumentNullException);
        Assert.That(() => SplitShop.StartAsync(node.Node, null!), Throws.ArgumentNullException);
        var shop = await node.SplitShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
        Assert.That(() => shop.ReserveAsync("", 1), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => shop.ReserveAsync("lamp", 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
