using Grader.Building;
using Grader.Reporting;
using Grader.Running;
using Grader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Grader.Tests.Unit;

/// <summary>The restart logic, with scripted test processes instead of real ones: who is blamed, what runs again, when it stops.</summary>
[CancelAfter(10_000)]
public class TestProcessRunnerTests
{
    private static readonly RunLimits s_limits = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
    private static readonly BuildResult s_build = new() { Success = true, VisibleAssembly = "A.dll", HiddenAssembly = "B.dll" };
    private string _scratch = "";

    [SetUp]
    public void Create() => _scratch = TestPaths.NewTempDirectory();

    [TearDown]
    public void Remove() => Directory.Delete(_scratch, recursive: true);

    private static RunnerEvent Event(string kind, string name, TestSuite suite = TestSuite.Visible, TestStatus outcome = TestStatus.Pass) => new()
    {
        Kind = kind,
        Suite = suite,
        FullName = $"X.Tests.{name}",
        Name = name,
        Fixture = name.Split('.')[0],
        ClassName = "X.Tests." + name.Split('.')[0],
        Outcome = outcome,
    };

    private static ChildSessionResult End(ChildSessionEnd end, RunnerEvent? running = null, int? exitCode = null, string stderr = "") =>
        new(end, running, null, TimeSpan.FromSeconds(10), exitCode, "", stderr);

    [Test]
    public async Task A_test_that_overruns_is_a_timeout_and_the_tests_after_it_run_in_a_new_process()
    {
        var session = new ScriptedSession(
            (args, send) =>
            {
                foreach (var name in new[] { "Step1.A", "Step1.B", "Step2.C" })
                    send(Event(RunnerEvent.Discovered, name));
                send(Event(RunnerEvent.Finished, "Step1.A"));
                return End(ChildSessionEnd.TestTimedOut, Event(RunnerEvent.Started, "Step1.B"));
            },
            (args, send) =>
            {
                send(Event(RunnerEvent.Finished, "Step2.C", outcome: TestStatus.Fail));
                send(new RunnerEvent { Kind = RunnerEvent.RunFinished });
                return End(ChildSessionEnd.Completed);
            });

        var outcome = await new TestProcessRunner(s_limits, new FakeTimeProvider(), _scratch, session).RunAsync(s_build, CancellationToken.None);

        Assert.That(outcome.Tests.Select(t => (t.Name, t.Status, t.Step)), Is.EqualTo(new[]
        {
            ("Step1.A", TestStatus.Pass, (int?)1),
            ("Step1.B", TestStatus.Timeout, 1),
            ("Step2.C", TestStatus.Fail, 2),
        }));
        Assert.That(outcome.Tests[1].Message, Is.EqualTo("did not finish within 10 s: an infinite loop or a deadlock?"));
        Assert.That(session.OnlyFiles[1], Is.EqualTo(new[] { "Visible\tX.Tests.Step2.C" }));
    }

    [Test]
    public async Task A_process_that_dies_outside_any_test_twice_in_a_row_is_not_restarted_for_ever()
    {
        var session = new ScriptedSession(
            (args, send) =>
            {
                send(Event(RunnerEvent.Discovered, "Step1.A"));
                send(Event(RunnerEvent.Discovered, "Step1.B"));
                send(Event(RunnerEvent.Finished, "Step1.A"));
                return End(ChildSessionEnd.Died, exitCode: 0);
            },
            (args, send) => End(ChildSessionEnd.Died, exitCode: 0));

        var outcome = await new TestProcessRunner(s_limits, new FakeTimeProvider(), _scratch, session).RunAsync(s_build, CancellationToken.None);

        Assert.That(session.Runs, Is.EqualTo(2));
        Assert.That(outcome.Tests.Select(t => t.Status), Is.EqualTo(new[] { TestStatus.Pass, TestStatus.Crash }));
        Assert.That(outcome.Problem, Is.EqualTo("the test process exited with code 0 (Environment.Exit?)."));
    }

    [Test]
    public async Task A_process_that_dies_before_announcing_any_test_is_a_problem_of_the_run()
    {
        var session = new ScriptedSession((args, send) => End(ChildSessionEnd.Died, exitCode: 134, stderr: "Stack overflow.\n"));

        var outcome = await new TestProcessRunner(s_limits, new FakeTimeProvider(), _scratch, session).RunAsync(s_build, CancellationToken.None);

        Assert.That(outcome.Tests, Is.Empty);
        Assert.That(outcome.Problem, Does.StartWith("stack overflow").And.EndWith("before any test was found."));
    }

    [Test]
    public async Task A_runner_error_explains_why_nothing_ran()
    {
        var session = new ScriptedSession((args, send) =>
        {
            send(new RunnerEvent { Kind = RunnerEvent.RunnerError, Message = "System.BadImageFormatException: not an assembly\n   at ..." });
            return End(ChildSessionEnd.Died, exitCode: 3);
        });

        var outcome = await new TestProcessRunner(s_limits, new FakeTimeProvider(), _scratch, session).RunAsync(s_build, CancellationToken.None);

        Assert.That(outcome.Problem, Is.EqualTo("the tests could not be run: System.BadImageFormatException: not an assembly"));
    }

    /// <summary>Plays one scripted process per run and records what each was asked to run.</summary>
    private sealed class ScriptedSession(params Func<IReadOnlyList<string>, Action<RunnerEvent>, ChildSessionResult>[] runs) : ITestProcessSession
    {
        public int Runs { get; private set; }

        public List<string[]?> OnlyFiles { get; } = [];

        public Task<ChildSessionResult> RunAsync(
            IReadOnlyList<string> arguments, IReadOnlyList<string> inputs, string workingDirectory, DateTimeOffset exerciseDeadline,
            Action<RunnerEvent> onEvent, CancellationToken cancellationToken)
        {
            var only = arguments.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
            OnlyFiles.Add(only is null ? null : File.ReadAllLines(only));
            return Task.FromResult(runs[Runs++](arguments, onEvent));
        }
    }
}
