using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Observing.Tests;

/// <summary>
/// What every test shares: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>, so the
/// bakery's restart window never runs out by itself), an inbox through which the test acts as a process, and the
/// bakery of given/ with an oven that bakes only when the test hands it a permit. The waits are bounded (2 s of real
/// time, never needed by a working solution) and say what they waited for.
/// </summary>
public abstract class NodeTest
{
    /// <summary>How long a wait lasts before the test fails: generous, since a working solution never needs it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The node's clock.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The node every process of the test runs on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The test itself, as a process.</summary>
    protected ProcessContext Inbox { get; private set; } = null!;

    /// <summary>The oven's permits: none until a test releases some, so the oven is stuck on its first order.</summary>
    protected SemaphoreSlim OvenPermits { get; private set; } = null!;

    /// <summary>The README step the fixture tests, named in every failure.</summary>
    protected abstract int Step { get; }

    [SetUp]
    public void StartNode()
    {
        Clock = new FakeTimeProvider();
        Node = new Node(Clock);
        Inbox = Node.CreateInbox();
        OvenPermits = new SemaphoreSlim(0);
    }

    [TearDown]
    public void StopNode()
    {
        Inbox.Dispose();
        Node.Dispose(); // kills whatever the test left running
        OvenPermits.Dispose();
    }

    /// <summary>Starts the bakery of given/, registered as <c>bakery</c>; its cashier crashes every <paramref name="crashEvery"/> sales.</summary>
    protected Task<Pid> StartBakeryAsync(int crashEvery = 3) =>
        Supervisor.StartAsync(Node, new Bakery(OvenPermits, crashEvery), name: "bakery");

    /// <summary>The pid registered as <paramref name="name"/>; fails the test if there is none.</summary>
    protected Pid Named(string name) =>
        Node.WhereIs(name) ?? throw new AssertionException($"Step {Step}: no process is registered as '{name}' (the bakery of given/ registers it).");

    /// <summary>
    /// Starts listening for the restarts <paramref name="supervisor"/> reports, before the test makes them happen; the
    /// returned task completes at the <paramref name="count"/>-th, or fails at once if the supervisor exits first.
    /// Listeners attached earlier (a counter under test) have heard each report before this one does.
    /// </summary>
    protected Task<Pid> RestartsReported(Pid supervisor, int count)
    {
        var done = new TaskCompletionSource<Pid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heard = 0;
        void OnReport(SupervisorReport report)
        {
            if (report.Supervisor == supervisor && report.Kind == SupervisorReportKind.ChildRestarted
                && Interlocked.Increment(ref heard) == count)
            {
                Node.SupervisorReported -= OnReport;
                done.TrySetResult(report.ChildPid!);
            }
        }

        Node.SupervisorReported += OnReport;
        _ = Node.WaitForExitAsync(supervisor).ContinueWith(
            exit => done.TrySetException(new AssertionException(
                $"Step {Step}: the supervisor {supervisor} exited with {(exit.IsCompletedSuccessfully ? exit.Result : "?")} before it reported {count} restart(s) (see README, step {Step}).")),
            TaskScheduler.Default);
        return done.Task;
    }

    /// <summary>Waits for <paramref name="task"/> (code under test, or a report) that should complete by itself.</summary>
    protected async Task<T> CompletesAsync<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never completed (see README, step {Step}).");
            throw;
        }
    }

    /// <summary>Waits for <paramref name="task"/> (code under test, or a report) that should complete by itself.</summary>
    protected async Task CompletesAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never completed (see README, step {Step}).");
            throw;
        }
    }

    /// <summary>Sends <paramref name="count"/> sales to the cashier: every <c>crashEvery</c>-th crashes it.</summary>
    protected void Sell(int count)
    {
        for (var i = 0; i < count; i++)
        {
            GenServer.Cast(Node, "cashier", new Sale());
        }
    }

    /// <summary>A process that takes <paramref name="take"/> messages as they come, then waits for ever without reading more.</summary>
    protected Pid SpawnReader(int take, TaskCompletionSource taken) =>
        Node.Spawn(async ctx =>
        {
            for (var i = 0; i < take; i++)
            {
                await ctx.ReceiveAsync();
            }

            taken.TrySetResult();
            await ctx.ReceiveAsync<Never>();
        });

    /// <summary>A message nobody sends: a process receiving it waits until it is killed.</summary>
    private sealed record Never;
}
