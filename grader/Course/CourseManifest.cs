using System.Text.Json;

namespace Grader.Course;

/// <summary>The course manifest (<c>course.json</c>): releases in order, their exercises in order, and the help levels.</summary>
internal sealed record CourseManifest
{
    public string Title { get; init; } = "";
    public IReadOnlyList<ReleaseInfo> Releases { get; init; } = [];
    public IReadOnlyList<string> Levels { get; init; } = [];

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Every exercise in course order, with its release.</summary>
    public IEnumerable<(ReleaseInfo Release, ExerciseInfo Exercise)> AllExercises =>
        Releases.SelectMany(r => r.Exercises.Select(e => (r, e)));

    /// <summary>Parses a manifest, throwing <see cref="CourseException"/> with a message that says what to fix.</summary>
    public static CourseManifest Parse(string json, string path)
    {
        CourseManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CourseManifest>(json, s_options);
        }
        catch (JsonException e)
        {
            throw new CourseException($"{path} is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        if (manifest is null || manifest.Releases.Count == 0)
            throw new CourseException($"{path} lists no releases: expected {{ \"releases\": [ {{ \"id\": ..., \"exercises\": [...] }} ] }}.");
        foreach (var release in manifest.Releases)
        {
            if (string.IsNullOrWhiteSpace(release.Id))
                throw new CourseException($"{path}: a release has no \"id\".");
            foreach (var exercise in release.Exercises)
            {
                if (string.IsNullOrWhiteSpace(exercise.Id) || string.IsNullOrWhiteSpace(exercise.Project))
                    throw new CourseException($"{path}: every exercise of release {release.Id} needs an \"id\" and a \"project\".");
            }
        }

        var duplicate = manifest.AllExercises.GroupBy(x => x.Exercise.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new CourseException($"{path}: exercise id {duplicate.Key} appears more than once; ids must be unique.");
        return manifest;
    }

    /// <summary>Reads and parses <c>course.json</c> at <paramref name="path"/>.</summary>
    public static CourseManifest Load(string path) => Parse(File.ReadAllText(path), path);
}
