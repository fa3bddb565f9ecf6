using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Registries.Tests;

/// <summary>
/// What every test shares: a node on a fake clock, a <see cref="Chat"/> on it with the welcome text
/// <see cref="FirstWelcome"/>, and small helpers that wait. Every wait is bounded (2 s of real time, never needed by a
/// working solution), ends at once when the process it depends on has exited, and says what it waited for.
/// </summary>
public abstract class NodeTest
{
    /// <summary>The welcome text every test's chat starts with.</summary>
    protected const string FirstWelcome = "Be kind.";

    /// <summary>How long a wait lasts before the test fails: generous, since a working solution never needs it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private readonly List<ProcessContext> _inboxes = [];

    /// <summary>The node every process of the test runs on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The chat under test.</summary>
    protected Chat Chat { get; private set; } = null!;

    /// <summary>The README step the fixture tests, named in every failure.</summary>
    protected abstract int Step { get; }

    /// <summary>"(see README, step N)", the end of every failure message.</summary>
    protected string See => $"(see README, step {Step})";

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
        Node.Dispose(); // kills whatever the test left running
    }

    /// <summary>A new process the test acts through: a subscriber that receives what the rooms send it.</summary>
    protected ProcessContext NewInbox()
    {
        var inbox = Node.CreateInbox();
        _inboxes.Add(inbox);
        return inbox;
    }

    /// <summary>Opens <paramref name="room"/> through the chat and returns the pid it gives.</summary>
    protected Task<Pid> OpenAsync(string room, string topic = "general") =>
        CompletesAsync(Chat.OpenAsync(room, topic), $"Chat.OpenAsync(\"{room}\", \"{topic}\")");

    /// <summary>Waits for <paramref name="task"/>, code under test that should complete by itself, and names it if it does not.</summary>
    protected async Task<T> CompletesAsync<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what} to complete; it never did {See}.");
            throw;
        }
        catch (StartFailedException failed)
        {
            Assert.Fail($"Step {Step}: {what} failed to start a room: {Describe(failed.Reason)} {See}.");
            throw;
        }
    }

    /// <summary>Waits for <paramref name="task"/> (a call that returns nothing) and names it if it does not complete.</summary>
    protected Task CompletesAsync(Task task, string what) => CompletesAsync(Wrap(task), what);

    /// <summary>
    /// Waits for <paramref name="pid"/> to exit and returns its reason; fails naming <paramref name="what"/> if it is
    /// still running after the bound. Start the wait (call this) before making the process exit, then await it.
    /// </summary>
    protected async Task<object> ExitOf(Pid pid, string what, Func<Task> cause)
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
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what} to exit; it is still running {See}.");
            throw;
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>
    /// Waits for a message of type <typeparamref name="T"/> that <paramref name="match"/> accepts in
    /// <paramref name="inbox"/>; fails at once if <paramref name="sender"/>, the only process that could send it, exits first.
    /// </summary>
    protected async Task<T> ReceiveAsync<T>(ProcessContext inbox, string what, Func<T, bool>? match, Pid sender, string senderWhat)
        where T : class
    {
        using var stop = new CancellationTokenSource();
        var message = inbox.ReceiveAsync(match, cancellationToken: stop.Token).AsTask();
        var exit = Node.WaitForExitAsync(sender, stop.Token);
        try
        {
            var first = await Task.WhenAny(message, exit).WaitAsync(Patience);
            if (first == message)
            {
                return (await message)!;
            }

            Assert.Fail($"Step {Step}: {senderWhat} exited with {Describe(await exit)} while the test waited for {what} {See}.");
            throw new InvalidOperationException("unreachable");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never came {See}.");
            throw;
        }
        finally
        {
            await stop.CancelAsync(); // the receive and the exit are no longer awaited
        }
    }

    /// <summary>
    /// The messages of type <typeparamref name="T"/> already in <paramref name="inbox"/>, taken out without waiting. A
    /// room sends to its subscribers before it replies to the poster, so once a post has returned, what it sent is there.
    /// </summary>
    protected static async Task<IReadOnlyList<T>> AlreadyReceived<T>(ProcessContext inbox) where T : class
    {
        var found = new List<T>();
        while (await inbox.ReceiveAsync<T>(timeout: TimeSpan.Zero) is { } message)
        {
            found.Add(message);
        }

        return found;
    }

    /// <summary>A list as a learner reads it: its items, in order.</summary>
    protected static string Show<T>(IEnumerable<T>? items) => items is null ? "null" : $"[{string.Join(", ", items)}]";

    /// <summary>An exit reason as a learner reads it: an exception by its type and message, a tuple element by element.</summary>
    protected static string Describe(object? reason) => reason switch
    {
        null => "null",
        Exception error => $"{error.GetType().Name}: {error.Message}",
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Describe(tuple[i])))})",
        _ => reason.ToString() ?? "",
    };

    private static async Task<bool> Wrap(Task task)
    {
        await task;
        return true;
    }
}
