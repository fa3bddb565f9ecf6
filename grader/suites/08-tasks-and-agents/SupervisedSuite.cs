using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Hidden;

/// <summary>Step 2 in depth: FetchSupervisedAsync, a task under a supervisor that only the caller's monitor watches.</summary>
[Property("Step", 2)]
public sealed class SupervisedSuite : HiddenFixture
{
    [Test]
    [CancelAfter(20_000)]
    public async Task A_caller_keeps_working_through_a_random_mix_of_crashes_and_answers()
    {
        var random = Seeded.Random();
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var supervisor = await TaskSupervisor.StartAsync(Node);
        var products = Seeded.Products(random, random.Next(3, 10));
        var crashes = products.Where(_ => random.Next(2) == 0).ToHashSet();
        var errors = new Dictionary<string, Exception>();
        foreach (var product in products)
        {
            if (crashes.Contains(product))
            {
                errors[product] = new InvalidOperationException($"no price for {product}");
                source.Fail(product, errors[product]);
            }
            else
            {
                source.Answer(product);
            }
        }

        var (_, monitor) = Inbox.SpawnMonitor(async ctx =>
        {
            var results = new List<TaskResult<Quote>>();
            foreach (var product in products)
            {
                results.Add(await checker.FetchSupervisedAsync(ctx, supervisor, product, TimeSpan.FromSeconds(5)));
            }

            ctx.Send(Inbox.Self, results.ToArray());
        });

        Assert.That(await Wait.ForDown(Inbox, monitor, "the caller to finish", 2), Is.EqualTo(ExitReason.Normal),
            "Crashes of supervised tasks never take the caller down.");
        var got = (TaskResult<Quote>[])(await Inbox.ReceiveAsync(m => m is TaskResult<Quote>[], TimeSpan.Zero))!;
        for (var i = 0; i < products.Length; i++)
        {
            var expected = crashes.Contains(products[i])
                ? TaskResult<Quote>.Exit(errors[products[i]])
                : TaskResult<Quote>.Ok(new Quote(products[i], GatedSource.PriceOf(products[i])));
            Assert.That(got[i], Is.EqualTo(expected), $"The result for {products[i]}.");
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_caller_that_traps_exits_gets_no_EXIT_from_a_supervised_task()
    {
        Inbox.TrapExit = true;
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var supervisor = await TaskSupervisor.StartAsync(Node);
        var error = new InvalidOperationException("down");
        source.Fail("tea", error);

        var result = await Wait.For(checker.FetchSupervisedAsync(Inbox, supervisor, "tea", TimeSpan.FromSeconds(5)), "the result", 2);

        Assert.That(result, Is.EqualTo(TaskResult<Quote>.Exit(error)), "Step 2: a fetch that throws gives {:exit, exception} with the exception it threw.");
        Assert.That(await Wait.NoMessage(Inbox, m => m is ExitMessage), Is.True, "A task started with async_nolink is not linked to the caller: no EXIT reaches it.");
        Assert.That(Inbox.MessageQueueLength, Is.Zero, "Nothing of the task is left in the caller's mailbox.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_fetch_that_answers_within_the_time_out_is_ok_and_the_task_leaves_the_supervisor()
    {
        var random = Seeded.Random();
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var supervisor = await TaskSupervisor.StartAsync(Node);
        var product = Seeded.Products(random, 1)[0];

        var fetching = checker.FetchSupervisedAsync(Inbox, supervisor, product, TimeSpan.FromMilliseconds(random.Next(1, 10_000)));
        var task = await Wait.For(source.WhenStarted(product), "the fetch to start", 2, fetching);
        var exit = Node.WaitForExitAsync(task);
        source.Answer(product);

        Assert.That(await Wait.For(fetching, "the result", 2), Is.EqualTo(TaskResult<Quote>.Ok(new Quote(product, GatedSource.PriceOf(product)))), "Step 2: a fetch that answers within the time-out gives {:ok, quote} with its product and price.");
        Assert.That(await Wait.For(exit, "the task to end", 2), Is.EqualTo(ExitReason.Normal), "A task that answered ends normally.");
        Assert.That(await TaskSupervisor.ChildrenAsync(Node, supervisor), Is.Empty, "A finished task is no longer the supervisor's child.");
        Assert.That(Inbox.MessageQueueLength, Is.Zero, "Nothing of the task is left in the caller's mailbox.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task Every_fetch_given_up_on_is_stopped_and_none_is_left_running()
    {
        var random = Seeded.Random();
        var source = new GatedSource(); // nothing ever answers
        var checker = new PriceChecker(source);
        var supervisor = await TaskSupervisor.StartAsync(Node);
        var products = Seeded.Products(random, random.Next(2, 6));

        foreach (var product in products)
        {
            var result = await Wait.For(checker.FetchSupervisedAsync(Inbox, supervisor, product, TimeSpan.Zero), $"the result for {product}", 2);
            Assert.That(result, Is.EqualTo(TaskResult<Quote>.Exit(ExitReason.Timeout)), $"{product} never answers: {{:exit, :timeout}}.");
        }

        Assert.That(await TaskSupervisor.ChildrenAsync(Node, supervisor), Is.Empty, "Every task given up on was shut down.");
        var taskProcesses = Node.Processes().Where(p => Node.GetInfo(p)?.Behaviour == "task").ToArray();
        Assert.That(taskProcesses, Is.Empty, "No task process is left on the node.");
        Assert.That(Inbox.MessageQueueLength, Is.Zero, "Nothing of the tasks is left in the caller's mailbox.");
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task A_supervised_fetch_uses_the_supervisor_it_is_given()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var other = await TaskSupervisor.StartAsync(Node);
        var supervisor = await TaskSupervisor.StartAsync(Node);

        var fetching = checker.FetchSupervisedAsync(Inbox, supervisor, "tea", TimeSpan.FromSeconds(5));
        var task = await Wait.For(source.WhenStarted("tea"), "the fetch to start", 2, fetching);

        Assert.That(await TaskSupervisor.ChildrenAsync(Node, supervisor), Is.EqualTo(new[] { task }), "The task runs under the supervisor given.");
        Assert.That(await TaskSupervisor.ChildrenAsync(Node, other), Is.Empty, "Not under another one.");
        source.Answer("tea");
        await Wait.For(fetching, "the result", 2);
    }
}
