using System.IO.Compression;

namespace Grader.Course;

/// <summary>
/// <c>grader/starters.zip</c>: the content of every file <c>grader/starters.json</c> hashes, so <c>reset</c> can put a
/// level back as it was shipped without git or a network. Written by <c>starters --update</c> (entries sorted, fixed
/// timestamps, so the same starters give the same bytes) and verified by <c>starters --check</c>.
/// </summary>
internal static class StarterArchive
{
    private static readonly DateTimeOffset s_timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the archive of <paramref name="snapshot"/>'s files, read from <paramref name="exercisesDirectory"/>.</summary>
    public static void Write(string path, string exercisesDirectory, StarterSnapshot snapshot)
    {
        var staging = path + ".tmp";
        using (var zip = ZipFile.Open(staging, ZipArchiveMode.Create))
        {
            foreach (var relative in snapshot.Files.Keys)
            {
                var entry = zip.CreateEntry(relative, CompressionLevel.SmallestSize);
                entry.LastWriteTime = s_timestamp;
                using var target = entry.Open();
                using var source = File.OpenRead(Path.Combine(exercisesDirectory, relative));
                source.CopyTo(target);
            }
        }

        File.Move(staging, path, overwrite: true);
    }

    /// <summary>The files of the archive whose path starts with <paramref name="prefix"/>, relative to <c>exercises/</c>.</summary>
    public static IReadOnlyDictionary<string, byte[]> Read(string path, string prefix = "")
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return files;
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[entry.FullName] = copy.ToArray();
        }

        return files;
    }

    /// <summary>Why the archive does not hold exactly the snapshot's files, one line each; empty when it does.</summary>
    public static IEnumerable<string> Differences(string path, StarterSnapshot snapshot)
    {
        if (!File.Exists(path))
        {
            yield return "grader/starters.zip does not exist";
            yield break;
        }

        var archived = Read(path);
        foreach (var (relative, hash) in snapshot.Files)
        {
            if (!archived.TryGetValue(relative, out var bytes))
                yield return $"not in grader/starters.zip: exercises/{relative}";
            else if (StarterSnapshot.Hash(bytes) != hash)
                yield return $"differs in grader/starters.zip: exercises/{relative}";
        }

        foreach (var relative in archived.Keys.Where(k => !snapshot.Files.ContainsKey(k)))
            yield return $"only in grader/starters.zip: exercises/{relative}";
    }
}
