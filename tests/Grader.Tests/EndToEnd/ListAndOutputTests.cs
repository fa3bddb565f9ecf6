using Grader.Reporting;
using Grader.Tests.Support;

namespace Grader.Tests.EndToEnd;

[CancelAfter(120_000)]
public class ListAndOutputTests
{
    [Test]
    public async Task List_shows_every_exercise_in_course_order()
    {
        var run = await GraderTester.RunOnFixtureAsync("list", "--solutions");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Snapshot.Verify(run.Console, "list.solutions.console");
    }

    [Test]
    public async Task The_root_is_found_from_a_folder_inside_the_course()
    {
        var nested = Path.Combine(TestPaths.FixtureCourse, "exercises", "f1", "01-passes", "1-make-it-pass");
        var run = await GraderTester.RunAsync(nested, "check", "01-passes", "--format", "json", "--work-dir", GraderTester.SharedWorkDirectory);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(JsonReport.Deserialize(run.Out)!.Releases.Single().Exercises.Single().Status, Is.EqualTo(ExerciseStatus.Passed));
    }

    [Test]
    public async Task Json_goes_to_the_output_file_when_one_is_given()
    {
        var file = Path.Combine(TestPaths.NewTempDirectory(), "report.json");
        var run = await GraderTester.RunOnFixtureAsync("check", "01-passes", "--format", "json", "--output", file);
        Assert.That(run.Out, Is.Empty);
        Assert.That(JsonReport.Deserialize(File.ReadAllText(file))!.Releases.Single().Exercises.Single().Status, Is.EqualTo(ExerciseStatus.Passed));
    }

    [Test]
    public async Task Every_report_of_one_run_goes_to_its_own_file()
    {
        var dir = TestPaths.NewTempDirectory();
        var run = await GraderTester.RunOnFixtureAsync(
            "check", "02-fails", "--format", "json", "--report", $"markdown={dir}/r.md", "--report", $"junit={dir}/r.xml");

        Assert.That(JsonReport.Deserialize(run.Out)!.Releases.Single().Exercises.Single().Status, Is.EqualTo(ExerciseStatus.Failing));
        Assert.That(File.ReadAllText(Path.Combine(dir, "r.md")), Does.Contain("| 02-fails: A wrong answer | 🟡 failing | 1-make-it-pass | 2/3 |"));
        Assert.That(System.Xml.Linq.XDocument.Load(Path.Combine(dir, "r.xml")).Root!.Attribute("failures")!.Value, Is.EqualTo("1"));
    }

    [Test]
    public async Task Without_a_starter_entry_every_level_counts_as_started_and_a_note_says_so()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        File.WriteAllText(Path.Combine(root, "grader", "starters.json"), """{ "files": {} }""");
        var run = await GraderTester.RunAsync(root, "check", "04-untouched", "--format", "json", "--work-dir", GraderTester.SharedWorkDirectory);
        var exercise = JsonReport.Deserialize(run.Out)!.Releases.Single().Exercises.Single();
        Assert.That(exercise.Status, Is.EqualTo(ExerciseStatus.Failing));
        Assert.That(exercise.Notes.Single(), Does.Contain("grader/starters.json has no entry for f1/04-untouched"));
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task Hidden_suites_can_come_from_another_folder()
    {
        var suites = TestPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(suites, "01-passes"));
        File.WriteAllText(Path.Combine(suites, "01-passes", "Other.cs"), """
            using NUnit.Framework;
            namespace Passes.Hidden;
            public class Instructor { [Test] public void Big_numbers() => Assert.That(Calculator.Add(1000, 1), Is.EqualTo(1001)); }
            """);
        var run = await GraderTester.RunOnFixtureAsync("check", "01-passes", "--format", "json", "--suites", suites);
        var tests = JsonReport.Deserialize(run.Out)!.Releases.Single().Exercises.Single().Tests;
        Assert.That(tests.Where(t => t.Suite == TestSuite.Hidden).Select(t => t.Name), Is.EqualTo(new[] { "Instructor.Big_numbers" }));
    }

    [Test]
    public async Task When_the_exercise_limit_runs_out_the_running_test_and_the_rest_are_timeouts()
    {
        var run = await GraderTester.RunAsync(
            TestPaths.FixtureCourse, "check", "05-loops", "--format", "json",
            "--test-timeout", "30", "--exercise-timeout", "5", "--work-dir", GraderTester.SharedWorkDirectory);
        var tests = JsonReport.Deserialize(run.Out)!.Releases.Single().Exercises.Single().Tests;

        Assert.That(tests.Single(t => t.Name == "Step2_Spinning.Spin_returns").Message, Is.EqualTo("was still running when the exercise's 5 s limit ran out"));
        Assert.That(tests.Single(t => t.Name == "Step3_Afterwards.Tests_after_a_loop_still_run"),
            Has.Property(nameof(TestReport.Status)).EqualTo(TestStatus.Timeout)
                .And.Property(nameof(TestReport.Message)).EqualTo("not run: the exercise's 5 s limit ran out"));
    }
}
