using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Tests;

/// <summary>Step 3: many fetches as a stream of tasks, a few at a time, the quotes in the order of the products.</summary>
public sealed class Step3_An_ordered_stream_with_a_limit : NodeFixture
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Quotes_come_back_in_the_order_of_the_products_whatever_order_the_fetches_finish_in()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        string[] products = ["coffee", "tea", "cocoa"];

        var fetching = checker.FetchAllAsync(Inbox, products, maxConcurrency: 3);
        await Wait.For(source.WhenRunning(3), "the three fetches to run at once (the limit is 3)", 3, fetching);

        foreach (var product in products.Reverse()) // the last product's fetch finishes first
        {
            var task = await source.WhenStarted(product);
            source.Answer(product);
            await Wait.ForExit(Node, task, $"the task fetching \"{product}\" to finish", 3); // its reply is in the caller's mailbox now
        }

        var quotes = await Wait.For(fetching, "FetchAllAsync to return once every fetch had answered", 3);
        Assert.That(quotes.Select(q => q.Product), Is.EqualTo(products),
            "Step 3: the quotes must come in the order of the products, even though the fetches finished in the reverse order (AsyncStreamOptions.Ordered) (see README, step 3).");
        Assert.That(quotes.Select(q => q.Price), Is.EqualTo(products.Select(GatedSource.PriceOf)),
            "Step 3: each quote carries the price its own fetch answered (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task No_more_fetches_run_at_once_than_the_limit_and_as_many_as_the_limit_do()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        string[] products = ["coffee", "tea", "cocoa", "milk", "sugar", "honey", "lemon"];

        var fetching = checker.FetchAllAsync(Inbox, products, maxConcurrency: 3);
        await Wait.For(source.WhenRunning(3), "three fetches to run at once (the limit is 3: is MaxConcurrency set to it?)", 3, fetching);

        // Let the fetches finish one at a time, in order; each time, the stream starts the next product in the freed slot.
        for (var i = 0; i < products.Length; i++)
        {
            source.Answer(products[i]);
            if (i + 3 < products.Length)
            {
                await Wait.For(source.WhenStarted(products[i + 3]), $"the fetch of \"{products[i + 3]}\" to start once a slot was free", 3);
            }
        }

        var quotes = await Wait.For(fetching, "FetchAllAsync to return once every fetch had answered", 3);
        Assert.That(source.Peak, Is.EqualTo(3),
            $"Step 3: each fetch counted, as it started, how many fetches were running; the most was {source.Peak}, and the limit was 3 (AsyncStreamOptions.MaxConcurrency) (see README, step 3).");
        Assert.That(quotes.Select(q => q.Product), Is.EqualTo(products), "Step 3: one quote per product, in their order (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public void A_limit_below_one_is_refused_before_any_fetch_starts()
    {
        var source = new GatedSource(open: true);
        var checker = new PriceChecker(source);

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => checker.FetchAllAsync(Inbox, ["coffee", "tea"], maxConcurrency: 0),
            "Step 3: a limit of 0 would never run anything: refuse it with ArgumentOutOfRangeException (the stream's options do) (see README, step 3).");
        Assert.That(source.Started, Is.Empty, "Step 3: a refused limit starts no fetch (see README, step 3).");
    }
}
