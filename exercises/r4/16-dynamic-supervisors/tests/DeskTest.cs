using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace DynamicSupervisors.Tests;

/// <summary>
/// What every test shares: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>), and
/// methods that start a desk, ask it for clocks, read the supervisors' children and wait for exits. Every wait is
/// bounded (2 s of real time, never needed by a working solution), ends at once when what it waits on has failed or
/// died, and says what it waited for.
/// </summary>
public abstract class DeskTest
{
    /// <summary>How long a wait lasts before the test fails: generous, since a working solution needs milliseconds.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>The reason the tests crash a clock with.</summary>
    protected static readonly Atom Crash = new("crash");

    private CancellationTokenSource _teardown = null!;

    /// <summary>The node's clock.</summary>
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
        _teardown = new CancellationTokenSource();
    }

    [TearDown]
    public void StopNode()
    {
        _teardown.Cancel(); // the exits still watched are of no interest any more
        _teardown.Dispose();
        Node.Dispose(); // kills whatever the test left running
    }

    /// <summary>Starts a desk with <paramref name="entries"/> and <paramref name="capacity"/>.</summary>
    protected Task<TimingDesk> StartDeskAsync(EntryList entries, int capacity = 10) =>
        WithinAsync(TimingDesk.StartAsync(Node, entries, capacity), $"TimingDesk.StartAsync(node, entries, {capacity}) to return");

    /// <summary>Asks <paramref name="desk"/> for the clock of <paramref name="runner"/>; fails naming any exception it throws.</summary>
    protected Task<Pid> GetOrStartAsync(TimingDesk desk, string runner) =>
        WithinAsync(desk.GetOrStartAsync(runner), $"GetOrStartAsync(\"{runner}\") to return");

    /// <summary>The desk's DynamicSupervisor: the one child of <see cref="TimingDesk.Tree"/>, a supervisor that runs.</summary>
    protected async Task<Pid> ClockSupervisorAsync(TimingDesk desk)
    {
        var children = await WithinAsync(Supervisor.WhichChildrenAsync(Node, desk.Tree, _teardown.Token), "the children of the desk's Tree");
        Assert.That(children, Has.Count.EqualTo(1),
            $"Step {Step}: the desk's Tree supervises one child, the DynamicSupervisor of the clocks; it has {children.Count} (see README, step 1).");
        Assert.That(children[0].Type, Is.EqualTo(ChildType.Supervisor),
            $"Step {Step}: the Tree's child is a supervisor (DynamicSupervisor.ChildSpec gives that type) (see README, step 1).");
        Assert.That(children[0].Pid, Is.Not.Null, $"Step {Step}: the Tree's DynamicSupervisor is listed but not running {See}.");
        return children[0].Pid!;
    }

    /// <summary>The running clocks of the DynamicSupervisor <paramref name="supervisor"/>.</summary>
    protected async Task<IReadOnlyList<Pid>> ClocksAsync(Pid supervisor)
    {
        var children = await WithinAsync(DynamicSupervisor.WhichChildrenAsync(Node, supervisor, _teardown.Token), "the children of the desk's DynamicSupervisor");
        return children.Where(c => c.Pid is not null).Select(c => c.Pid!).ToArray();
    }

    /// <summary>Reads the clock <paramref name="clock"/> (a pid or a name).</summary>
    protected Task<ClockReading> ReadAsync(ServerRef clock, string what) => WithinAsync(RunnerClock.ReadAsync(Node, clock, _teardown.Token), $"{what} to answer ReadClock");

    /// <summary>Crashes the clock <paramref name="clock"/> (it stops with the reason <c>crash</c>) and returns once it has exited.</summary>
    protected Task CrashAsync(Pid clock, string what) =>
        WithinAsync(GenServer.StopAsync(Node, clock, Crash, cancellationToken: _teardown.Token), $"{what} to crash");

    /// <summary>
    /// Starts watching <paramref name="pid"/> now, before the test makes it exit (a process that has exited leaves no
    /// reason behind: watched later, it would give <c>noproc</c>). Await the result with <see cref="ExitReasonAsync"/>.
    /// </summary>
    protected Task<object> Watch(Pid pid) => Node.WaitForExitAsync(pid, _teardown.Token);

    /// <summary>Waits for the exit <paramref name="watch"/> (from <see cref="Watch"/>) and returns its reason.</summary>
    protected async Task<object> ExitReasonAsync(Task<object> watch, string what)
    {
        try
        {
            return await watch.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what} to exit; it is still running {See}.");
            throw;
        }
    }

    /// <summary>
    /// The next question the desk asks the held <paramref name="entries"/>; fails at once if one of
    /// <paramref name="callers"/> (calls of GetOrStartAsync) ends before it comes.
    /// </summary>
    protected async Task<HeldQuestion> HeldQuestionAsync(EntryList entries, string what, params Task<Pid>[] callers)
    {
        using var patience = new CancellationTokenSource(Patience);
        var question = entries.NextHeldAsync(patience.Token).AsTask();
        var first = await Task.WhenAny(callers.Prepend<Task>(question));
        if (first != question)
        {
            var ended = (Task<Pid>)first;
            var how = ended.IsFaulted ? $"threw {Describe(ended.Exception!.InnerException)}" : "returned";
            Assert.Fail($"Step {Step}: a GetOrStartAsync call {how} while the test waited for {what}; a runner without a clock is asked about on the entry list first {See}.");
        }

        try
        {
            return await question;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; the entry list was never asked {See}.");
            throw;
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/>; a time-out or an unexpected exception fails the test naming
    /// <paramref name="what"/> (a <see cref="NotImplementedException"/> is left as it is: its message names the step).
    /// </summary>
    protected async Task<T> WithinAsync<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never came {See}.");
            throw;
        }
        catch (Exception error) when (error is not (NotImplementedException or AssertionException))
        {
            Assert.Fail($"Step {Step}: while waiting for {what}: {Describe(error)} {See}.");
            throw;
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/> to fail with <typeparamref name="TException"/> and returns that exception; fails
    /// the test, stating <paramref name="rule"/>, if it returns or throws anything else.
    /// </summary>
    protected async Task<TException> RefusalAsync<TException>(Task task, string what, string rule)
        where TException : Exception
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TException expected)
        {
            return expected;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never came. {rule} {See}.");
        }
        catch (Exception other) when (other is not NotImplementedException)
        {
            Assert.Fail($"Step {Step}: {what} threw {Describe(other)}, not a {typeof(TException).Name}. {rule} {See}.");
        }

        Assert.Fail($"Step {Step}: {what} returned instead of throwing a {typeof(TException).Name}. {rule} {See}.");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>As <see cref="WithinAsync{T}(Task{T}, string)"/> for a task without a result.</summary>
    protected async Task WithinAsync(Task task, string what) => await WithinAsync(AsValue(task), what);

    /// <summary>An exit reason or exception as a learner reads it: an exception by its type and message, a tuple element by element.</summary>
    protected static string Describe(object? reason) => reason switch
    {
        null => "null",
        StartFailedException failed => $"StartFailedException with reason {Describe(failed.Reason)}",
        Exception error => $"{error.GetType().Name}: {error.Message}",
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Describe(tuple[i])))})",
        _ => reason.ToString() ?? "",
    };

    private static async Task<bool> AsValue(Task task)
    {
        await task;
        return true;
    }
}
