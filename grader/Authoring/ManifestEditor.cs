using System.Text.Json;
using System.Text.RegularExpressions;
using Grader.Course;

namespace Grader.Authoring;

/// <summary>
/// Adds an exercise to <c>course.json</c> as an author would by hand: one line in its release's list (a new release
/// block at the end when the release is new), the rest of the file untouched, the result parsed again before it is
/// written so a broken manifest is never left behind.
/// </summary>
internal static partial class ManifestEditor
{
    /// <summary>The manifest's text with the exercise added.</summary>
    public static string AddExercise(string json, string path, string release, string? releaseTitle, ExerciseInfo exercise)
    {
        var manifest = CourseManifest.Parse(json, path);
        var line = $"{{ \"id\": {Quote(exercise.Id)}, \"title\": {Quote(exercise.Title)}, \"project\": {Quote(exercise.Project)} }}";
        string edited;
        if (manifest.Releases.Any(r => r.Id == release))
        {
            // The release's block: from its "id" to the "]" that closes its exercises.
            var id = new Regex($"\"id\"\\s*:\\s*{Regex.Escape(Quote(release))}").Match(json);
            var open = json.IndexOf('[', json.IndexOf("\"exercises\"", id.Index, StringComparison.Ordinal));
            var close = FindClosingBracket(json, open);
            var body = json[(open + 1)..close];
            var lastEntry = body.LastIndexOf('}');
            edited = lastEntry < 0
                ? json[..(open + 1)] + "\n        " + line + "\n      " + json[close..]
                : json[..(open + 1 + lastEntry + 1)] + ",\n        " + line + json[(open + 1 + lastEntry + 1)..];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(releaseTitle))
                throw new CourseException($"Release {release} is not in {path} yet: give its title with --release-title \"...\".");
            var releases = ReleasesArray().Match(json);
            var end = FindClosingBracket(json, releases.Index + releases.Length - 1);
            var lastRelease = json.LastIndexOf('}', end);
            var block = $",\n    {{\n      \"id\": {Quote(release)},\n      \"title\": {Quote(releaseTitle)},\n      \"exercises\": [\n        {line}\n      ]\n    }}";
            edited = json[..(lastRelease + 1)] + block + json[(lastRelease + 1)..];
        }

        CourseManifest.Parse(edited, path); // never write what the grader itself could not read
        return edited;
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static int FindClosingBracket(string json, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}' && --depth == 0) return i;
        }

        throw new CourseException("course.json: the \"releases\" list is not closed.");
    }

    [GeneratedRegex("\"releases\"\\s*:\\s*\\[")]
    private static partial Regex ReleasesArray();
}
