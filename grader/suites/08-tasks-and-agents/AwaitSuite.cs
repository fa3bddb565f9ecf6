using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Hidden;

/// <summary>Step 1 in depth: FetchAsync, a linked task awaited with a time-out.</summary>
[Property("Step", 1)]
public sealed class AwaitSuite : HiddenFixture
{
    [Test]
    public void The_checker_refuses_a_null_source()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new PriceChecker(null!), "new PriceChecker(null) must throw ArgumentNullException.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Each_fetch_returns_its_own_quote_from_a_task_of_its_own()
    {
        var random = Seeded.Random();
        var source = new GatedSource(open: true);
        var checker = new PriceChecker(source);
        var products = Seeded.Products(random, random.Next(2, 8));

        foreach (var product in products)
        {
            var quote = await Wait.For(checker.FetchAsync(Inbox, product, TimeSpan.FromSeconds(5)), $"the quote for {product}", 1);
            Assert.That(quote, Is.EqualTo(new Quote(product, GatedSource.PriceOf(product))), $"FetchAsync({product}) returns that product's quote.");
        }

        var tasks = await Task.WhenAll(products.Select(source.WhenStarted));
        Assert.That(tasks.Distinct().Count(), Is.EqualTo(products.Length), "Each fetch runs in a new task process.");
        Assert.That(tasks, Does.Not.Contain(Inbox.Self), "No fetch runs in the caller's process.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task The_time_out_is_exactly_the_one_given_on_the_nodes_clock()
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(2, 20_000));
        var source = new GatedSource();
        var checker = new PriceChecker(source);

        var fetching = checker.FetchAsync(Inbox, "tea", timeout);
        var task = await Wait.For(source.WhenStarted("tea"), "the fetch to start", 1, fetching);
        Clock.Advance(timeout - TimeSpan.FromMilliseconds(1));
        Assert.That(await Wait.StillRunning(fetching), Is.True, $"With a time-out of {timeout.TotalMilliseconds} ms, FetchAsync is still waiting 1 ms before it.");

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.For((Task)fetching, "the time-out", 1);
        var error = Assert.ThrowsAsync<TaskTimeoutException>(() => fetching, "At the time-out, FetchAsync throws TaskTimeoutException.");
        Assert.That(error?.Timeout, Is.EqualTo(timeout), "The exception carries the time-out given to FetchAsync.");
        Assert.That(error?.Task, Is.EqualTo(task), "The exception names the task.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_late_reply_after_a_caught_time_out_is_dropped()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);

        var fetching = checker.FetchAsync(Inbox, "tea", TimeSpan.FromSeconds(1));
        var task = await Wait.For(source.WhenStarted("tea"), "the fetch to start", 1, fetching);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Wait.For((Task)fetching, "the time-out", 1);
        Assert.ThrowsAsync<TaskTimeoutException>(() => fetching, "Step 1: when the time-out passes, FetchAsync throws TaskTimeoutException (the caller catches it here).");

        var exit = Node.WaitForExitAsync(task);
        source.Answer("tea");
        Assert.That(await Wait.For(exit, "the task to finish after its late answer", 1), Is.EqualTo(ExitReason.Normal), "The task, left running, finishes normally.");
        Assert.That(Inbox.MessageQueueLength, Is.Zero, "Its late reply (and its DOWN) never reach the caller's mailbox.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_reply_leaves_nothing_in_the_callers_mailbox_and_the_task_ends_normally()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);

        var fetching = checker.FetchAsync(Inbox, "milk", TimeSpan.FromSeconds(5));
        var task = await Wait.For(source.WhenStarted("milk"), "the fetch to start", 1, fetching);
        var exit = Node.WaitForExitAsync(task);
        source.Answer("milk");

        Assert.That(await Wait.For(fetching, "the quote", 1), Is.EqualTo(new Quote("milk", GatedSource.PriceOf("milk"))), "Step 1: FetchAsync returns the Quote the task replied with: the product and its price.");
        Assert.That(await Wait.For(exit, "the task to end", 1), Is.EqualTo(ExitReason.Normal), "A task that replied ends normally.");
        Assert.That(Inbox.MessageQueueLength, Is.Zero, "Nothing of the task is left in the caller's mailbox.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_caller_that_traps_exits_sees_a_crash_as_ProcessExitedException_with_the_reason()
    {
        Inbox.TrapExit = true;
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var error = new TimeoutException("the supplier hung up");
        source.Fail("tea", error);

        var fetching = checker.FetchAsync(Inbox, "tea", TimeSpan.FromSeconds(5));
        await Wait.For((Task)fetching, "the crash to reach the caller", 1);

        var exited = Assert.ThrowsAsync<ProcessExitedException>(() => fetching, "A crashed task makes AwaitAsync throw ProcessExitedException.");
        Assert.That(exited?.Reason, Is.SameAs(error), "Its Reason is the exception the fetch threw.");
        var exit = await Wait.For(Inbox.ReceiveAsync<ExitMessage>().AsTask(), "the EXIT of the linked task", 1);
        Assert.That(exit?.Reason, Is.SameAs(error), "The task is linked: a trapping caller gets its EXIT with the crash as reason.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_crash_ends_a_caller_that_does_not_trap_exits_and_the_reason_is_the_crash()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var error = new InvalidOperationException("no such product");
        source.Fail("caviar", error);

        var (_, monitor) = Inbox.SpawnMonitor(async ctx => await checker.FetchAsync(ctx, "caviar", TimeSpan.FromSeconds(5)));

        Assert.That(await Wait.ForDown(Inbox, monitor, "the caller to go down with its task", 1), Is.SameAs(error), "Step 1: the linked task's crash ends a caller that does not trap exits, with the crash as its reason.");
    }
}
