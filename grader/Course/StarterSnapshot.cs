using System.Security.Cryptography;
using System.Text.Json;

namespace Grader.Course;

/// <summary>
/// <c>grader/starters.json</c>: the SHA-256 of every starter file and every visible test under <c>exercises/</c>
/// (build output excluded, CRLF normalised to LF so a Windows checkout hashes the same). An exercise is "not started"
/// while every level still matches it; its visible tests are "changed" when they no longer match.
/// </summary>
internal sealed class StarterSnapshot
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public StarterSnapshot(IReadOnlyDictionary<string, string> files)
    {
        Files = new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal);
    }

    /// <summary>The folder of an exercise's visible tests.</summary>
    public const string TestsFolder = "tests";

    /// <summary>Hash per file, keyed by the path relative to <c>exercises/</c> (for example <c>r1/01-processes/2-guided/Mailbox.cs</c>).</summary>
    public SortedDictionary<string, string> Files { get; }

    /// <summary>Hashes every level folder of every exercise the manifest names.</summary>
    public static StarterSnapshot Compute(CourseLayout layout)
    {
        var files = new Dictionary<string, string>();
        foreach (var (release, exercise) in layout.Manifest.AllExercises)
        {
            foreach (var folder in layout.Manifest.Levels.Append(TestsFolder))
            {
                var dir = Path.Combine(layout.ExercisesDirectory, release.Id, exercise.Id, folder);
                foreach (var file in SourceFiles.All(dir))
                    files[SourceFiles.Relative(layout.ExercisesDirectory, file)] = Hash(file);
            }
        }

        return new StarterSnapshot(files);
    }

    /// <summary>Reads the snapshot, or returns null when the file does not exist.</summary>
    public static StarterSnapshot? Load(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            var model = JsonSerializer.Deserialize<Model>(File.ReadAllText(path), s_options);
            return new StarterSnapshot(model?.Files ?? new Dictionary<string, string>());
        }
        catch (JsonException e)
        {
            throw new CourseException($"{path} is not valid JSON ({e.Message}): regenerate it with `dotnet run --project grader -- starters --update`.", e);
        }
    }

    /// <summary>The snapshot as written to disk: stable order, LF line endings.</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(new Model { Files = new Dictionary<string, string>(Files) }, s_options).ReplaceLineEndings("\n") + "\n";

    /// <summary>True if the snapshot holds anything for this exercise (otherwise the grader treats every level as started).</summary>
    public bool Knows(string exerciseKey) => Files.Keys.Any(k => k.StartsWith(exerciseKey + "/", StringComparison.Ordinal));

    /// <summary>
    /// True when the level's files are exactly the starter's: every recorded file present with the same hash,
    /// and no .cs file the starter did not have.
    /// </summary>
    public bool IsUntouched(string exercisesDirectory, LevelLocation level)
    {
        var prefix = SourceFiles.Relative(exercisesDirectory, level.Directory) + "/";
        var expected = Files.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (expected.Count == 0)
            return false;
        foreach (var (relative, hash) in expected)
        {
            var file = Path.Combine(exercisesDirectory, relative);
            if (!File.Exists(file) || Hash(file) != hash)
                return false;
        }

        return SourceFiles.CSharp(level.Directory)
            .All(f => Files.ContainsKey(SourceFiles.Relative(exercisesDirectory, f)));
    }

    /// <summary>
    /// How the exercise's visible tests differ from the kit's (changed, added or removed files, relative to
    /// <c>exercises/</c>); empty when they match or when the snapshot has no record of them.
    /// </summary>
    public IReadOnlyList<string> VisibleTestChanges(string exercisesDirectory, string exerciseKey)
    {
        var prefix = $"{exerciseKey}/{TestsFolder}/";
        var expected = Files.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (expected.Count == 0)
            return [];
        var changes = new List<string>();
        foreach (var (relative, hash) in expected)
        {
            var file = Path.Combine(exercisesDirectory, relative);
            if (!File.Exists(file))
                changes.Add($"removed {relative}");
            else if (Hash(file) != hash)
                changes.Add($"changed {relative}");
        }

        var added = SourceFiles.All(Path.Combine(exercisesDirectory, exerciseKey, TestsFolder))
            .Select(f => SourceFiles.Relative(exercisesDirectory, f))
            .Where(r => !Files.ContainsKey(r));
        changes.AddRange(added.Select(r => $"added {r}"));
        return changes;
    }

    /// <summary>SHA-256 of a file's bytes with CRLF turned into LF, as lower-case hex.</summary>
    public static string Hash(string file) => Hash(File.ReadAllBytes(file));

    /// <summary>SHA-256 of <paramref name="bytes"/> with CRLF turned into LF, as lower-case hex.</summary>
    public static string Hash(byte[] bytes)
    {
        var normalised = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                continue;
            normalised.Add(bytes[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(normalised.ToArray()));
    }

    /// <summary>Files that differ between two snapshots, as human-readable lines.</summary>
    public IEnumerable<string> Differences(StarterSnapshot other)
    {
        foreach (var (path, hash) in Files)
        {
            if (!other.Files.TryGetValue(path, out var otherHash))
                yield return $"new file: exercises/{path}";
            else if (otherHash != hash)
                yield return $"changed: exercises/{path}";
        }

        foreach (var path in other.Files.Keys.Where(p => !Files.ContainsKey(p)))
            yield return $"removed: exercises/{path}";
    }

    private sealed class Model
    {
        public string Algorithm { get; init; } = "sha256 of each file, CRLF normalised to LF, bin/ and obj/ excluded";
        public Dictionary<string, string> Files { get; init; } = [];
    }
}
