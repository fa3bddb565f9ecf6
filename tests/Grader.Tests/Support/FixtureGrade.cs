using Grader.Reporting;

namespace Grader.Tests.Support;

/// <summary>
/// One grading run of the whole fixture course, shared by the end-to-end fixtures that assert on it (the course's
/// hostile exercises take seconds each, so it runs once per test run).
/// </summary>
internal static class FixtureGrade
{
    private static readonly Lazy<Task<FixtureGradeResult>> s_run = new(GradeAsync);

    /// <summary>The console run, its JSON report (written through <c>--report</c>) and the parsed report.</summary>
    public static Task<FixtureGradeResult> Result => s_run.Value;

    private static async Task<FixtureGradeResult> GradeAsync()
    {
        var json = Path.Combine(TestPaths.NewTempDirectory(), "grade.json");
        var run = await GraderTester.RunOnFixtureAsync("--report", $"json={json}");
        var text = File.ReadAllText(json);
        return new FixtureGradeResult(run, text, JsonReport.Deserialize(text)!);
    }
}

/// <summary>What <see cref="FixtureGrade"/> produced.</summary>
internal sealed record FixtureGradeResult(GraderRun Run, string Json, GradeReport Report)
{
    public ExerciseReport Exercise(string id) => Report.Releases.SelectMany(r => r.Exercises).Single(e => e.Id == id);

    public TestReport Test(string exercise, string name) => Exercise(exercise).Tests.Single(t => t.Name == name);
}
