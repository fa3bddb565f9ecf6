using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace LinksAndMonitors.Tests;

/// <summary>
/// What every test shares: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>), and an
/// inbox through which the test acts as a process: it monitors, sends, and receives the replies and DOWN messages.
/// The waits below are bounded (2 s of real time, never needed by a working solution) and say what they waited for.
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

    /// <summary>The README step the fixture tests, named in every failure.</summary>
    protected abstract int Step { get; }

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
        Node.Dispose(); // kills whatever the test left running
    }

    /// <summary>Waits for a message of type <typeparamref name="T"/> that <paramref name="match"/> accepts.</summary>
    protected async Task<T> ReceiveAsync<T>(string what, Func<T, bool>? match = null) where T : class
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return (await Inbox.ReceiveAsync(match, cancellationToken: patience.Token))!;
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never came (see README, step {Step}).");
            throw;
        }
    }

    /// <summary>Monitors <paramref name="pid"/> from the test's inbox, before the test makes it exit.</summary>
    protected MonitorRef Watching(Pid pid) => Inbox.Monitor(pid);

    /// <summary>Waits for the DOWN of <paramref name="monitor"/> and returns the exit reason it carries.</summary>
    protected async Task<object> ExitReasonAsync(MonitorRef monitor, string what)
    {
        var down = await ReceiveAsync<DownMessage>($"the DOWN of {what}", d => d.Ref == monitor);
        return down.Reason;
    }

    /// <summary>Waits for <paramref name="task"/> (code under test that should complete by itself).</summary>
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

    /// <summary>Sends a ping to <paramref name="pid"/> and waits for its pong: proof that it is alive and reading its mail.</summary>
    protected async Task AnswersPingAsync(Pid pid, string what)
    {
        Inbox.Send(pid, new Ping(Inbox.Self));
        await ReceiveAsync<Pong>($"a Pong from {what} (it should still be alive)", p => p.From == pid);
    }

    /// <summary>The DOWN message waiting in the test's mailbox now, if any (looks, does not wait).</summary>
    protected async Task<DownMessage?> DownLeftInMailboxAsync() =>
        await Inbox.ReceiveAsync<DownMessage>(timeout: TimeSpan.Zero);
}
