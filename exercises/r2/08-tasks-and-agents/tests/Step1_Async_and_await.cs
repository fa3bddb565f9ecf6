using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace TasksAndAgents.Tests;

/// <summary>Step 1: a fetch in a task linked to its caller, awaited with a time-out on the node's clock.</summary>
public sealed class Step1_Async_and_await : NodeFixture
{
    [Test]
    [CancelAfter(10_000)]
    public async Task The_fetch_runs_in_a_task_linked_to_and_monitored_by_the_caller()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);

        var fetching = checker.FetchAsync(Inbox, "tea", TimeSpan.FromSeconds(5));
        var task = await Wait.For(source.WhenStarted("tea"), "the fetch of \"tea\" to start", 1, fetching);

        Assert.That(task, Is.Not.EqualTo(Inbox.Self),
            "Step 1: the fetch ran in the caller's own process; run it in a task, a process of its own (OtpTask.Async) (see README, step 1).");
        var info = Node.GetInfo(task)!;
        Assert.That(info.Links, Does.Contain(Inbox.Self),
            $"Step 1: the task should be linked to its caller (Task.async links); its links are [{string.Join(", ", info.Links)}] (see README, step 1).");
        Assert.That(info.MonitoredBy, Does.Contain(Inbox.Self),
            "Step 1: the caller should monitor its task, so that it hears of a task that dies without replying (see README, step 1).");

        source.Answer("tea");
        var quote = await Wait.For(fetching, "FetchAsync to return once the fetch of \"tea\" had answered", 1);
        Assert.That(quote, Is.EqualTo(new Quote("tea", GatedSource.PriceOf("tea"))),
            "Step 1: FetchAsync returns the quote the task replied with: the product and the price the source gave (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_caller_waits_as_long_as_the_time_out_on_the_nodes_clock_then_gets_TaskTimeoutException()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);

        var fetching = checker.FetchAsync(Inbox, "tea", TimeSpan.FromSeconds(2));
        var task = await Wait.For(source.WhenStarted("tea"), "the fetch of \"tea\" to start", 1, fetching);

        Clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.That(await Wait.StillRunning(fetching), Is.True,
            "Step 1: 1.999 s of the node's 2 s had passed and FetchAsync had already given up: await with the time-out you were given, on the node's clock (see README, step 1).");

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.For((Task)fetching, "FetchAsync to give up once its 2 s time-out had passed on the node's clock", 1);
        var error = Assert.ThrowsAsync<TaskTimeoutException>(() => fetching,
            "Step 1: when the time-out passes, OtpTask.AwaitAsync throws TaskTimeoutException; let it out of FetchAsync (see README, step 1).");
        Assert.That(error?.Task, Is.EqualTo(task), "Step 1: the TaskTimeoutException names the task that did not answer (see README, step 1).");
        Assert.That(Node.IsAlive(task), Is.True,
            "Step 1: a time-out that the caller catches does not stop the task: it runs on, and its late reply is dropped (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_uncaught_time_out_ends_the_caller_and_the_link_ends_the_task()
    {
        var source = new GatedSource();
        var checker = new PriceChecker(source);
        var (_, callerMonitor) = Inbox.SpawnMonitor(async ctx =>
        {
            var fetching = checker.FetchAsync(ctx, "tea", TimeSpan.FromSeconds(2));
            ctx.Send(Inbox.Self, "waiting"); // FetchAsync has started the task and is waiting, its time-out set
            await fetching; // not caught: a time-out ends this process, as an exit would in Elixir
        });
        var first = await Wait.For(Inbox.ReceiveAsync(m => m is "waiting" || (m is DownMessage d && d.Ref == callerMonitor), Timeout.InfiniteTimeSpan).AsTask(),
            "the caller to start its fetch", 1);
        if (first is DownMessage early)
        {
            Assert.Fail($"Step 1: the caller ended before its fetch was under way, with {early.Reason} (see README, step 1).");
        }

        var task = await Wait.For(source.WhenStarted("tea"), "the fetch of \"tea\" to start", 1);

        var taskExit = Node.WaitForExitAsync(task);

        Clock.Advance(TimeSpan.FromSeconds(2));

        var callerReason = await Wait.ForDown(Inbox, callerMonitor, "the caller to exit after its time-out", 1);
        Assert.That(callerReason, Is.TypeOf<TaskTimeoutException>(),
            $"Step 1: the caller should have ended with the TaskTimeoutException it did not catch; it ended with {callerReason} (see README, step 1).");
        var taskReason = await Wait.For(taskExit, "the task to exit with its caller (they are linked)", 1);
        Assert.That(taskReason, Is.SameAs(callerReason),
            $"Step 1: the link carries the caller's exit reason to the task, which ends with it; it ended with {taskReason} (see README, step 1).");
    }
}
