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
        var before = LearnerFiles();
        var run = await GraderTester.RunOnFixtureAsync("--report", $"json={json}");
        var text = File.ReadAllText(json);
        return new FixtureGradeResult(run, text, JsonReport.Deserialize(text)!, before, LearnerFiles());
    }

    /// <summary>Every entry under the fixture's exercises/ and solutions/ with its size and time of last write.</summary>
    private static Dictionary<string, (long, DateTime)> LearnerFiles() =>
        new[] { "exercises", "solutions" }
            .SelectMany(d => Directory.EnumerateFileSystemEntries(Path.Combine(TestPaths.FixtureCourse, d), "*", SearchOption.AllDirectories))
            .ToDictionary(p => p, p => (File.Exists(p) ? new FileInfo(p).Length : -1, File.GetLastWriteTimeUtc(p)));
}

/// <summary>What <see cref="FixtureGrade"/> produced.</summary>
internal sealed record FixtureGradeResult(
    GraderRun Run, string Json, GradeReport Report,
    IReadOnlyDictionary<string, (long Size, DateTime Written)> LearnerFilesBefore,
    IReadOnlyDictionary<string, (long Size, DateTime Written)> LearnerFilesAfter)
{
    public ExerciseReport Exercise(string id) => Report.Releases.SelectMany(r => r.Exercises).Single(e => e.Id == id);

    public TestReport Test(string exercise, string name) => Exercise(exercise).Tests.Single(t => t.Name == name);
}
