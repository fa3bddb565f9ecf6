using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace Layers.Hidden;

/// <summary>
/// What the hidden tests that run processes share: a node on a fake clock, and waits that are bounded (2 s of real time, never
/// needed by a working solution), end at once when the process they depend on dies, and say what they waited for.
/// </summary>
public abstract class HiddenTest
{
    /// <summary>How long a wait lasts before the test fails: generous, since a working solution needs milliseconds.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The reason the tests crash a worker with.</summary>
    protected static readonly Atom Crash = new("crash");

    /// <summary>The node's clock: time passes only when a test advances it.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The node every process of the test runs on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The README step the fixture tests, named in every failure.</summary>
    protected abstract int Step { get; }

    /// <summary>"(see README, step N)", the end of every failure message.</summary>
    protected string See => $"(see README, step {Step})";

    [SetUp]
    public void StartNode()
    {
        Clock = new FakeTimeProvider();
        Node = new Node(Clock);
    }

    [TearDown]
    public void StopNode() => Node.Dispose(); // kills whatever the test left running

    /// <summary>
    /// Waits for <paramref name="task"/> (what the test calls <paramref name="what"/>). Fails at once, naming the reason,
    /// if <paramref name="watched"/> (called <paramref name="watchedWhat"/>) exits first; fails after 2 s otherwise.
    /// </summary>
    protected async Task<T> WithinAsync<T>(Task<T> task, string what, Pid? watched = null, string? watchedWhat = null)
    {
        using var stop = new CancellationTokenSource();
        // Without a process to watch, the exit side of the race never completes.
        var exit = watched is null ? new TaskCompletionSource<object>().Task : Node.WaitForExitAsync(watched, stop.Token);
        try
        {
            var first = await Task.WhenAny(task, exit).WaitAsync(Patience);
            // noproc: it was dead before the watch began, and the task itself will say why (a call to it fails at once).
            if (first == exit && !task.IsCompleted && !Equals(await exit, ExitReason.NoProc))
            {
                Assert.Fail($"Step {Step}: {watchedWhat} exited with {Describe(await exit)} while the test waited for {what} {See}.");
            }

            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never came {See}.");
            throw;
        }
        catch (Exception failed) when (failed is ProcessExitedException or NoProcessException or StartFailedException)
        {
            Assert.Fail($"Step {Step}: {what} failed: {Describe(failed)} {See}.");
            throw;
        }
        finally
        {
            await stop.CancelAsync(); // the exit is no longer awaited: drop its monitor
        }
    }

    /// <summary>As <see cref="WithinAsync{T}(Task{T}, string, Pid?, string?)"/>, for a task with no result.</summary>
    protected Task WithinAsync(Task task, string what, Pid? watched = null, string? watchedWhat = null) =>
        WithinAsync(Done(task), what, watched, watchedWhat);

    /// <summary>
    /// Starts watching <paramref name="pid"/> now, before the test makes it exit (a process that has exited leaves no
    /// reason behind). Await the result with <see cref="ExitReasonAsync"/>.
    /// </summary>
    protected Task<object> Watch(Pid pid) => Node.WaitForExitAsync(pid);

    /// <summary>Waits for the exit <paramref name="watch"/> (from <see cref="Watch"/>) of <paramref name="what"/> and returns its reason.</summary>
    protected Task<object> ExitReasonAsync(Task<object> watch, string what) => WithinAsync(watch, $"{what} to exit");

    /// <summary>An exit reason or a value as a learner reads it: an exception by its type and message, a tuple element by element.</summary>
    protected static string Describe(object? reason) => reason switch
    {
        null => "null",
        ProcessExitedException exited => $"the process exited with {Describe(exited.Reason)}",
        StartFailedException failed => $"the start failed with {Describe(failed.Reason)}",
        Exception error => $"{error.GetType().Name}: {error.Message}",
        string text => $"\"{text}\"",
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Describe(tuple[i])))})",
        IEnumerable<object> items => $"[{string.Join(", ", items.Select(Describe))}]",
        _ => reason.ToString() ?? "",
    };

    private static async Task<bool> Done(Task task)
    {
        await task;
        return true;
    }
}
