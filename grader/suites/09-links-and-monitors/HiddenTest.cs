using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Hidden;

/// <summary>A node on a fake clock and an inbox for the test; every wait bounded and named.</summary>
public abstract class HiddenTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected Node Node { get; private set; } = null!;

    protected ProcessContext Inbox { get; private set; } = null!;

    [SetUp]
    public void StartNode()
    {
        Clock = new FakeTimeProvider();
        Node = new Node(Clock);
        Inbox = Node.CreateInbox();
    }

    [TearDown]
    public void StopNode()
    {
        Inbox.Dispose();
        Node.Dispose();
    }

    protected async Task<T> ReceiveAsync<T>(string what, Func<T, bool>? match = null) where T : class
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return (await Inbox.ReceiveAsync(match, cancellationToken: patience.Token))!;
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"waited {Patience.TotalSeconds} s for {what}; it never came.");
            throw;
        }
    }

    protected async Task<object> ExitReasonAsync(MonitorRef monitor, string what) =>
        (await ReceiveAsync<DownMessage>($"the DOWN of {what}", d => d.Ref == monitor)).Reason;

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

    protected async Task AnswersPingAsync(Pid pid, string what)
    {
        Inbox.Send(pid, new Ping(Inbox.Self));
        await ReceiveAsync<Pong>($"a Pong from {what}", p => p.From == pid);
    }

    protected async Task<object?> AnyLeftAsync() => await Inbox.ReceiveAsync(TimeSpan.Zero);

    protected async Task<Pid> DeadPidAsync()
    {
        var pid = Node.Spawn(_ => Task.CompletedTask);
        await Node.WaitForExitAsync(pid);
        return pid;
    }
}
