using System.Text.RegularExpressions;
using Grader.Reporting;
using Grader.Tests.Support;

namespace Grader.Tests.EndToEnd;

/// <summary>
/// The fixture course's release f2 holds one exercise per kind of hostile code (besides the loops, exits, stack
/// overflows and background exceptions of f1): each must be named in its own test while every other test is graded.
/// </summary>
[CancelAfter(120_000)]
public partial class HostileCodeTests
{
    private static FixtureGradeResult s_result = null!;

    [OneTimeSetUp]
    public async Task GradeTheFixtureOnce() => s_result = await FixtureGrade.Result;

    private static void TheOtherTestsStillPass(string exercise)
    {
        var others = s_result.Exercise(exercise).Tests.Where(t => !t.Name.StartsWith("Step2_", StringComparison.Ordinal)).ToList();
        Assert.That(others.Select(t => t.Status), Is.EqualTo(new[] { TestStatus.Pass, TestStatus.Pass, TestStatus.Pass }));
    }

    [Test]
    public void Allocating_without_bound_crashes_its_test_with_the_memory_limit_in_words()
    {
        Assert.That(s_result.Test("08-allocates", "Step2_Hoarding.Hoard_returns"),
            Has.Property(nameof(TestReport.Status)).EqualTo(TestStatus.Crash)
                .And.Property(nameof(TestReport.Message)).StartsWith("ran out of memory (limit 256 MB)"));
        Assert.That(s_result.Exercise("08-allocates").Status, Is.EqualTo(ExerciseStatus.Crashed));
        TheOtherTestsStillPass("08-allocates");
    }

    [Test]
    public void A_console_flood_is_capped_in_the_report()
    {
        var flood = s_result.Test("09-floods", "Step2_Shouting.Shout_returns_one");
        Assert.That(flood.Status, Is.EqualTo(TestStatus.Pass));
        Assert.That(flood.Output, Has.Length.LessThan(200 * 1024).And.Contain("truncated"));
        Assert.That(s_result.Json, Has.Length.LessThan(1024 * 1024));
        TheOtherTestsStillPass("09-floods");
    }

    [Test]
    public void Processes_the_learners_code_leaves_running_are_killed()
    {
        var spawn = s_result.Test("10-spawns", "Step2_Spawning.Spawn_returns_one");
        var pids = StartedProcesses().Match(spawn.Output);
        Assert.That(pids.Success, Is.True, $"the fixture prints the processes it started; output was: {spawn.Output}");
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("The processes are looked up in /proc, which only Linux has.");
        foreach (var pid in new[] { pids.Groups[1].Value, pids.Groups[2].Value })
        {
            var cmdline = $"/proc/{pid}/cmdline";
            var alive = File.Exists(cmdline) && File.ReadAllText(cmdline).Contains("sleep", StringComparison.Ordinal);
            Assert.That(alive, Is.False, $"process {pid} (sleep) outlived the grading run");
        }

        TheOtherTestsStillPass("10-spawns");
    }

    [Test]
    public void Text_that_looks_like_results_changes_nothing()
    {
        var fake = s_result.Test("11-fakes", "Step2_Answering.The_answer_is_42");
        Assert.That(fake.Status, Is.EqualTo(TestStatus.Fail));
        Assert.That(fake.Message, Does.Contain("But was:  41"));
        Assert.That(fake.Output, Does.Contain("\"outcome\":\"pass\"").And.Contain("environment: \n"), "the fake lines are shown as output, and no variable names the channel");
        Assert.That(s_result.Exercise("11-fakes").Tests, Has.Count.EqualTo(4), "the learner's own tests add no points");
        Assert.That(s_result.Exercise("11-fakes").Notes, Has.One.StartsWith("2 tests declared outside the exercise's tests/ folder ran but did not count"));
        TheOtherTestsStillPass("11-fakes");
    }

    [Test]
    public async Task Results_reused_from_the_cache_still_leave_the_learners_own_tests_out_and_say_so()
    {
        // Two checks in the shared work folder: the second reuses the stored results (nothing changed, no timeout or crash).
        await GraderTester.RunOnFixtureAsync("check", "11-fakes", "--format", "json");
        var again = JsonReport.Deserialize((await GraderTester.RunOnFixtureAsync("check", "11-fakes", "--format", "json")).Out)!
            .Releases.SelectMany(r => r.Exercises).Single(e => e.Id == "11-fakes");

        Assert.That(again.Tests, Has.Count.EqualTo(4), "a cached result counts the same tests as a fresh one: not the learner's own");
        Assert.That(again.Notes, Has.One.StartsWith("2 tests declared outside the exercise's tests/ folder ran but did not count"),
            "a cached result says which tests did not count, as a fresh one does");
    }

    [Test]
    public void A_deadlock_times_out_its_test_with_the_cause_in_words()
    {
        Assert.That(s_result.Test("12-deadlocks", "Step2_Transferring.Transfer_returns_one"),
            Has.Property(nameof(TestReport.Status)).EqualTo(TestStatus.Timeout)
                .And.Property(nameof(TestReport.Message)).EqualTo("did not finish within 5 s: an infinite loop or a deadlock?"));
        TheOtherTestsStillPass("12-deadlocks");
    }

    [Test]
    public void Every_hostile_exercise_is_graded_and_the_release_adds_up()
    {
        var release = s_result.Report.Releases.Single(r => r.Id == "f2");
        Assert.That(release.Exercises.Select(e => (e.Id, e.Status)), Is.EqualTo(new[]
        {
            ("08-allocates", ExerciseStatus.Crashed),
            ("09-floods", ExerciseStatus.Passed),
            ("10-spawns", ExerciseStatus.Passed),
            ("11-fakes", ExerciseStatus.Failing),
            ("12-deadlocks", ExerciseStatus.Timeout),
        }));
        Assert.That((release.PassedTests, release.TotalTests), Is.EqualTo((17, 20)));
    }

    [Test]
    public void Grading_hostile_code_leaves_the_learners_files_exactly_as_they_were()
    {
        Assert.That(s_result.LearnerFilesAfter, Is.EquivalentTo(s_result.LearnerFilesBefore));
    }

    [GeneratedRegex(@"started processes (\d+) (\d+)")]
    private static partial Regex StartedProcesses();
}
