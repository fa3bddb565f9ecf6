using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Observing.Hidden;

/// <summary>A node on a fake clock, an inbox for the test and the bakery's permits; every wait bounded and named.</summary>
public abstract class HiddenTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected Node Node { get; private set; } = null!;

    protected ProcessContext Inbox { get; private set; } = null!;

    protected SemaphoreSlim OvenPermits { get; private set; } = null!;

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
        Node.Dispose();
        OvenPermits.Dispose();
    }

    protected Task<Pid> StartBakeryAsync(int crashEvery = 3) =>
        Supervisor.StartAsync(Node, new Bakery(OvenPermits, crashEvery), name: "bakery");

    protected Pid Named(string name) => Node.WhereIs(name) ?? throw new AssertionException($"nothing is registered as '{name}'");

    /// <summary>Completes at the <paramref name="count"/>-th restart <paramref name="supervisor"/> reports; fails if it exits first.</summary>
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
            _ => done.TrySetException(new AssertionException($"the supervisor {supervisor} exited before it reported {count} restart(s)")),
            TaskScheduler.Default);
        return done.Task;
    }

    protected async Task<T> CompletesAsync<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what}; it never completed.");
            throw;
        }
    }

    protected async Task CompletesAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what}; it never completed.");
            throw;
        }
    }

    /// <summary>A process that takes <paramref name="take"/> messages, completes <paramref name="taken"/>, then reads no more.</summary>
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

    protected void SendMany(Pid pid, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Node.Send(pid, i);
        }
    }

    private sealed record Never;
}
