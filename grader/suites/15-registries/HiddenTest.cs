using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Registries.Hidden;

/// <summary>
/// A node on a fake clock with a <see cref="Chat"/> on it, and bounded waits that name what they waited for and the
/// README step they check. Every wait ends at once when the process it depends on has exited.
/// </summary>
public abstract class HiddenTest
{
    protected const string FirstWelcome = "Hello there.";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private readonly List<ProcessContext> _inboxes = [];

    protected Node Node { get; private set; } = null!;

    protected Chat Chat { get; private set; } = null!;

    [SetUp]
    public void StartNode()
    {
        Node = new Node(new FakeTimeProvider());
        Chat = new Chat(Node, FirstWelcome);
    }

    [TearDown]
    public void StopNode()
    {
        foreach (var inbox in _inboxes)
        {
            inbox.Dispose();
        }

        _inboxes.Clear();
        Node.Dispose();
    }

    protected static string See(int step) => $"(see README, step {step})";

    protected ProcessContext NewInbox()
    {
        var inbox = Node.CreateInbox();
        _inboxes.Add(inbox);
        return inbox;
    }

    protected Task<Pid> OpenAsync(string room, string topic = "general", int step = 1) =>
        CompletesAsync(Chat.OpenAsync(room, topic), $"Chat.OpenAsync(\"{room}\", \"{topic}\")", step);

    protected static async Task<T> CompletesAsync<T>(Task<T> task, string what, int step)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {step}: waited {Patience.TotalSeconds} s for {what} to complete; it never did {See(step)}.");
            throw;
        }
        catch (StartFailedException failed)
        {
            Assert.Fail($"Step {step}: {what} failed to start a room: {Describe(failed.Reason)} {See(step)}.");
            throw;
        }
    }

    protected static async Task CompletesAsync(Task task, string what, int step)
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {step}: waited {Patience.TotalSeconds} s for {what} to complete; it never did {See(step)}.");
            throw;
        }
    }

    /// <summary>Kills <paramref name="pid"/> and returns once it has exited.</summary>
    protected async Task KillAsync(Pid pid, string what, int step)
    {
        using var stop = new CancellationTokenSource();
        var exit = Node.WaitForExitAsync(pid, stop.Token);
        Node.Exit(pid, ExitReason.Kill);
        try
        {
            await exit.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Step {step}: waited {Patience.TotalSeconds} s for {what} to exit after a kill {See(step)}.");
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>Waits for <paramref name="pid"/> to exit while <paramref name="cause"/> runs, and returns its reason.</summary>
    protected async Task<object> ExitOf(Pid pid, string what, int step, Func<Task> cause)
    {
        using var stop = new CancellationTokenSource();
        var exit = Node.WaitForExitAsync(pid, stop.Token);
        await cause();
        try
        {
            return await exit.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Step {step}: waited {Patience.TotalSeconds} s for {what} to exit; it is still running {See(step)}.");
            throw;
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>The messages of type <typeparamref name="T"/> already in <paramref name="inbox"/>, taken out without waiting.</summary>
    protected static async Task<IReadOnlyList<T>> AlreadyReceived<T>(ProcessContext inbox) where T : class
    {
        var found = new List<T>();
        while (await inbox.ReceiveAsync<T>(timeout: TimeSpan.Zero) is { } message)
        {
            found.Add(message);
        }

        return found;
    }

    /// <summary>Every message already in <paramref name="inbox"/>, in arrival order, taken out without waiting.</summary>
    protected static async Task<IReadOnlyList<object>> Mailbox(ProcessContext inbox)
    {
        var found = new List<object>();
        while (await inbox.ReceiveAsync(TimeSpan.Zero) is { } message)
        {
            found.Add(message);
        }

        return found;
    }

    protected static string Show<T>(IEnumerable<T>? items) => items is null ? "null" : $"[{string.Join(", ", items)}]";

    protected static string Describe(object? reason) => reason switch
    {
        null => "null",
        Exception error => $"{error.GetType().Name}: {error.Message}",
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Describe(tuple[i])))})",
        _ => reason.ToString() ?? "",
    };
}
