using Grader.Tests.Support;

namespace Grader.Tests.Unit;

[CancelAfter(30_000)]
public class CommandLineTests
{
    [Test]
    public async Task No_course_json_is_a_course_error_that_says_what_to_do()
    {
        var empty = TestPaths.NewTempDirectory();
        var run = await GraderTester.RunAsync(empty);
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.CourseError));
        Assert.That(run.Error, Does.Contain($"no course.json found above {empty}: run the grader inside the kit, or pass --root"));
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, "--colour", "red");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
        Assert.That(run.Error, Does.Contain("--help"));
    }

    [Test]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, "--format", "yaml");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
    }

    [Test]
    public async Task An_unknown_exercise_lists_the_ones_there_are()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, "check", "99-nope");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.CourseError));
        Assert.That(run.Error, Does.Contain("no exercise \"99-nope\" in course.json; the exercises are: 01-passes, 02-fails"));
    }

    [Test]
    public async Task A_broken_course_json_is_a_course_error()
    {
        var root = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(root, "course.json"), "{ not json");
        var run = await GraderTester.RunAsync(root, "list");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.CourseError));
        Assert.That(run.Error, Does.Contain("is not valid JSON"));
    }

    [Test]
    public async Task Output_into_the_learners_folders_is_refused()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, "--output", "exercises/report.json");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
        Assert.That(run.Error, Does.Contain("never writes into exercises/ or solutions/"));
    }

    [Test]
    public async Task A_missing_suites_folder_is_a_usage_error()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, "--suites", "no/such/folder");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
        Assert.That(run.Error, Does.Contain("no such folder"));
    }

    [Test]
    public async Task A_bad_report_argument_is_a_usage_error()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, "--report", "yaml=out.yaml");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
        Assert.That(run.Error, Does.Contain("expected <format>=<file>"));
    }

    [Test]
    public async Task Starters_needs_exactly_one_of_update_or_check()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, "starters");
        Assert.That(run.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
    }

    [Test]
    public async Task Starters_check_passes_after_an_update_and_fails_after_a_starter_changes()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        Assert.That((await GraderTester.RunAsync(root, "starters", "--update")).ExitCode, Is.EqualTo((int)ExitCode.Ok));
        Assert.That((await GraderTester.RunAsync(root, "starters", "--check")).ExitCode, Is.EqualTo((int)ExitCode.Ok));

        File.AppendAllText(Path.Combine(root, "exercises", "f1", "04-untouched", "2-guided", "Calculator.cs"), "// changed\n");
        var stale = await GraderTester.RunAsync(root, "starters", "--check");
        Assert.That(stale.ExitCode, Is.EqualTo((int)ExitCode.StartersOutOfDate));
        Assert.That(stale.Error, Does.Contain("changed: exercises/f1/04-untouched/2-guided/Calculator.cs"));

        Assert.That((await GraderTester.RunAsync(root, "starters", "--update")).ExitCode, Is.EqualTo((int)ExitCode.Ok));
        Assert.That((await GraderTester.RunAsync(root, "starters", "--check")).ExitCode, Is.EqualTo((int)ExitCode.Ok));
        Directory.Delete(root, recursive: true);
    }
}
