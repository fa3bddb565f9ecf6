using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Hidden;

/// <summary>Step 3 in depth: FetchAllAsync, an ordered stream of tasks with a limit.</summary>
[Property("Step", 3)]
public sealed class StreamSuite : HiddenFixture
{
    [Test]
    [CancelAfter(30_000)]
    public async Task Quotes_keep_the_order_of_the_products_for_a_random_finishing_order()
    {
        var random = Seeded.Random();
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var products = Seeded.Products(random, random.Next(2, 9));
        var finishing = products.ToArray();
        random.Shuffle(finishing);

        var fetching = checker.FetchAllAsync(Inbox, products, products.Length);
        await Wait.For(source.WhenRunning(products.Length), "every fetch to run at once", 3, fetching);
        foreach (var product in finishing)
        {
            var task = await source.WhenStarted(product);
            source.Answer(product);
            await Wait.ForExit(Node, task, $"the task for {product} to finish", 3);
        }

        var quotes = await Wait.For(fetching, "the quotes", 3);
        Assert.That(quotes, Is.EqualTo(products.Select(p => new Quote(p, GatedSource.PriceOf(p)))),
            $"Finished in the order [{string.Join(", ", finishing)}], the quotes still follow [{string.Join(", ", products)}].");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_random_limit_is_reached_and_never_passed()
    {
        var random = Seeded.Random();
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var products = Seeded.Products(random, random.Next(4, 13));
        var limit = random.Next(1, products.Length);
        TestContext.Out.WriteLine($"{products.Length} products, limit {limit}");

        var fetching = checker.FetchAllAsync(Inbox, products, limit);
        var started = Node.GetInfo(Inbox.Self)!.Monitors.Count; // the owner monitors each task it has started
        Assert.That(started, Is.EqualTo(limit), $"With a limit of {limit}, the stream starts {limit} tasks and waits; it started {started}.");
        await Wait.For(source.WhenRunning(limit), $"{limit} fetches to run at once", 3, fetching);

        for (var i = 0; i < products.Length; i++)
        {
            source.Answer(products[i]);
            if (i + limit < products.Length)
            {
                await Wait.For(source.WhenStarted(products[i + limit]), $"the fetch of {products[i + limit]} to start", 3, fetching);
            }
        }

        var quotes = await Wait.For(fetching, "the quotes", 3);
        Assert.That(source.Peak, Is.EqualTo(limit), $"At most {limit} fetches ran at once, and that many did; the most was {source.Peak}.");
        Assert.That(quotes.Select(q => q.Product), Is.EqualTo(products), "Step 3: the quotes come back in the order of the products, whatever order the fetches finish in.");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_limit_above_the_number_of_products_runs_them_all_at_once()
    {
        var random = Seeded.Random();
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var products = Seeded.Products(random, random.Next(1, 6));

        var fetching = checker.FetchAllAsync(Inbox, products, products.Length + random.Next(1, 10));
        await Wait.For(source.WhenRunning(products.Length), "every fetch to run at once", 3, fetching);
        foreach (var product in products)
        {
            source.Answer(product);
        }

        Assert.That((await Wait.For(fetching, "the quotes", 3)).Select(q => q.Product), Is.EqualTo(products), "Step 3: the quotes come back in the order of the products.");
        Assert.That(source.Peak, Is.EqualTo(products.Length), "Step 3: with a limit above the number of products, every fetch runs at once.");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_limit_of_one_fetches_one_product_after_the_other()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        string[] products = ["tea", "coffee", "cocoa", "milk"];

        var fetching = checker.FetchAllAsync(Inbox, products, 1);
        foreach (var product in products)
        {
            await Wait.For(source.WhenStarted(product), $"the fetch of {product} to start", 3, fetching);
            Assert.That(source.Running, Is.EqualTo(1), "With a limit of 1, one fetch runs at a time.");
            source.Answer(product);
        }

        Assert.That((await Wait.For(fetching, "the quotes", 3)).Select(q => q.Product), Is.EqualTo(products), "Step 3: the quotes come back in the order of the products.");
        Assert.That(source.Started, Is.EqualTo(products), "One at a time, in the order of the products.");
        Assert.That(source.Peak, Is.EqualTo(1), "Step 3: with a limit of 1, never more than one fetch runs at once.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task No_products_give_no_quotes_and_start_no_task()
    {
        var source = new GatedSource(open: true);
        var checker = new PriceChecker(source);

        var quotes = await Wait.For(checker.FetchAllAsync(Inbox, [], 3), "the empty list", 3);

        Assert.That(quotes, Is.Empty, "Step 3: no products give an empty list of quotes.");
        Assert.That(source.Started, Is.Empty, "Step 3: no products start no fetch.");
    }

    [Test]
    [CancelAfter(10_000)]
    public void A_negative_limit_is_refused()
    {
        var source = new GatedSource(open: true);
        var checker = new PriceChecker(source);

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => checker.FetchAllAsync(Inbox, ["tea"], -1 - TestContext.CurrentContext.Random.Next(100)), "Step 3: a negative limit is refused with ArgumentOutOfRangeException.");
        Assert.That(source.Started, Is.Empty, "Step 3: a refused limit starts no fetch: check it before the stream starts.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_same_product_twice_gives_two_quotes()
    {
        var source = new GatedSource(open: true);
        var checker = new PriceChecker(source);

        var quotes = await Wait.For(checker.FetchAllAsync(Inbox, ["tea", "milk", "tea"], 2), "the quotes", 3);

        Assert.That(quotes.Select(q => q.Product), Is.EqualTo(new[] { "tea", "milk", "tea" }), "Step 3: the same product twice gives two quotes, in the order of the products.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_failed_fetch_in_the_stream_takes_the_caller_down()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var error = new InvalidOperationException("the supplier is down");
        source.Answer("tea");
        source.Fail("coffee", error);

        var (_, monitor) = Inbox.SpawnMonitor(async ctx => await checker.FetchAllAsync(ctx, ["tea", "coffee"], 2));

        Assert.That(await Wait.ForDown(Inbox, monitor, "the caller to go down with the stream", 3), Is.SameAs(error),
            "The stream's tasks are linked to the caller: a crash ends it with the crash's reason.");
    }
}
