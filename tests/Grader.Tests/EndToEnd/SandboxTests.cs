using Grader.Reporting;
using Grader.Running;
using Grader.Tests.Support;

namespace Grader.Tests.EndToEnd;

/// <summary>
/// With <c>--sandbox</c> the fixture's crashing and hostile exercises get the same verdicts as without it (exit codes,
/// stack overflows, the memory cap and the console all reach the grader through bubblewrap), the report says the
/// sandbox ran, and what the code started is gone afterwards. Skipped where bubblewrap cannot run.
/// </summary>
[CancelAfter(180_000)]
public class SandboxTests
{
    private static readonly string[] s_exercises = ["06-crashes", "08-allocates", "10-spawns", "11-fakes"];
    private readonly Dictionary<string, GradeReport> _sandboxed = [];
    private FixtureGradeResult _unsandboxed = null!;

    [OneTimeSetUp]
    public async Task Check_the_exercises_sandboxed()
    {
        if (!Bubblewrap.Available.IsOn)
            Assert.Ignore($"bubblewrap cannot run here, so nothing can be sandboxed: {Bubblewrap.Available.Problem}");
        _unsandboxed = await FixtureGrade.Result;
        foreach (var exercise in s_exercises)
        {
            var run = await GraderTester.RunOnFixtureAsync("check", exercise, "--sandbox", "--format", "json");
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            _sandboxed[exercise] = JsonReport.Deserialize(run.Out)!;
        }
    }

    [Test]
    public void The_report_says_the_sandbox_ran()
    {
        Assert.That(_sandboxed.Values.Select(r => r.Sandbox), Is.All.EqualTo(TestSandbox.BubblewrapName));
        Assert.That(_sandboxed.Values.Select(r => r.Notes), Has.All.One.StartsWith("learner code ran sandboxed (bubblewrap)"));
        Assert.That(_unsandboxed.Report.Sandbox, Is.EqualTo(TestSandbox.NoneName));
    }

    [TestCaseSource(nameof(s_exercises))]
    public void Sandboxed_verdicts_are_the_unsandboxed_ones(string exercise)
    {
        var sandboxed = _sandboxed[exercise].Releases.SelectMany(r => r.Exercises).Single();
        static IEnumerable<string> Verdicts(ExerciseReport e) => e.Tests.Select(t => $"{t.Name} {t.Status} {FirstLine(t.Message)}");

        Assert.That(sandboxed.Status, Is.EqualTo(_unsandboxed.Exercise(exercise).Status));
        Assert.That(Verdicts(sandboxed), Is.EqualTo(Verdicts(_unsandboxed.Exercise(exercise))));
    }

    [Test]
    public void What_the_code_started_in_the_sandbox_is_gone()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("bubblewrap runs on Linux only.");
        var sleepers = Directory.GetDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => File.Exists(Path.Combine(d, "cmdline")) ? SafeRead(Path.Combine(d, "cmdline")) : "")
            .Where(c => c.StartsWith("sleep\03607", StringComparison.Ordinal) || c.StartsWith("sleep\03608", StringComparison.Ordinal))
            .ToList();
        Assert.That(sleepers, Is.Empty, "the processes 10-spawns starts outlived grading");
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return ""; // it ended while we looked
        }
    }
}
