using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace Applications.Tests;

/// <summary>
/// Step 3: the children are configured from the application's environment ("prices", "max_quantity"), with defaults,
/// read each time a child starts, so a restarted child picks up a value put since.
/// </summary>
public sealed class Step3_Configuration : ShopTest
{
    protected override int Step => 3;

    [Test]
    [CancelAfter(10_000)]
    public async Task Values_put_before_the_start_configure_the_children(CancellationToken cancellationToken)
    {
        await StartShopAsync(shop =>
        {
            shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 2.5m, ["cake"] = 4m });
            shop.PutEnv("max_quantity", 3);
        });
        await ReportsAsync(2, "the children's start reports");

        Assert.That(await PlaceAsync("tea", 2), Is.EqualTo(new Placed("tea", 2, 5.0m)),
            Expect("the catalog's prices come from the environment's \"prices\": 2 tea at 2.5 make 5.0"));
        Assert.That(await PlaceAsync("cake", 3), Is.EqualTo(new Placed("cake", 3, 12m)), Expect("3 is within the environment's \"max_quantity\" of 3"));
        Assert.That(await PlaceAsync("cake", 4), Is.InstanceOf<Refused>(),
            Expect("the orders server's maximum comes from the environment's \"max_quantity\": 4 is more than 3"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Without_configuration_the_catalog_is_empty_and_an_order_may_take_up_to_10(CancellationToken cancellationToken)
    {
        await StartShopAsync(shop => shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 1m }));
        await ReportsAsync(2, "the children's start reports");
        Assert.That(await PlaceAsync("tea", 10), Is.EqualTo(new Placed("tea", 10, 10m)), Expect("with no \"max_quantity\" set, an order may take 10"));
        var refused = await PlaceAsync("tea", 11);
        Assert.That(refused, Is.InstanceOf<Refused>(), Expect("with no \"max_quantity\" set, 11 is too many"));
        Assert.That(((Refused)refused).Why, Does.Contain("1 to 10"), Expect("the refusal names the maximum the orders server was started with, 10"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task With_no_environment_at_all_the_shop_starts_with_an_empty_catalog(CancellationToken cancellationToken)
    {
        await StartShopAsync();
        await ReportsAsync(2, "the children's start reports");

        var reply = await PlaceAsync("tea", 1);
        Assert.That(reply, Is.InstanceOf<Refused>(), Expect("with no \"prices\" set, the catalog lists nothing, so any order is refused"));
        Assert.That(((Refused)reply).Why, Does.Contain("does not list"), Expect("the refusal says the catalog does not list the item"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_child_reads_the_environment_each_time_it_starts(CancellationToken cancellationToken)
    {
        var shop = await StartShopAsync(shop => shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 2m }));
        await ReportsAsync(2, "the children's start reports");

        shop.PutEnv("prices", new Dictionary<string, decimal> { ["tea"] = 3m });
        Assert.That(await PlaceAsync("tea", 1), Is.EqualTo(new Placed("tea", 1, 2m)),
            Expect("a running child keeps what it started with: putting a new value changes nothing until it starts again"));

        GenServer.Cast(Node, "catalog", new Crash());
        await ReportsAsync(4, "the reports of the catalog's crash and the restarts", whileAlive: shop.TopSupervisor);
        Assert.That(await PlaceAsync("tea", 1), Is.EqualTo(new Placed("tea", 1, 3m)),
            Expect("a restarted catalog reads \"prices\" again: read the environment inside the function given to ChildSpec.For, " +
                   "which runs at every start, not once in Init"));

        Clock.Advance(TimeSpan.FromMinutes(1)); // the restart above leaves the restart intensity's window
        shop.PutEnv("max_quantity", 1);
        GenServer.Cast(Node, "orders", new Crash());
        await ReportsAsync(2, "the reports of the orders server's crash and its restart", whileAlive: shop.TopSupervisor);
        Assert.That(await PlaceAsync("tea", 2), Is.InstanceOf<Refused>(), Expect("a restarted orders server reads \"max_quantity\" again"));
    }
}
