using Grader.Reporting;
using Grader.Tests.Support;

namespace Grader.Tests.EndToEnd;

/// <summary>check, hint, reset, starters and --help through the real command line, on copies of the fixture course where they change files.</summary>
[CancelAfter(120_000)]
public class CommandsTests
{
    private static string[] Fixture(params string[] args) => [.. args, .. GraderTester.FixtureLimits];

    [Test]
    public async Task Check_lists_failing_tests_so_that_they_read_well_at_80_columns()
    {
        var run = await GraderTester.RunWithAsync(TestPaths.FixtureCourse, width: 80, gitHubActions: false, Fixture("check", "06-crashes"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var lines = run.Console.Split('\n');
        Assert.That(lines, Has.All.Length.LessThanOrEqualTo(80));
        Assert.That(lines, Does.Contain("✗ Step2_Quitting.Quit_returns"));
        Assert.That(run.Console, Does.Contain("    visible test, crash: the test process exited with code 0 (Environment.Exit?)"));
    }

    [Test]
    public async Task Every_command_has_help()
    {
        foreach (var command in new[] { "grade", "check", "watch", "list", "hint", "reset", "starters" })
        {
            var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, command, "--help");
            Assert.That(run.ExitCode, Is.EqualTo(0), command);
            Assert.That(run.Out, Does.Contain("Usage:").And.Contain(command), command);
        }
    }

    [Test]
    public async Task Hint_shows_one_more_hint_of_the_current_step_each_time_then_says_there_are_no_more_and_remembers_outside_the_learners_folders()
    {
        var work = TestPaths.NewTempDirectory();
        string[] Hint(params string[] extra) => ["hint", "02-fails", .. extra, "--test-timeout", "5", "--work-dir", work];
        var exercises = Path.Combine(TestPaths.FixtureCourse, "exercises");
        var before = Directory.GetFiles(exercises, "*", SearchOption.AllDirectories).Length;

        var first = await GraderTester.RunAsync(TestPaths.FixtureCourse, Hint());
        var second = await GraderTester.RunAsync(TestPaths.FixtureCourse, Hint());
        var third = await GraderTester.RunAsync(TestPaths.FixtureCourse, Hint());
        var otherStep = await GraderTester.RunAsync(TestPaths.FixtureCourse, Hint("--step", "2"));

        Assert.That(first.Console, Does.Contain("Step 1, hint 1 of 2: Look at what the test expects from `Add(2, 3)`."));
        Assert.That(second.Console, Does.Contain("Step 1, hint 2 of 2: Addition, not subtraction. The operator is `+`.").And.Contain("last hint"));
        Assert.That(third.Console, Does.Contain("No more hints for step 1: you have seen all 2. The last one was: Addition, not subtraction."));
        Assert.That(otherStep.Console, Does.Contain("Step 2, hint 1 of 2: There is no step 2."));
        Assert.That(File.Exists(Path.Combine(work, "hints.json")), Is.True);
        Assert.That(Directory.GetFiles(exercises, "*", SearchOption.AllDirectories), Has.Length.EqualTo(before));
    }

    [Test]
    public async Task Reset_asks_first_and_restores_only_that_levels_starter_files_moving_the_learners_aside()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var level = Path.Combine(root, "exercises", "f1", "05-loops", "1-make-it-pass");
        var starter = File.ReadAllText(Path.Combine(root, "exercises", "f1", "05-loops", "2-guided", "Calculator.cs"));
        var learners = File.ReadAllText(Path.Combine(level, "Calculator.cs"));
        File.WriteAllText(Path.Combine(level, "Extra.cs"), "// mine");
        var tests = File.ReadAllText(Path.Combine(root, "exercises", "f1", "05-loops", "tests", "VisibleTests.cs"));

        var refused = await GraderTester.RunAsync(root, "reset", "05-loops", "--level", "1-make-it-pass");
        Assert.That(refused.ExitCode, Is.EqualTo((int)ExitCode.UsageError));
        Assert.That(refused.Error, Does.Contain("--yes"));
        Assert.That(File.ReadAllText(Path.Combine(level, "Calculator.cs")), Is.EqualTo(learners));

        var reset = await GraderTester.RunAsync(root, "reset", "05-loops", "--level", "1-make-it-pass", "--yes");
        Assert.That(reset.ExitCode, Is.EqualTo(0), reset.Error);
        Assert.That(File.ReadAllText(Path.Combine(level, "Calculator.cs")), Is.EqualTo(starter));
        Assert.That(File.Exists(Path.Combine(level, "Extra.cs")), Is.False);
        var backups = Directory.GetFiles(Path.Combine(root, ".grader", "backup"), "*", SearchOption.AllDirectories);
        Assert.That(backups.Select(Path.GetFileName), Is.EquivalentTo(new[] { "Calculator.cs", "Extra.cs" }));
        Assert.That(File.ReadAllText(backups.Single(b => b.EndsWith("Calculator.cs", StringComparison.Ordinal))), Is.EqualTo(learners));
        Assert.That(File.ReadAllText(Path.Combine(root, "exercises", "f1", "05-loops", "tests", "VisibleTests.cs")), Is.EqualTo(tests));

        var again = await GraderTester.RunAsync(root, "reset", "05-loops", "--level", "1-make-it-pass", "--yes");
        Assert.That(again.Console, Does.Contain("already exactly the starter"));
        var untouched = await GraderTester.RunAsync(root, "reset", "04-untouched");
        Assert.That(untouched.Error, Does.Contain("every level of 04-untouched is still the starter"));
    }

    [Test]
    public async Task Changed_visible_tests_are_flagged_and_the_hidden_suite_still_decides()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var tests = Path.Combine(root, "exercises", "f1", "02-fails", "tests", "VisibleTests.cs");
        File.WriteAllText(tests, File.ReadAllText(tests).Replace("Is.EqualTo(7)", "Is.EqualTo(8)", StringComparison.Ordinal));

        var run = await GraderTester.RunAsync(root, Fixture("check", "02-fails", "--format", "json"));
        var exercise = JsonReport.Deserialize(run.Out)!.Releases.Single().Exercises.Single();

        Assert.That(exercise.Tampered, Is.True);
        Assert.That(exercise.Notes.Single(), Does.StartWith("the visible tests differ from the kit's (changed f1/02-fails/tests/VisibleTests.cs)"));
        Assert.That((await FixtureGrade.Result).Report.Releases.SelectMany(r => r.Exercises).Select(e => e.Tampered), Is.All.False);
    }

    [Test]
    public async Task Inside_github_actions_failures_are_annotated_on_the_learners_lines()
    {
        var broken = await GraderTester.RunWithAsync(TestPaths.FixtureCourse, 100, gitHubActions: true, Fixture("check", "03-broken"));
        var allocates = await GraderTester.RunWithAsync(TestPaths.FixtureCourse, 100, gitHubActions: true, Fixture("check", "08-allocates", "--format", "json"));
        var outside = await GraderTester.RunWithAsync(TestPaths.FixtureCourse, 100, gitHubActions: false, Fixture("check", "03-broken"));

        Assert.That(broken.Out, Does.StartWith("::error file=exercises/f1/03-broken/1-make-it-pass/Calculator.cs,line=7,title=03-broken%3A CS0246::"));
        Assert.That(allocates.Error, Does.Contain("::error file=exercises/f2/08-allocates/1-make-it-pass/Calculator.cs,line=14,title=08-allocates%3A Step2_Hoarding.Hoard_returns (crash)::ran out of memory"));
        Assert.That(JsonReport.Deserialize(allocates.Out), Is.Not.Null, "with the JSON report on stdout, annotations go to stderr");
        Assert.That(outside.Out, Does.Not.Contain("::error"));
        Snapshot.Verify(broken.Out + allocates.Error.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).Aggregate("", (a, l) => a + l + "\n"), "annotations.github");
    }

    [Test]
    public async Task Partial_credit_is_each_releases_mean_exercise_score()
    {
        var report = (await FixtureGrade.Result).Report;
        var f1 = report.Releases.Single(r => r.Id == "f1");
        Assert.That(f1.Exercises.Select(e => e.Score), Is.EqualTo(new[] { 100, 66.7, 0, 0, 66.7, 57.1, 0 }));
        Assert.That(f1.Score, Is.EqualTo(41.5));
    }

    [Test]
    public async Task Starters_update_writes_the_archive_reset_uses_and_check_notices_a_changed_visible_test()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var update = await GraderTester.RunAsync(root, "starters", "--update");
        var clean = await GraderTester.RunAsync(root, "starters", "--check");
        File.AppendAllText(Path.Combine(root, "exercises", "f1", "01-passes", "tests", "VisibleTests.cs"), "// changed\n");
        var stale = await GraderTester.RunAsync(root, "starters", "--check");

        Assert.That(update.ExitCode, Is.EqualTo(0), update.Error);
        Assert.That(File.Exists(Path.Combine(root, "grader", "starters.zip")), Is.True);
        Assert.That(clean.ExitCode, Is.EqualTo(0), clean.Error);
        Assert.That(stale.ExitCode, Is.EqualTo((int)ExitCode.StartersOutOfDate));
        Assert.That(stale.Error, Does.Contain("changed: exercises/f1/01-passes/tests/VisibleTests.cs")
            .And.Contain("differs in grader/starters.zip: exercises/f1/01-passes/tests/VisibleTests.cs"));
    }
}
