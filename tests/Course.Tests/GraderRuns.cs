using System.Collections.Concurrent;
using System.Text.Json;

namespace Course.Tests;

/// <summary>
/// Runs the grader, as a learner or CI would, once per set of arguments, and keeps its JSON report for every test
/// that asks for it. The grader is the one built beside these tests (the project references it).
/// </summary>
internal static class GraderRuns
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(25);
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonElement>>> Reports = new();

    public static Task<JsonElement> Solutions() => Run("--solutions");

    public static Task<JsonElement> Level(string level) => Run("--level", level);

    /// <summary>The exercise's entry in a report.</summary>
    public static JsonElement Exercise(JsonElement report, string id) =>
        report.GetProperty("releases").EnumerateArray()
            .SelectMany(release => release.GetProperty("exercises").EnumerateArray())
            .Single(exercise => exercise.GetProperty("id").GetString() == id);

    public static IEnumerable<JsonElement> Tests(JsonElement exercise, string suite) =>
        exercise.GetProperty("tests").EnumerateArray().Where(test => test.GetProperty("suite").GetString() == suite);

    private static Task<JsonElement> Run(params string[] arguments) =>
        Reports.GetOrAdd(string.Join(' ', arguments), _ => new Lazy<Task<JsonElement>>(() => RunAsync(arguments))).Value;

    /// <summary>Runs the grader with <paramref name="arguments"/> on the committed course; returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunRawAsync(params string[] arguments)
    {
        var start = Kit.Testing.ChildProcess.Dotnet([Path.Combine(AppContext.BaseDirectory, "grader.dll"), .. arguments, "--root", Repo.Root]);
        start.WorkingDirectory = Repo.Root;
        return Kit.Testing.ChildProcess.RunAsync(start, Limit);
    }

    private static async Task<JsonElement> RunAsync(string[] arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"course-tests-{Guid.NewGuid():N}.json");
        var (exitCode, printed) = await RunRawAsync(["grade", "--format", "json", "--output", output, .. arguments]);
        if (exitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"The grader ({string.Join(' ', arguments)}) exited with {exitCode}:\n{printed}");
        }

        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            return document.RootElement.Clone();
        }
        finally
        {
            File.Delete(output);
        }
    }
}
