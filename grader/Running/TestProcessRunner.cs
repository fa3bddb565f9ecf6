using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Building;
using Grader.Reporting;

namespace Grader.Running;

/// <summary>
/// Runs a level's compiled tests in child processes, never in the grader's own. When a test overruns or the process
/// dies, that test is marked <c>timeout</c> or <c>crash</c> and a new process runs the tests not yet run, so one bad
/// test never hides the others.
/// </summary>
internal sealed partial class TestProcessRunner
{
    private readonly RunLimits _limits;
    private readonly TimeProvider _time;
    private readonly string _scratchDirectory;
    private readonly ITestProcessSession _session;

    /// <param name="limits">Time limits per test and per exercise.</param>
    /// <param name="time">The clock the limits are measured with.</param>
    /// <param name="scratchDirectory">Where the test processes run and the lists of tests to run are written (under the work directory).</param>
    /// <param name="session">Starts test processes; by default the grader itself in a child process, unsandboxed.</param>
    public TestProcessRunner(RunLimits limits, TimeProvider time, string scratchDirectory, ITestProcessSession? session = null)
    {
        _limits = limits;
        _time = time;
        _scratchDirectory = scratchDirectory;
        _session = session ?? new ChildSession(limits, time);
    }

    /// <summary>Runs every test of <paramref name="build"/> and returns one report per test.</summary>
    public async Task<TestRunOutcome> RunAsync(BuildResult build, CancellationToken cancellationToken)
    {
        var onlyFiles = new List<string>();
        try
        {
            return await RunUntilDoneAsync(build, onlyFiles, cancellationToken);
        }
        finally
        {
            foreach (var file in onlyFiles.Where(File.Exists))
                File.Delete(file);
        }
    }

    private async Task<TestRunOutcome> RunUntilDoneAsync(BuildResult build, List<string> onlyFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build.VisibleAssembly);
        Directory.CreateDirectory(_scratchDirectory);
        var discovered = new List<RunnerEvent>();
        var known = new HashSet<string>();
        var results = new Dictionary<string, TestReport>();
        var deadline = _time.GetUtcNow() + _limits.ExerciseTimeout;
        string? onlyFile = null;
        string? runnerError = null;

        void OnEvent(RunnerEvent e)
        {
            if (e.Kind == RunnerEvent.Discovered && known.Add(e.Id))
                discovered.Add(e);
            else if (e.Kind == RunnerEvent.Finished && e.Outcome is TestStatus.Error && CrashCause.IsOutOfMemory(e.Message))
                results[e.Id] = Report(e, TestStatus.Crash, CrashCause.OutOfMemory(_limits.MemoryLimitMb), e.Output, (long)e.DurationMs) with { StackTrace = Printable(e.StackTrace) };
            else if (e.Kind == RunnerEvent.Finished)
                results[e.Id] = Report(e, e.Outcome, e.Message, e.Output, (long)e.DurationMs) with { StackTrace = Printable(e.StackTrace) };
            else if (e.Kind == RunnerEvent.RunnerError)
                runnerError = $"the tests could not be run: {FirstLine(e.Message)}";
        }

        while (true)
        {
            List<string> arguments = ["__run-tests", "--visible", build.VisibleAssembly];
            List<string> inputs = [Path.GetDirectoryName(build.VisibleAssembly)!];
            if (build.HiddenAssembly is not null)
            {
                arguments.AddRange(["--hidden", build.HiddenAssembly]);
                inputs.Add(Path.GetDirectoryName(build.HiddenAssembly)!);
            }

            if (onlyFile is not null)
            {
                arguments.AddRange(["--only", onlyFile]);
                inputs.Add(onlyFile);
            }

            var finishedBefore = results.Count;
            var end = await _session.RunAsync(arguments, inputs, _scratchDirectory, deadline, OnEvent, cancellationToken);
            if (end.End == ChildSessionEnd.Completed)
                return Outcome(discovered, results, problem: null);

            var output = Combine(end.StandardOutput, end.StandardError);
            var seconds = (int)_limits.TestTimeout.TotalSeconds;
            var cause = end.End switch
            {
                ChildSessionEnd.TestTimedOut => $"did not finish within {seconds} s: an infinite loop or a deadlock?",
                ChildSessionEnd.ExerciseTimedOut => $"was still running when the exercise's {(int)_limits.ExerciseTimeout.TotalSeconds} s limit ran out",
                ChildSessionEnd.Stalled => "the test process stopped responding outside any test (a fixture set-up or static constructor that never returns?)",
                _ => runnerError ?? CrashCause.Describe(end.ExitCode, end.StandardError, _limits.MemoryLimitMb),
            };
            var status = end.End == ChildSessionEnd.Died ? TestStatus.Crash : TestStatus.Timeout;

            if (end.RunningTest is { } running)
            {
                results[running.Id] = Report(running, status, cause, output, (long)end.RunningFor.TotalMilliseconds);
            }
            else if (end.RunningFixture is { } fixture)
            {
                // Stuck or dead in a fixture's constructor, set-up or tear-down: its unfinished tests share the blame.
                var why = end.End switch
                {
                    ChildSessionEnd.TestTimedOut => $"the set-up or tear-down of {fixture.Fixture} did not finish within {seconds} s: an infinite loop or a deadlock?",
                    ChildSessionEnd.Died => $"{cause}, in the set-up or tear-down of {fixture.Fixture}",
                    _ => cause,
                };
                foreach (var test in discovered.Where(d => d.Suite == fixture.Suite && d.ClassName == fixture.ClassName && !results.ContainsKey(d.Id)))
                    results[test.Id] = Report(test, status, why, output, 0);
            }

            var remaining = discovered.Where(d => !results.ContainsKey(d.Id)).ToList();
            if (remaining.Count == 0)
                return Outcome(discovered, results, discovered.Count == 0 ? (runnerError ?? $"{cause} before any test was found.") : null, status == TestStatus.Timeout);

            if (end.End == ChildSessionEnd.ExerciseTimedOut || _time.GetUtcNow() >= deadline)
            {
                foreach (var test in remaining)
                    results[test.Id] = Report(test, TestStatus.Timeout, $"not run: the exercise's {(int)_limits.ExerciseTimeout.TotalSeconds} s limit ran out", "", 0);
                return Outcome(discovered, results, problem: null);
            }

            // Starting again only helps if this process got further than the last one; otherwise report what is left.
            if (results.Count == finishedBefore)
            {
                foreach (var test in remaining)
                    results[test.Id] = Report(test, status, cause, "", 0);
                return Outcome(discovered, results, $"{cause}.", status == TestStatus.Timeout);
            }

            onlyFile = Path.Combine(_scratchDirectory, $"only-{Guid.NewGuid():N}.txt");
            onlyFiles.Add(onlyFile);
            ChildRunnerOptions.WriteOnly(onlyFile, remaining.Select(r => (r.Suite, r.FullName)));
        }
    }

    private static TestRunOutcome Outcome(
        List<RunnerEvent> discovered, Dictionary<string, TestReport> results, string? problem, bool problemWasTimeout = false)
    {
        var ordered = discovered.Select(d => results.TryGetValue(d.Id, out var r)
                ? r
                : Report(d, TestStatus.Error, "the test process did not report this test", "", 0))
            .ToList();
        return new TestRunOutcome(ordered, problem, problemWasTimeout);
    }

    private static TestReport Report(RunnerEvent test, TestStatus status, string message, string output, long durationMs) => new()
    {
        Name = Printable(test.Name),
        FullName = test.FullName,
        Suite = test.Suite,
        Status = status,
        Message = Printable(message.Trim()),
        Output = Printable(output),
        DurationMs = durationMs,
        Step = test.Suite == TestSuite.Visible ? StepOf(test.Fixture) : test.Step ?? StepNamedIn(message),
    };

    /// <summary>The step number in a fixture name such as <c>Step2_Receive_with_a_timeout</c>, or null.</summary>
    public static int? StepOf(string fixture) => StepNumber(StepPattern().Match(fixture));

    /// <summary>
    /// The step a hidden test's failure names ("Step 4: ..."), for a hidden test that declares no <c>[Property("Step", N)]</c>:
    /// check shows that step's hint. Null when the message names none.
    /// </summary>
    public static int? StepNamedIn(string message) => StepNumber(StepInMessagePattern().Match(message));

    private static int? StepNumber(Match match) =>
        match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Text from the learner's code with control characters (other than newlines and tabs) made visible as '�', so an
    /// escape sequence in a message or in output cannot move the cursor, clear the screen or repaint a report.
    /// </summary>
    public static string Printable(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\t'))
            ? string.Concat(text.Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? '\uFFFD' : c))
            : text;
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];

    private static string Combine(string stdout, string stderr) =>
        (stdout.Length > 0 ? stdout : "") + (stderr.Length > 0 ? (stdout.Length > 0 ? "\n" : "") + "[stderr]\n" + stderr : "");

    [GeneratedRegex(@"^Step(\d+)(_|$)")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"\bStep (\d+)\b")]
    private static partial Regex StepInMessagePattern();
}
