namespace Course.Tests;

/// <summary>
/// The course linter's verdicts, in the spirit of rustlings' dev check: every solution passes all its visible and
/// hidden tests, and every starter level compiles and fails, with failures that name the step to work on.
/// Each check grades through the grader itself, exactly as a learner's work is graded.
/// </summary>
[Category("Grading")]
public sealed class GradingTests
{
    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    [CancelAfter(1_800_000)] // a loaded 2-core machine grades every level in several minutes
    public async Task The_solution_passes_every_visible_and_hidden_test(Exercise exercise, CancellationToken cancellationToken)
    {
        var graded = GraderRuns.Exercise(await GraderRuns.Solutions().WaitAsync(cancellationToken), exercise.Id);
        var failing = graded.GetProperty("tests").EnumerateArray()
            .Where(test => test.GetProperty("status").GetString() != "pass")
            .Select(test => $"{test.GetProperty("suite")} {test.GetProperty("name")}: {test.GetProperty("status")} {Message(test)}");

        Assert.That(graded.GetProperty("status").GetString(), Is.EqualTo("passed"), string.Join('\n', failing));
        Assert.That(GraderRuns.Tests(graded, "visible").Count(), Is.GreaterThan(0), "no visible test ran");
        Assert.That(GraderRuns.Tests(graded, "hidden").Count(), Is.GreaterThan(GraderRuns.Tests(graded, "visible").Count()),
            "the hidden suite is more thorough than the visible tests");
    }

    private static IEnumerable<TestCaseData> Starters() =>
        Repo.Exercises.SelectMany(exercise => Repo.Levels.Select(level =>
            new TestCaseData(exercise, level).SetArgDisplayNames(exercise.Id, level)));

    [TestCaseSource(nameof(Starters))]
    [CancelAfter(1_800_000)] // a loaded 2-core machine grades every level in several minutes
    public async Task The_starter_compiles_and_fails_with_messages_that_name_the_step(Exercise exercise, string level, CancellationToken cancellationToken)
    {
        var graded = GraderRuns.Exercise(await GraderRuns.Level(level).WaitAsync(cancellationToken), exercise.Id);
        var visible = GraderRuns.Tests(graded, "visible").ToList();
        var failing = visible.Where(test => test.GetProperty("status").GetString() != "pass").ToList();

        Assert.That(graded.GetProperty("level").GetString(), Is.EqualTo(level));
        Assert.That(graded.GetProperty("status").GetString(), Is.EqualTo("failing"), "a starter compiles, and its tests fail");
        Assert.That(visible, Is.Not.Empty);
        Assert.That(failing, Is.Not.Empty, "a starter must leave at least one visible test failing");
        Assert.That(failing.Where(test => !Message(test).Contains("Step ", StringComparison.Ordinal)).Select(test => test.GetProperty("name").GetString()),
            Is.Empty, "a failing starter test shows the stub's message, which names the step (not a timeout or a bare assertion)");
    }

    private static string Message(System.Text.Json.JsonElement test) =>
        test.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "";
}
