using System.Diagnostics;
using System.Text.Json;
using Kit.Testing;

namespace Course.Tests;

/// <summary>
/// <c>grader new</c> makes an exercise that the kit's own checks accept as it is: the course linter passes on a copy of
/// the course with the new exercise in it, the new exercise is not started, every starter level compiles and fails with
/// a message naming the step, and the solution passes its visible and hidden tests.
/// </summary>
[Category("Grading")]
[NonParallelizable]
public sealed class NewExerciseTests
{
    private const string Id = "98-skeleton";
    private string _course = "";

    [OneTimeSetUp]
    public async Task Scaffold_an_exercise_in_a_new_release()
    {
        _course = CommittedCourse.NewCopy();
        var (exitCode, output) = await RunAsync(Grader("new", "r9", Id, "Skeleton", "--title", "A skeleton", "--release-title", "Scaffolded", "--root", _course));
        Assert.That(exitCode, Is.Zero, $"grader new failed:\n{output}");
    }

    [OneTimeTearDown]
    public void Remove_the_copy() => CommittedCourse.Delete(_course);

    [Test, CancelAfter(900_000)]
    public async Task The_course_linter_accepts_the_new_exercise(CancellationToken cancellationToken)
    {
        // The kit's own non-grading checks, run on the scaffolded copy (KIT_COURSE_ROOT points them at it).
        var course = Path.Combine(AppContext.BaseDirectory, "Course.Tests.dll");
        var start = ChildProcess.Dotnet("test", course, "--filter", "TestCategory!=Grading", "--nologo", "--logger", "console;verbosity=normal");
        start.Environment["KIT_COURSE_ROOT"] = _course;
        var (exitCode, output) = await RunAsync(start).WaitAsync(cancellationToken);

        Assert.That(exitCode, Is.Zero, $"the course linter rejects what grader new made:\n{output}");
        Assert.That(output, Does.Contain(Id), "the linter's checks ran on the new exercise");
    }

    [Test, CancelAfter(900_000)]
    public async Task The_new_exercise_is_not_started_and_each_starter_fails_naming_its_step(CancellationToken cancellationToken)
    {
        var untouched = await CheckAsync([]).WaitAsync(cancellationToken);
        Assert.That(untouched.GetProperty("status").GetString(), Is.EqualTo("not-started"), "a scaffolded exercise is untouched");

        foreach (var level in Repo.Levels)
        {
            var graded = await CheckAsync(["--level", level]).WaitAsync(cancellationToken);
            var messages = graded.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("message").GetString() ?? "").ToList();
            Assert.That(graded.GetProperty("status").GetString(), Is.EqualTo("failing"), $"{level}: the starter compiles and its tests fail");
            Assert.That(messages, Is.Not.Empty.And.All.Contains("Step 1"), $"{level}: every failure names the step");
        }
    }

    [Test, CancelAfter(900_000)]
    public async Task The_new_solution_passes_its_visible_and_hidden_tests(CancellationToken cancellationToken)
    {
        var graded = await CheckAsync(["--solutions"]).WaitAsync(cancellationToken);
        var suites = graded.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("suite").GetString()).ToList();

        Assert.That(graded.GetProperty("status").GetString(), Is.EqualTo("passed"), "the scaffolded solution passes");
        Assert.That(suites, Does.Contain("visible").And.Contain("hidden"), "both suites ran");
    }

    private async Task<JsonElement> CheckAsync(string[] options)
    {
        var (exitCode, output) = await RunAsync(Grader(["check", Id, "--format", "json", "--root", _course, .. options]));
        Assert.That(exitCode, Is.Zero, $"grader check {string.Join(' ', options)} failed:\n{output}");
        using var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        return report.RootElement.GetProperty("releases").EnumerateArray()
            .SelectMany(r => r.GetProperty("exercises").EnumerateArray())
            .Single(e => e.GetProperty("id").GetString() == Id).Clone();
    }

    private static ProcessStartInfo Grader(params string[] arguments) =>
        ChildProcess.Dotnet([Path.Combine(AppContext.BaseDirectory, "grader.dll"), .. arguments]);

    private static Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start) => ChildProcess.RunAsync(start, TimeSpan.FromMinutes(14));
}
