using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WhenNotToOtp.Hidden;

/// <summary>The one-process shop under many customers at once, restocks among them, and its one-message protocol.</summary>
[Property("Step", 3)]
public sealed class ShopSuite
{
    private static readonly string[] Items = ["lamp", "desk", "sofa"];

    [Test]
    [CancelAfter(20_000)]
    public async Task Random_customers_and_restocks_at_once_never_oversell_and_every_grant_is_counted()
    {
        var random = Seeded.Random();
        using var node = new HiddenNode();
        var stock = Items.ToDictionary(item => item, _ => random.Next(0, 8));
        var shop = await node.ShopAsync(stock);
        var requests = Enumerable.Range(0, 60)
            .Select(_ => (Item: Items[random.Next(Items.Length)], Quantity: random.Next(1, 4), Restock: random.Next(6) == 0))
            .ToList();

        var answers = await Waiting.For(Task.WhenAll(requests.Select(r => Task.Run(async () =>
            r.Restock ? (await shop.RestockAsync(r.Item, r.Quantity)) >= 0 : await shop.ReserveAsync(r.Item, r.Quantity)))), 3,
            "sixty requests at once");

        foreach (var item in Items)
        {
            var granted = requests.Zip(answers).Where(p => !p.First.Restock && p.First.Item == item && p.Second).Sum(p => p.First.Quantity);
            var restocked = requests.Where(r => r.Restock && r.Item == item).Sum(r => r.Quantity);
            var onHand = await Waiting.For(shop.OnHandAsync(item), 3, "OnHandAsync");
            var reserved = await Waiting.For(shop.ReservedAsync(item), 3, "ReservedAsync");
            Assert.That(onHand, Is.EqualTo(stock[item] + restocked), $"{item}: on hand");
            Assert.That(reserved, Is.EqualTo(granted), $"{item}: every granted reservation, and only those, is reserved");
            Assert.That(reserved, Is.LessThanOrEqualTo(onHand), $"{item}: the invariant");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Customers_beyond_the_stock_are_refused_exactly()
    {
        var random = Seeded.Random();
        using var node = new HiddenNode();
        var lamps = random.Next(1, 15);
        var shop = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = lamps });

        var answers = await Waiting.For(Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => shop.ReserveAsync("lamp", 1)))), 3, "thirty customers");

        Assert.That(answers.Count(a => a), Is.EqualTo(lamps), "Step 3: of thirty customers at once, exactly as many as there are lamps should be served");
        var state = await Waiting.For(Sys.GetStateAsync<Inventory>(node.Node, shop.Pid), 3, "the state");
        Assert.That(state, Is.EqualTo(Inventory.Of(new Dictionary<string, int> { ["lamp"] = lamps }).TryReserve("lamp", lamps)), "Step 3: the server state should be the core's inventory with every lamp reserved");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_refusal_leaves_the_state_as_it_was_and_the_seam_is_never_called()
    {
        using var node = new HiddenNode();
        var shop = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = 2, ["desk"] = 1 });
        var seams = 0;
        await Waiting.For(shop.ReserveAsync("lamp", 1), 3, "a reservation");
        var before = await Waiting.For(Sys.GetStateAsync<Inventory>(node.Node, shop.Pid), 3, "the state");

        var refused = await Waiting.For(shop.ReserveAsync("lamp", 2, () => { seams++; return Task.CompletedTask; }), 3, "a refused reservation");
        var unknown = await Waiting.For(shop.ReserveAsync("rug", 1, () => { seams++; return Task.CompletedTask; }), 3, "a reservation of an unknown item");
        var after = await Waiting.For(Sys.GetStateAsync<Inventory>(node.Node, shop.Pid), 3, "the state");

        Assert.That((refused, unknown), Is.EqualTo((false, false)), "Step 3: a reservation of more than is free, or of an unknown item, should be refused");
        Assert.That(after, Is.EqualTo(before), "Step 3: a refusal should leave the server state as it was (reply false with the old inventory)");
        Assert.That(seams, Is.Zero, "Step 3: the shop should never call betweenCheckAndAct: a reservation is one call, with no gap");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_request_is_one_message()
    {
        using var node = new HiddenNode();
        var shop = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
        var start = node.Handled(shop.Pid);

        await Waiting.For(shop.ReserveAsync("lamp", 1), 3, "reserve");
        await Waiting.For(shop.ReserveAsync("lamp", 1), 3, "reserve (refused)");
        await Waiting.For(shop.RestockAsync("lamp", 1), 3, "restock");
        await Waiting.For(shop.OnHandAsync("lamp"), 3, "on hand");
        await Waiting.For(shop.ReservedAsync("lamp"), 3, "reserved");

        Assert.That(node.Handled(shop.Pid) - start, Is.EqualTo(5), "Step 3: each request (reserve, restock, on hand, reserved) should be exactly one message to the server");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Restock_replies_with_the_new_count_and_works_for_a_new_item()
    {
        var random = Seeded.Random();
        using var node = new HiddenNode();
        var first = random.Next(1, 10);
        var second = random.Next(1, 10);
        var shop = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = 0 });

        var afterFirst = await Waiting.For(shop.RestockAsync("rug", first), 3, "restock");
        var afterSecond = await Waiting.For(shop.RestockAsync("rug", second), 3, "restock");
        var granted = await Waiting.For(shop.ReserveAsync("rug", first + second), 3, "reserve all");

        Assert.That((afterFirst, afterSecond, granted), Is.EqualTo((first, first + second, true)), "Step 3: Restock should reply with the new count on hand, also for an item never stocked");
        Assert.That(await Waiting.For(shop.ReservedAsync("rug"), 3, "reserved"), Is.EqualTo(first + second), "Step 3: reserving all the restocked units of a new item should reserve them");
        Assert.That(await Waiting.For(shop.OnHandAsync("lamp"), 3, "on hand"), Is.Zero, "Step 3: restocking one item should leave the others' stock alone");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Two_shops_are_two_processes_with_their_own_stock()
    {
        using var node = new HiddenNode();
        var one = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
        var two = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });

        Assert.That(one.Pid, Is.Not.EqualTo(two.Pid), "Step 3: each Shop.StartAsync should start its own server process");
        Assert.That(await Waiting.For(one.ReserveAsync("lamp", 1), 3, "reserve in one"), Is.True, "Step 3: the first shop should have its own lamp");
        Assert.That(await Waiting.For(two.ReserveAsync("lamp", 1), 3, "reserve in two"), Is.True, "Step 3: the second shop should have its own lamp, untouched by the first shop's reservation");
        Assert.That(node.Node.GetInfo(one.Pid)?.Behaviour, Is.EqualTo("gen_server"), "Step 3: the shop's process should be a GenServer (ShopServer : GenServer<Inventory>)");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Bad_arguments_start_and_send_nothing()
    {
        using var node = new HiddenNode();

        Assert.That(() => Shop.StartAsync(node.Node, null!), Throws.ArgumentNullException, "Step 3: Shop.StartAsync should refuse null stock");
        Assert.That(() => Shop.StartAsync(node.Node, new Dictionary<string, int> { [""] = 1 }), Throws.InstanceOf<ArgumentException>(), "Step 3: Shop.StartAsync should refuse an empty item name (build the inventory with Inventory.Of first)");
        Assert.That(() => Shop.StartAsync(null!, new Dictionary<string, int> { ["lamp"] = -1 }), Throws.InstanceOf<ArgumentException>(), "Step 3: Shop.StartAsync should refuse bad stock or a null node before starting anything");
        Assert.That(node.Node.Processes(), Is.Empty, "Step 3: bad arguments to Shop.StartAsync must not start a process");

        var shop = await node.ShopAsync(new Dictionary<string, int> { ["lamp"] = 1 });
        var start = node.Handled(shop.Pid);
        Assert.That(() => shop.ReserveAsync("lamp", -5), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("quantity"), "Step 3: ReserveAsync should refuse a negative quantity before sending anything");
        Assert.That(() => shop.ReserveAsync(null!, 1), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("item"), "Step 3: ReserveAsync should refuse a null item before sending anything");
        Assert.That(() => shop.RestockAsync("lamp", 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("quantity"), "Step 3: RestockAsync should refuse a quantity of zero before sending anything");
        Assert.That(() => shop.RestockAsync(null!, 2), Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("item"), "Step 3: RestockAsync should refuse a null item before sending anything");
        Assert.That(node.Handled(shop.Pid), Is.EqualTo(start), "Step 3: a bad argument must be refused in the client, without a message to the server");
        Assert.That(await Waiting.For(shop.ReserveAsync("lamp", 1), 3, "a good reservation after the bad ones"), Is.True, "Step 3: after the bad arguments the server should still be alive and serve a good reservation");
    }
}
