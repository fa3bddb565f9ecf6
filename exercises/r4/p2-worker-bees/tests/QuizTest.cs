using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Tests;

/// <summary>
/// What every test shares: a node on a fake clock (time passes only when a test calls <c>Clock.Advance</c>), the quiz's
/// questions, and bounded waits that say what they waited for. A wait lasts at most 2 s of real time (a working service
/// needs milliseconds); a call to a session that has died fails at once, naming its exit reason.
/// </summary>
public abstract class QuizTest
{
    /// <summary>How long a wait lasts before the test fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>How long the tests' sessions may sit idle.</summary>
    protected static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The tests' quiz.</summary>
    protected static readonly ImmutableList<Question> Questions =
    [
        new("What do bees make?", "honey"),
        new("How many legs has a bee?", "6"),
        new("Who lays the eggs in a hive?", "the queen"),
    ];

    /// <summary>The node's clock.</summary>
    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The node the service runs on.</summary>
    protected Node Node { get; private set; } = null!;

    /// <summary>The test itself, as a process: it monitors the processes whose exit a test checks.</summary>
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

    /// <summary>The progress of a session that has just started for <paramref name="player"/>.</summary>
    protected static Progress Fresh(string player) => new(player, Questions, 0, 0);

    /// <summary>Starts a quiz service with <see cref="Questions"/> and <see cref="IdleTimeout"/>.</summary>
    protected Task<QuizService> StartServiceAsync() =>
        WaitFor(QuizService.StartAsync(Node, Questions, IdleTimeout), "QuizService.StartAsync to return the service");

    /// <summary>Starts (or finds) <paramref name="player"/>'s session through the service.</summary>
    protected Task<Pid> SessionAsync(QuizService service, string player) =>
        WaitFor(service.StartSessionAsync(player), $"StartSessionAsync(\"{player}\")");

    /// <summary>Awaits <paramref name="task"/>; a time-out or a dead process fails the test, naming <paramref name="what"/> and the step.</summary>
    protected async Task<T> WaitFor<T>(Task<T> task, string what)
    {
        await WaitFor((Task)task, what);
        return await task;
    }

    /// <summary>Awaits <paramref name="task"/>; a time-out or a dead process fails the test, naming <paramref name="what"/> and the step.</summary>
    protected async Task WaitFor(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Patience);
            return;
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {Step}: waited {Patience.TotalSeconds} s for {what}; it never came (see README, step {Step}).");
        }
        catch (Exception error) when (error is ProcessExitedException or NoProcessException or StartFailedException or CallTimeoutException)
        {
            Assert.Fail($"Step {Step}: waiting for {what}, {Describe(error)} (see README, step {Step}).");
        }

        throw new UnreachableException();
    }

    /// <summary>
    /// Waits until <paramref name="pid"/> has exited and returns its reason. Call it before making the process exit when
    /// the reason matters: a process already gone gives noproc.
    /// </summary>
    protected Task<object> ExitOf(Pid pid, string what) => WaitFor(Node.WaitForExitAsync(pid), $"{what} to exit");

    /// <summary>The number of sessions the sessions' supervisor runs (a call to it: it answers once it has handled every exit before).</summary>
    protected async Task<int> RunningSessionsAsync(QuizService service) =>
        (await WaitFor(DynamicSupervisor.CountChildrenAsync(Node, service.Config.Sessions), "the sessions supervisor's CountChildrenAsync")).Active;

    private static string Describe(Exception error) => error switch
    {
        ProcessExitedException { Reason: Exception crash } => $"the process called crashed: {crash.GetType().Name}: {crash.Message}",
        ProcessExitedException exited => $"the process called exited with reason {exited.Reason}",
        NoProcessException missing => $"no process answered to {missing.Target} (not alive, or no such name)",
        StartFailedException { Reason: Exception crash } => $"the start failed: {crash.GetType().Name}: {crash.Message}",
        StartFailedException failed => $"the start failed with reason {failed.Reason}",
        _ => $"a call timed out: {error.Message}",
    };
}
