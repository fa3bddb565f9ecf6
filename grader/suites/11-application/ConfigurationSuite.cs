using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Hidden;

/// <summary>Step 3, hidden: the environment with random values, its edges, and when each child reads it.</summary>
[Property("Step", 3)]
public sealed class ConfigurationSuite : HiddenTest
{
    protected override int Step => 3;

    [Test]
    [CancelAfter(10_000)]
    public async Task Random_prices_and_maximum_decide_every_order([Values(1, 2, 3)] int round, CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var prices = Enumerable.Range(0, random.Next(1, 6)).ToDictionary(i => $"item{i}", _ => random.Next(1, 1000) / 10m);
        var max = random.Next(1, 20);
        await StartShopAsync(shop =>
        {
            shop.PutEnv("prices", prices);
            shop.PutEnv("max_quantity", max);
        });
        await ReportsAsync(2, "the children's start reports");

        for (var i = 0; i < 20; i++)
        {
            var item = random.Next(4) == 0 ? "unknown" : $"item{random.Next(prices.Count)}";
            var quantity = random.Next(0, max + 3);
            var reply = await PlaceAsync(item, quantity);
            if (quantity >= 1 && quantity <= max && prices.TryGetValue(item, out var price))
            {
                Assert.That(reply, Is.EqualTo(new Placed(item, quantity, price * quantity)), Expect($"{quantity} {item} at {price}, maximum {max}"));
            }
            else
            {
                Assert.That(reply, Is.InstanceOf<Refused>(), Expect($"{quantity} {item} is refused (maximum {max}, catalog {string.Join(", ", prices.Keys)})"));
            }
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Exactly_the_maximum_is_accepted_and_one_more_refused(CancellationToken cancellationToken)
    {
        await StartShopAsync(shop =>
        {
            shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 1m });
            shop.PutEnv("max_quantity", 7);
        });
        await ReportsAsync(2, "the children's start reports");

        Assert.That(await PlaceAsync("tea", 7), Is.EqualTo(new Placed("tea", 7, 7m)), Expect("the maximum itself is allowed"));
        Assert.That(await PlaceAsync("tea", 8), Is.InstanceOf<Refused>(), Expect("one more than the maximum is refused"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Only_a_maximum_set_leaves_the_catalog_empty(CancellationToken cancellationToken)
    {
        await StartShopAsync(shop => shop.PutEnv("max_quantity", 50));
        await ReportsAsync(2, "the children's start reports");

        var reply = await PlaceAsync("tea", 50);
        Assert.That(reply, Is.InstanceOf<Refused>(), Expect("no prices set: the catalog lists nothing"));
        Assert.That(((Refused)reply).Why, Does.Contain("does not list"), Expect("50 is within the maximum set, so the refusal is about the catalog"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_restarted_orders_server_copies_the_running_catalog_not_the_new_prices(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync(shop => shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 2m }));
        await ReportsAsync(2, "the children's start reports");

        shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 5m });
        GenServer.Cast(Node, "orders", new Crash());
        await ReportsAsync(2, "the orders server's crash and restart", whileAlive: shop.TopSupervisor);
        Assert.That(await PlaceAsync("tea", 1), Is.EqualTo(new Placed("tea", 1, 2m)),
            Expect("prices are the catalog's: a restarted orders server copies the running catalog, which still has the old ones"));

        Clock.Advance(TimeSpan.FromMinutes(1));
        GenServer.Cast(Node, "catalog", new Crash());
        await ReportsAsync(4, "the catalog's crash and the restarts", whileAlive: shop.TopSupervisor);
        Assert.That(await PlaceAsync("tea", 1), Is.EqualTo(new Placed("tea", 1, 5m)), Expect("a restarted catalog reads the new prices, and the orders server after it copies them"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_maximum_put_after_the_start_waits_for_the_next_start_of_the_orders_server(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync(shop =>
        {
            shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 1m });
            shop.PutEnv("max_quantity", 2);
        });
        await ReportsAsync(2, "the children's start reports");

        shop.PutEnv("max_quantity", 5);
        Assert.That(await PlaceAsync("tea", 5), Is.InstanceOf<Refused>(), Expect("the running orders server keeps the maximum it started with"));

        GenServer.Cast(Node, "catalog", new Crash()); // rest for one: the orders server starts again too
        await ReportsAsync(4, "the catalog's crash and the restarts", whileAlive: shop.TopSupervisor);
        Assert.That(await PlaceAsync("tea", 5), Is.EqualTo(new Placed("tea", 5, 5m)), Expect("its next start reads the new maximum"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_environment_is_read_again_when_the_whole_shop_starts_again(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync(shop => shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 1m }));
        await ReportsAsync(2, "the children's start reports");
        await CompletesAsync(shop.StopAsync(cancellationToken), "StopAsync");
        await ReportsAsync(4, "the stop's reports");

        shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 9m });
        shop.PutEnv("max_quantity", 1);
        await CompletesAsync(shop.StartAsync(Node), "the second StartAsync");
        await ReportsAsync(2, "the second start's reports");

        Assert.That(await PlaceAsync("tea", 1), Is.EqualTo(new Placed("tea", 1, 9m)), Expect("the new prices"));
        Assert.That(await PlaceAsync("tea", 2), Is.InstanceOf<Refused>(), Expect("the new maximum"));
    }
}
