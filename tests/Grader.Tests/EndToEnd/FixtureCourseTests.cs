using Grader.Reporting;
using Grader.Tests.Support;

namespace Grader.Tests.EndToEnd;

/// <summary>
/// Grades the fixture course (one exercise per outcome) through the real command line, in process, with the test
/// processes really started: a loop, Environment.Exit and a stack overflow must not stop the grader.
/// </summary>
[CancelAfter(120_000)]
public class FixtureCourseTests
{
    private static GraderRun s_run = null!;
    private static string s_json = "";
    private static GradeReport s_report = null!;
    private static FixtureGradeResult s_result = null!;

    /// <summary>One grading run gives the console report and, through --report, the JSON one.</summary>
    [OneTimeSetUp]
    public async Task GradeTheFixtureOnce()
    {
        s_result = await FixtureGrade.Result;
        (s_run, s_json, s_report) = (s_result.Run, s_result.Json, s_result.Report);
    }

    private static ExerciseReport Exercise(string id) => s_result.Exercise(id);

    private static TestReport Test(string exercise, string name) => s_result.Test(exercise, name);

    [Test]
    public void Grading_exits_with_zero_whatever_the_score()
    {
        Assert.That(s_run.ExitCode, Is.EqualTo(0), s_run.Error);
    }

    [Test]
    public void Every_outcome_gets_its_status_and_level()
    {
        var statuses = s_report.Releases.Single(r => r.Id == "f1").Exercises.Select(e => (e.Id, e.Status, e.Level));
        Assert.That(statuses, Is.EqualTo(new[]
        {
            ("01-passes", ExerciseStatus.Passed, (string?)"1-make-it-pass"),
            ("02-fails", ExerciseStatus.Failing, "1-make-it-pass"),
            ("03-broken", ExerciseStatus.BuildError, "1-make-it-pass"),
            ("04-untouched", ExerciseStatus.NotStarted, null),
            ("05-loops", ExerciseStatus.Timeout, "1-make-it-pass"),
            ("06-crashes", ExerciseStatus.Crashed, "1-make-it-pass"),
            ("07-api-changed", ExerciseStatus.BuildError, "1-make-it-pass"),
        }));
    }

    [Test]
    public void Visible_and_hidden_tests_are_both_counted()
    {
        var passes = Exercise("01-passes");
        Assert.That(passes.Tests.Select(t => (t.Name, t.Suite)), Is.EqualTo(new[]
        {
            ("Step1_Adding.Two_and_three_make_five", TestSuite.Visible),
            ("Step1_Adding.Zero_is_neutral", TestSuite.Visible),
            ("Adding.Negative_numbers_add_up", TestSuite.Hidden),
        }));
        Assert.That((passes.PassedTests, passes.TotalTests), Is.EqualTo((3, 3)));
    }

    [Test]
    public void The_best_of_the_touched_levels_counts_and_the_others_are_listed()
    {
        var fails = Exercise("02-fails");
        Assert.That(fails.Level, Is.EqualTo("1-make-it-pass"));
        Assert.That(fails.OtherLevels, Is.EqualTo(new[] { new LevelSummary("2-guided", ExerciseStatus.Failing, 0, 3) }));
        Assert.That(fails.CurrentStep, Is.EqualTo(1));
        Assert.That(Test("02-fails", "Step1_Adding.Zero_is_neutral").Message, Does.Contain("But was:  8"));
    }

    [Test]
    public void A_test_that_loops_forever_times_out_and_the_tests_after_it_still_run()
    {
        var loop = Test("05-loops", "Step2_Spinning.Spin_returns");
        Assert.That(loop.Status, Is.EqualTo(TestStatus.Timeout));
        Assert.That(loop.Message, Is.EqualTo("did not finish within 5 s: an infinite loop or a deadlock?"));
        Assert.That(Test("05-loops", "Step3_Afterwards.Tests_after_a_loop_still_run").Status, Is.EqualTo(TestStatus.Pass));
        Assert.That(Test("05-loops", "Adding.Negative_numbers_add_up").Status, Is.EqualTo(TestStatus.Pass));
    }

    [Test]
    public void A_fixture_set_up_that_loops_forever_times_out_its_own_tests_only()
    {
        Assert.That(Test("05-loops", "Step4_Setting_up.Tests_run_after_the_set_up"),
            Has.Property(nameof(TestReport.Status)).EqualTo(TestStatus.Timeout)
                .And.Property(nameof(TestReport.Message)).EqualTo("the set-up or tear-down of Step4_Setting_up did not finish within 5 s: an infinite loop or a deadlock?"));
        Assert.That(Test("05-loops", "Adding.Negative_numbers_add_up").Status, Is.EqualTo(TestStatus.Pass));
    }

    [Test]
    public void Environment_exit_a_stack_overflow_and_a_background_exception_crash_their_test_only()
    {
        Assert.That(Test("06-crashes", "Step2_Quitting.Quit_returns"),
            Has.Property(nameof(TestReport.Status)).EqualTo(TestStatus.Crash)
                .And.Property(nameof(TestReport.Message)).EqualTo("the test process exited with code 0 (Environment.Exit?)"));
        Assert.That(Test("06-crashes", "Step3_Recursing.Recurse_returns"),
            Has.Property(nameof(TestReport.Status)).EqualTo(TestStatus.Crash)
                .And.Property(nameof(TestReport.Message)).StartsWith("stack overflow"));
        Assert.That(Test("06-crashes", "Step5_Exploding.Explode_returns"),
            Has.Property(nameof(TestReport.Status)).EqualTo(TestStatus.Crash)
                .And.Property(nameof(TestReport.Message)).EqualTo("an unhandled exception on another thread ended the test process: System.InvalidOperationException: boom"));
        Assert.That(Test("06-crashes", "Step4_Afterwards.Tests_after_a_crash_still_run").Status, Is.EqualTo(TestStatus.Pass));
        Assert.That(Test("06-crashes", "Adding.Negative_numbers_add_up").Status, Is.EqualTo(TestStatus.Pass));
    }

    [Test]
    public void Compiler_errors_are_reported_relative_to_the_root()
    {
        var broken = Exercise("03-broken");
        Assert.That(broken.Diagnostics.Select(d => (d.File, d.Line, d.Code)), Is.EqualTo(new[]
        {
            ("exercises/f1/03-broken/1-make-it-pass/Calculator.cs", 7, "CS0246"),
            ("exercises/f1/03-broken/1-make-it-pass/Calculator.cs", 7, "CS1002"),
        }));
        Assert.That(Exercise("07-api-changed").Message, Does.Contain("the public API differs"));
    }

    [Test]
    public void Release_progress_adds_up_the_exercises()
    {
        var release = s_report.Releases.Single(r => r.Id == "f1");
        Assert.That((release.PassedExercises, release.TotalExercises, release.PassedTests, release.TotalTests), Is.EqualTo((1, 7, 13, 19)));
    }

    [Test]
    public void The_json_report_matches_its_snapshot()
    {
        Snapshot.Verify(s_json, "grade.json");
    }

    [Test]
    public void The_markdown_and_junit_reports_match_their_snapshots()
    {
        Snapshot.Verify(MarkdownReport.Render(s_report, "Fixture course"), "grade.markdown");
        Snapshot.Verify(JUnitReport.Render(s_report), "grade.junit");
    }

    [Test]
    public void The_console_report_matches_its_snapshot()
    {
        Snapshot.Verify(s_run.Console, "grade.console");
    }

    [Test]
    public async Task Check_shows_the_failing_test_and_the_first_hint_of_the_current_step()
    {
        var run = await GraderTester.RunOnFixtureAsync("check", "02-fails");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Console, Does.Contain("Step1_Adding.Zero_is_neutral").And.Contain("Look at what the test expects from `Add(2, 3)`."));
        Snapshot.Verify(run.Console, "check.console");
    }

    [Test]
    public async Task Solutions_all_pass()
    {
        var run = await GraderTester.RunOnFixtureAsync("--solutions", "--format", "json");
        var report = JsonReport.Deserialize(run.Out)!;
        Assert.That(report.Source, Is.EqualTo("solutions"));
        Assert.That(report.Releases.SelectMany(r => r.Exercises).Select(e => (e.Status, e.Level)),
            Is.All.EqualTo((ExerciseStatus.Passed, (string?)"solution")));
    }

    [Test]
    public async Task The_learners_folders_are_left_exactly_as_they_were()
    {
        static Dictionary<string, DateTime> Snapshot(string dir) => Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(p => p, File.GetLastWriteTimeUtc);
        var exercises = Path.Combine(TestPaths.FixtureCourse, "exercises");
        var before = Snapshot(exercises);
        await GraderTester.RunOnFixtureAsync("check", "01-passes");
        Assert.That(Snapshot(exercises), Is.EqualTo(before));
    }
}
