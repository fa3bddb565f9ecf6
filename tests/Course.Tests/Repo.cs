using System.Text.Json;

namespace Course.Tests;

/// <summary>
/// The course under test (its committed copy: a learner's work in progress never changes a verdict here) and its
/// manifest, read independently of the grader's own reader.
/// </summary>
internal static class Repo
{
    public static readonly string Root = Kit.Testing.CommittedCourse.Root;

    public static readonly IReadOnlyList<Exercise> Exercises = ReadExercises();

    public static IReadOnlyList<string> Levels { get; } = ["1-make-it-pass", "2-guided", "3-walkthrough"];

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');


    private static List<Exercise> ReadExercises()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "course.json")));
        return
        [
            .. from release in manifest.RootElement.GetProperty("releases").EnumerateArray()
               from exercise in release.GetProperty("exercises").EnumerateArray()
               select new Exercise(
                   release.GetProperty("id").GetString()!,
                   exercise.GetProperty("id").GetString()!,
                   exercise.GetProperty("project").GetString()!),
        ];
    }
}
