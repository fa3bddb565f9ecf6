using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Hidden;

/// <summary>A node on a fake clock, an inbox for the test, and bounded waits that name what they waited for and the step.</summary>
public abstract class HiddenQuiz
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    protected static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    protected static readonly ImmutableList<Question> Questions =
    [
        new("Which dance tells the hive where the flowers are?", "the waggle dance"),
        new("What do worker bees build combs from?", "Wax"),
        new("How many eyes has a bee?", "5"),
        new("What is a male bee called?", "drone"),
    ];

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

    protected static Progress Fresh(string player) => new(player, Questions, 0, 0);

    protected Task<QuizService> StartServiceAsync() =>
        WaitFor(QuizService.StartAsync(Node, Questions, IdleTimeout), "QuizService.StartAsync", 3);

    protected Task<Pid> SessionAsync(QuizService service, string player, int step = 4) =>
        WaitFor(service.StartSessionAsync(player), $"StartSessionAsync(\"{player}\")", step);

    protected async Task<T> WaitFor<T>(Task<T> task, string what, int step)
    {
        await WaitFor((Task)task, what, step);
        return await task;
    }

    protected async Task WaitFor(Task task, string what, int step)
    {
        try
        {
            await task.WaitAsync(Patience);
            return;
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            Assert.Fail($"Step {step}: waited {Patience.TotalSeconds} s for {what}; it never came (see README, step {step}).");
        }
        catch (Exception error) when (error is ProcessExitedException or NoProcessException or StartFailedException or CallTimeoutException)
        {
            Assert.Fail($"Step {step}: waiting for {what}, {Describe(error)} (see README, step {step}).");
        }

        throw new UnreachableException();
    }

    /// <summary>Waits for <paramref name="pid"/> to exit; call it before the exit when the reason matters.</summary>
    protected Task<object> ExitOf(Pid pid, string what, int step) => WaitFor(Node.WaitForExitAsync(pid), $"{what} to exit", step);

    protected async Task<int> RunningSessionsAsync(QuizService service, int step) =>
        (await WaitFor(DynamicSupervisor.CountChildrenAsync(Node, service.Config.Sessions), "the sessions supervisor's CountChildrenAsync", step)).Active;

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
