using Grader.Course;
using Grader.Reporting;
using Grader.Tests.Support;
using Spectre.Console;

namespace Grader.Tests.EndToEnd;

/// <summary>What a learner new to the kit is told: which level check grades, where to begin, what is next, and hints that move on.</summary>
[CancelAfter(120_000)]
public class LearnerGuidanceTests
{
    private static string[] Limits(string work) => ["--test-timeout", "5", "--memory-limit", "256", "--work-dir", work];

    [Test]
    public async Task Check_grades_the_level_last_tested_when_every_level_is_still_the_starters()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var exercise = Path.Combine(root, "exercises", "f1", "04-untouched");
        // What `dotnet test` leaves behind: level 1 built earlier, level 2 just now.
        Touch(Path.Combine(exercise, "1-make-it-pass", "obj", "project.assets.json"), DateTime.UtcNow.AddMinutes(-5));
        Touch(Path.Combine(exercise, "2-guided", "bin", "Debug", "net10.0", "Untouched.2-guided.dll"), DateTime.UtcNow);

        var run = await GraderTester.RunAsync(root, ["check", "04-untouched", .. Limits(TestPaths.NewTempDirectory())]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Console, Does.Contain("failing at level 2-guided")
            .And.Contain("every level is still the starter's, so this grades 2-guided, where you last ran `dotnet test`."));
        Assert.That(run.Console, Does.Not.Contain("Not started yet"));
    }

    [Test]
    public async Task Check_on_an_exercise_never_tested_says_how_to_begin_with_the_exact_commands()
    {
        var run = await GraderTester.RunAsync(TestPaths.FixtureCourse, ["check", "04-untouched", .. Limits(TestPaths.NewTempDirectory())]);

        Assert.That(run.Console, Does.Contain("Not started yet")
            .And.Contain("Read exercises/f1/04-untouched/README.md")
            .And.Contain("  cd exercises/f1/04-untouched/1-make-it-pass && dotnet test")
            .And.Contain("\n  ./grade check 04-untouched\n")
            .And.Contain("./grade check 04-untouched --level 1-make-it-pass"));
    }

    [Test]
    public async Task The_hint_check_shows_is_recorded_so_hint_goes_on_and_says_when_there_are_no_more()
    {
        var work = TestPaths.NewTempDirectory();
        var check = await GraderTester.RunAsync(TestPaths.FixtureCourse, ["check", "02-fails", .. Limits(work)]);
        var hint = await GraderTester.RunAsync(TestPaths.FixtureCourse, ["hint", "02-fails", .. Limits(work)]);
        var noMore = await GraderTester.RunAsync(TestPaths.FixtureCourse, ["hint", "02-fails", .. Limits(work)]);
        var checkAgain = await GraderTester.RunAsync(TestPaths.FixtureCourse, ["check", "02-fails", .. Limits(work)]);

        Assert.That(check.Console, Does.Contain("You are on step 1. Hint 1 of 2: Look at what the test expects from `Add(2, 3)`."));
        Assert.That(hint.Console, Does.Contain("Step 1, hint 2 of 2: Addition, not subtraction."));
        Assert.That(noMore.Console, Does.Contain("No more hints for step 1: you have seen all 2.")
            .And.Contain("solutions/f1/02-fails/"));
        Assert.That(checkAgain.Console, Does.Contain("Hint 2 of 2: Addition, not subtraction."), "check shows the latest hint seen");
    }

    [Test]
    public async Task The_hint_follows_the_step_as_its_tests_turn_green()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var work = TestPaths.NewTempDirectory();
        var tests = Path.Combine(root, "exercises", "f1", "02-fails", "tests", "Step2Tests.cs");
        File.WriteAllText(tests, """
            using NUnit.Framework;

            namespace Fails.Tests;

            public class Step2_Nothing_more
            {
                [Test]
                public void Still_to_write() => Assert.Fail("step 2 is not written yet");
            }
            """);
        var before = await GraderTester.RunAsync(root, ["hint", "02-fails", .. Limits(work)]);
        var code = Path.Combine(root, "exercises", "f1", "02-fails", "1-make-it-pass", "Calculator.cs");
        File.WriteAllText(code, File.ReadAllText(code).Replace(" + (b > 5 ? 1 : 0)", "", StringComparison.Ordinal));
        var after = await GraderTester.RunAsync(root, ["hint", "02-fails", .. Limits(work)]);

        Assert.That(before.Console, Does.Contain("Step 1, hint 1 of 2"));
        Assert.That(after.Console, Does.Contain("Step 2, hint 1 of 2: There is no step 2."));
    }

    [Test]
    public async Task A_hidden_failure_names_its_step_declared_or_in_its_message_with_that_steps_hint_and_no_path_into_the_hidden_suite()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var work = TestPaths.NewTempDirectory();
        var code = Path.Combine(root, "exercises", "f1", "02-fails", "1-make-it-pass", "Calculator.cs");
        // Every visible test passes; a hidden one does not.
        File.WriteAllText(code, File.ReadAllText(code).Replace(" + (b > 5 ? 1 : 0)", " + (a < 0 ? 1 : 0)", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "exercises", "f1", "02-fails", "tests", "Step2Tests.cs"), """
            using NUnit.Framework;

            namespace Fails.Tests;

            public class Step2_Nothing_more
            {
                [Test]
                public void Still_nothing() => Assert.That(Calculator.Add(1, 1), Is.EqualTo(2));
            }
            """);
        File.WriteAllText(Path.Combine(root, "grader", "suites", "02-fails", "HiddenTests.cs"), """
            using System;
            using System.Runtime.CompilerServices;
            using NUnit.Framework;

            namespace Fails.Hidden;

            public class Adding
            {
                [Test]
                public void Negative_numbers_add_up() =>
                    Assert.That(Calculator.Add(-4, 1), Is.EqualTo(-3), "Step 2: negative numbers add up too (see README, step 2).");

                [Test]
                public void A_helper_of_the_suite_fails() => Helper();

                // A failure that names where in the suite it happened, as a stack trace in a message does.
                private static void Helper([CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
                    throw new InvalidOperationException($"Step 2: thrown by the hidden suite's own code\n   at Fails.Hidden.Adding.Helper() in {file}:line {line}");
            }

            // The step declared on the fixture, with a message that names none.
            [Property("Step", 2)]
            public class Declared
            {
                [Test]
                public void Mixed_signs_add_up() => Assert.That(Calculator.Add(-7, 2), Is.EqualTo(-5), "mixed signs add up");
            }
            """);

        var check = await GraderTester.RunAsync(root, ["check", "02-fails", .. Limits(work)]);
        var json = await GraderTester.RunAsync(root, ["check", "02-fails", "--format", "json", .. Limits(work)]);

        Assert.That(check.Console, Does.Contain("hidden test (step 2), fail: Step 2: negative numbers add up too"),
            "each hidden failure says which README step it is about");
        Assert.That(check.Console, Does.Contain("hidden test (step 2), fail: mixed signs add up"),
            "a hidden test that declares [Property(\"Step\", 2)] on its fixture is about step 2 whatever its message says");
        Assert.That(check.Console, Does.Contain("The first is about step 2 of the README. Hint 1 of 2: There is no step 2."),
            "with only hidden tests failing, check shows the hint of the step they name");
        Assert.That(json.Out, Does.Contain("thrown by the hidden suite's own code\\n   at Fails.Hidden.Adding.Helper()").And.Contain("\"step\": 2"),
            "the JSON report has the hidden test's failure (its frame, without the suite's file) and its step");
        Assert.That(check.Console + json.Out, Does.Not.Contain("grader/suites").And.Not.Contain(@"grader\suites"),
            "no path into the hidden suite in any report");
    }

    [Test]
    public async Task At_80_columns_check_writes_a_long_test_name_and_the_commands_whole()
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        const string name = "A_sum_of_two_numbers_is_the_same_whichever_number_comes_first_even_when_both_are_large";
        File.WriteAllText(Path.Combine(root, "exercises", "f1", "02-fails", "tests", "LongNameTests.cs"), $$"""
            using NUnit.Framework;

            namespace Fails.Tests;

            public class Step1_Adding_in_any_order
            {
                [Test]
                public void {{name}}() => Assert.That(Calculator.Add(9, 1), Is.EqualTo(Calculator.Add(1, 9)));
            }
            """);

        var check = await GraderTester.RunWithAsync(root, width: 80, gitHubActions: false, ["check", "02-fails", .. Limits(TestPaths.NewTempDirectory())]);
        var begin = await GraderTester.RunWithAsync(root, width: 40, gitHubActions: false, ["check", "04-untouched", .. Limits(TestPaths.NewTempDirectory())]);

        Assert.That(check.Console.Split('\n'), Does.Contain($"✗ Step1_Adding_in_any_order.{name}"));
        Assert.That(begin.Console.Split('\n'), Does.Contain("  cd exercises/f1/04-untouched/1-make-it-pass && dotnet test")
            .And.Contain("  ./grade check 04-untouched --level 1-make-it-pass"));
    }

    [Test]
    public void An_untouched_course_ends_with_where_to_begin_and_a_started_one_with_the_exercise_and_step_to_work_on()
    {
        var layout = new CourseLayout(TestPaths.FixtureCourse, CourseManifest.Load(Path.Combine(TestPaths.FixtureCourse, "course.json")), solutions: false, suitesDirectory: null);
        var ids = layout.Manifest.AllExercises.Select(x => x.Exercise).ToList();
        GradeReport Report(Func<ExerciseInfo, ExerciseReport> exercise) => new()
        {
            Source = "exercises",
            Releases = [new ReleaseReport { Id = "f1", Title = "Every outcome", Exercises = [.. ids.Select(exercise)] }],
        };
        var untouched = Report(e => new ExerciseReport { Id = e.Id, Title = e.Title, Status = ExerciseStatus.NotStarted });
        var started = Report(e => e.Id switch
        {
            "01-passes" => new ExerciseReport { Id = e.Id, Title = e.Title, Status = ExerciseStatus.Passed, Level = "1-make-it-pass" },
            "02-fails" => new ExerciseReport { Id = e.Id, Title = e.Title, Status = ExerciseStatus.Failing, Level = "2-guided", CurrentStep = 2 },
            _ => new ExerciseReport { Id = e.Id, Title = e.Title, Status = ExerciseStatus.NotStarted },
        });

        var begin = Render(untouched, layout);
        var next = Render(started, layout);

        Assert.That(begin, Does.Contain("Where to begin: 01-passes (Passes).")
            .And.Contain("Read exercises/f1/01-passes/README.md, pick a level (1-make-it-pass, 2-guided")
            .And.Contain("  cd exercises/f1/01-passes/1-make-it-pass && dotnet test"));
        Assert.That(begin, Does.Contain("Summary: none of the 12 exercises started yet, score 0%."));
        Assert.That(next, Does.Contain("Next: 02-fails (A wrong answer) at level 2-guided, step 2.")
            .And.Contain("\n  ./grade check 02-fails\n  ./grade watch 02-fails\n"));
        Assert.That(begin + next, Does.Not.Contain("Details of one exercise"));
    }

    [Test]
    public void On_an_untouched_course_the_exercise_whose_tests_were_run_is_next_not_the_first()
    {
        var layout = new CourseLayout(TestPaths.FixtureCourse, CourseManifest.Load(Path.Combine(TestPaths.FixtureCourse, "course.json")), solutions: false, suitesDirectory: null);
        var report = new GradeReport
        {
            Source = "exercises",
            Releases = [new ReleaseReport { Id = "f1", Title = "Every outcome", Exercises = [.. layout.Manifest.AllExercises.Select(x =>
                new ExerciseReport { Id = x.Exercise.Id, Title = x.Exercise.Title, Status = ExerciseStatus.NotStarted })] }],
        };
        var guide = new NextStep(layout, location => location.Exercise.Id == "04-untouched" ? location.Levels[0] : null);

        var text = Render(report, guide);

        Assert.That(text, Does.Contain("Next: 04-untouched (Not started): you ran its tests at level 1-make-it-pass")
            .And.Contain("\n  ./grade check 04-untouched\n"));
        Assert.That(text, Does.Not.Contain("Where to begin"));
    }

    [Test]
    public void At_80_columns_no_identifier_is_broken_and_the_bars_say_what_they_count()
    {
        var layout = new CourseLayout(TestPaths.FixtureCourse, CourseManifest.Load(Path.Combine(TestPaths.FixtureCourse, "course.json")), solutions: false, suitesDirectory: null);
        var exercise = new ExerciseReport { Id = "03-functional-core", Title = "Functional cores: CRC", Status = ExerciseStatus.Failing, Level = "3-walkthrough" };
        var report = new GradeReport
        {
            Source = "exercises",
            Releases = [new ReleaseReport { Id = "r1", Title = "OTP Basics", Exercises = [exercise, exercise with { Id = "04-gen-server", Status = ExerciseStatus.NotStarted, Level = null }] }],
        };

        var text = Render(report, layout);

        Assert.That(text.Split('\n'), Has.All.Length.LessThanOrEqualTo(80));
        Assert.That(text, Does.Contain("│ 03-functional-core │").And.Contain("│ 3-walkthrough │"));
        Assert.That(text, Does.Contain("Exercises passed 0/2").And.Contain("Score 0%").And.Contain("Tests passed: 0/0 in the 1 exercise started (of 2)."));
    }

    private static string Render(GradeReport report, CourseLayout layout) => Render(report, new NextStep(layout));

    private static string Render(GradeReport report, NextStep guide)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 80;
        ConsoleReport.Render(console, report, "Fixture course", guide.After(report));
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static void Touch(string file, DateTime writtenUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "");
        File.SetLastWriteTimeUtc(file, writtenUtc);
    }
}
