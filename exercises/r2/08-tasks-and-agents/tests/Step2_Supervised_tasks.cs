using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Tests;

/// <summary>Step 2: a fetch under a task supervisor, not linked to its caller: a crash is a result, not the caller's end.</summary>
public sealed class Step2_Supervised_tasks : NodeFixture
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_supervised_fetch_runs_under_the_task_supervisor_and_is_not_linked_to_the_caller()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var supervisor = await TaskSupervisor.StartAsync(Node);

        var fetching = checker.FetchSupervisedAsync(Inbox, supervisor, "tea", TimeSpan.FromSeconds(5));
        var task = await Wait.For(source.WhenStarted("tea"), "the supervised fetch of \"tea\" to start", 2, fetching);

        var children = await Wait.For(TaskSupervisor.ChildrenAsync(Node, supervisor), "the task supervisor's list of children", 2);
        Assert.That(children, Does.Contain(task),
            "Step 2: the fetch should run as a child of the task supervisor you were given (TaskSupervisor.RunNolinkAsync) (see README, step 2).");
        var info = Node.GetInfo(task)!;
        Assert.That(info.Links, Does.Not.Contain(Inbox.Self),
            "Step 2: the supervised task must not be linked to its caller, or its crash would end the caller (async_nolink, not async) (see README, step 2).");
        Assert.That(info.MonitoredBy, Does.Contain(Inbox.Self),
            "Step 2: the caller monitors the task: that is how a crash reaches it as {:exit, reason} (see README, step 2).");

        source.Answer("tea");
        var result = await Wait.For(fetching, "FetchSupervisedAsync to return once the fetch had answered", 2);
        Assert.That(result, Is.EqualTo(TaskResult<Quote>.Ok(new Quote("tea", GatedSource.PriceOf("tea")))),
            "Step 2: a fetch that answers in time gives {:ok, quote} (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_in_a_supervised_fetch_comes_back_as_an_exit_and_the_caller_lives_on()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var supervisor = await TaskSupervisor.StartAsync(Node);
        var outage = new InvalidOperationException("the supplier is down");
        source.Fail("coffee", outage);
        source.Answer("tea");

        var (_, callerMonitor) = Inbox.SpawnMonitor(async ctx =>
        {
            var coffee = await checker.FetchSupervisedAsync(ctx, supervisor, "coffee", TimeSpan.FromSeconds(5));
            var tea = await checker.FetchSupervisedAsync(ctx, supervisor, "tea", TimeSpan.FromSeconds(5)); // still alive to ask again
            ctx.Send(Inbox.Self, new[] { coffee, tea });
        });

        var reason = await Wait.ForDown(Inbox, callerMonitor, "the caller to finish its two supervised fetches", 2);
        Assert.That(reason, Is.EqualTo(ExitReason.Normal),
            $"Step 2: the caller should have finished normally after its two fetches; it ended with {reason}. A crash in a supervised, unlinked task must not take its caller down (see README, step 2).");
        var results = (TaskResult<Quote>[])(await Inbox.ReceiveAsync(m => m is TaskResult<Quote>[], TimeSpan.Zero))!;
        Assert.That(results[0].IsOk, Is.False, $"Step 2: the fetch of \"coffee\" threw, so its result is {{:exit, reason}}; it was {results[0]} (see README, step 2).");
        Assert.That(results[0].Reason, Is.SameAs(outage), "Step 2: the exit reason of a crashed task is the exception it threw (see README, step 2).");
        Assert.That(results[1], Is.EqualTo(TaskResult<Quote>.Ok(new Quote("tea", GatedSource.PriceOf("tea")))),
            "Step 2: after a crash the caller is still there, and its next fetch works (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_crash_in_a_linked_task_takes_the_caller_down_even_when_it_catches()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var outage = new InvalidOperationException("the supplier is down");
        source.Fail("coffee", outage);

        var (_, callerMonitor) = Inbox.SpawnMonitor(async ctx =>
        {
            try
            {
                await checker.FetchAsync(ctx, "coffee", TimeSpan.FromSeconds(5)); // Step 1's fetch: a linked task
            }
            catch (Exception error) when (error is not NotImplementedException)
            {
                // Too late: the exit signal from the task has already ended this process.
            }

            ctx.Send(Inbox.Self, "survived");
        });

        var reason = await Wait.ForDown(Inbox, callerMonitor, "the caller of a linked task that crashes to exit", 2);
        Assert.That(reason, Is.SameAs(outage),
            $"Step 2: a linked task that crashes sends its caller an exit signal, which no try/catch stops: the caller should have ended with the task's exception; it ended with {reason} (see README, steps 1 and 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_supervised_fetch_that_is_too_slow_is_shut_down_and_gives_exit_timeout()
    {
        var source = new GatedSource(); // "tea" never answers
        var checker = new PriceChecker(source);
        var supervisor = await TaskSupervisor.StartAsync(Node);

        var result = await Wait.For(checker.FetchSupervisedAsync(Inbox, supervisor, "tea", TimeSpan.Zero),
            "FetchSupervisedAsync to give up at once with a zero time-out", 2);

        Assert.That(result, Is.EqualTo(TaskResult<Quote>.Exit(ExitReason.Timeout)),
            $"Step 2: a fetch that has not answered when the time-out passes gives {{:exit, :timeout}}; it gave {result} (see README, step 2).");
        var children = await Wait.For(TaskSupervisor.ChildrenAsync(Node, supervisor), "the task supervisor's list of children", 2);
        Assert.That(children, Is.Empty,
            $"Step 2: a task given up on must be shut down (OtpTask.ShutdownAsync), not left running; the supervisor still has [{string.Join(", ", children)}] (see README, step 2).");
        Assert.That(Inbox.MessageQueueLength, Is.Zero,
            "Step 2: after the shutdown nothing of the task may be left in the caller's mailbox (ShutdownAsync takes its reply or DOWN) (see README, step 2).");
    }
}
