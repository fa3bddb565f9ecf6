using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Applications.Hidden;

/// <summary>
/// What every test shares: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>), and an
/// inbox through which the test acts as a process: the shop and its children send their lifecycle reports there, in the
/// order things happened. Every wait is bounded (2 s of real time, never needed by a working solution), says what it
/// waited for, and gives up at once when the process it depends on has exited.
/// </summary>
public abstract class HiddenTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The node's clock.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The node every process of the test runs on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The test itself, as a process: the reporter of the shop and its children.</summary>
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

    /// <summary>A failure message: what the test expected, and the README step to read.</summary>
    protected string Expect(string rule) => $"Step {Step}: {rule} (see README, step {Step}).";

    /// <summary>
    /// Waits for the next <paramref name="count"/> lifecycle reports and describes them ("catalog started", "orders stopped",
    /// "shop stopping", "shop stopped (orderly)", "shop stopped (on its own)"), in the order they arrived. With
    /// <paramref name="whileAlive"/>, the wait fails at once if that process exits first.
    /// </summary>
    protected async Task<List<string>> ReportsAsync(int count, string what, Pid? whileAlive = null)
    {
        var reports = new List<string>();
        while (reports.Count < count)
        {
            var report = await ReceiveAsync<object>($"{what} (report {reports.Count + 1} of {count}; so far: [{string.Join(", ", reports)}])",
                m => m is ChildStarted or ChildStopped or ShopStopping or ShopStopped, whileAlive);
            reports.Add(Describe(report));
        }

        return reports;
    }

    /// <summary>
    /// Waits for a message of type <typeparamref name="T"/> that <paramref name="match"/> accepts. With
    /// <paramref name="whileAlive"/>, fails at once if that process exits before the message comes.
    /// </summary>
    protected async Task<T> ReceiveAsync<T>(string what, Func<T, bool>? match = null, Pid? whileAlive = null) where T : class
    {
        var monitor = whileAlive is null ? null : Inbox.Monitor(whileAlive);
        using var patience = new CancellationTokenSource(Patience);
        object? message;
        try
        {
            message = await Inbox.ReceiveAsync<object>(
                m => m is T t && (match is null || match(t)) || monitor is not null && m is DownMessage d && d.Ref == monitor,
                cancellationToken: patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail(Expect($"waited {Patience.TotalSeconds} s for {what}; it never came"));
            throw;
        }
        finally
        {
            if (monitor is not null)
            {
                Inbox.Demonitor(monitor, flush: true);
            }
        }

        if (message is DownMessage down && down.Ref == monitor)
        {
            Assert.Fail(Expect($"{whileAlive} exited with {down.Reason} while the test waited for {what}"));
        }

        return (T)message!;
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
            Assert.Fail(Expect($"waited {Patience.TotalSeconds} s for {what}; it never completed"));
            throw;
        }
    }

    /// <summary>Waits for <paramref name="task"/> (code under test that should complete by itself).</summary>
    protected async Task CompletesAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail(Expect($"waited {Patience.TotalSeconds} s for {what}; it never completed"));
            throw;
        }
    }

    /// <summary>Starts the shop (temporary unless <paramref name="type"/> says otherwise), failing with the reason if it does not start.</summary>
    protected async Task<Shop> StartShopAsync(Action<Shop>? configure = null, ApplicationType type = ApplicationType.Temporary)
    {
        var shop = new Shop(Inbox.Self);
        configure?.Invoke(shop);
        try
        {
            await CompletesAsync(shop.StartAsync(Node, type), "shop.StartAsync to return");
        }
        catch (StartFailedException failed)
        {
            Assert.Fail(Expect($"the shop failed to start, with reason {failed.Reason}"));
        }

        return shop;
    }

    /// <summary>Places an order with the running orders server.</summary>
    protected Task<object> PlaceAsync(string item, int quantity) =>
        CompletesAsync(Orders.PlaceAsync(Node, item, quantity), $"the reply to an order of {quantity} {item}");

    private static string Describe(object report) => report switch
    {
        ChildStarted started => $"{started.Child} started",
        ChildStopped stopped => $"{stopped.Child} stopped",
        ShopStopping => "shop stopping",
        ShopStopped { Orderly: true } => "shop stopped (orderly)",
        _ => "shop stopped (on its own)",
    };
}
