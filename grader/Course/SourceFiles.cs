namespace Grader.Course;

/// <summary>Lists a folder's files the way the build sees them: recursive, without <c>bin/</c> and <c>obj/</c>.</summary>
internal static class SourceFiles
{
    private static readonly string[] s_ignoredFolders = ["bin", "obj", ".vs", ".idea", "TestResults"];

    /// <summary>Every file under <paramref name="folder"/> except build output, sorted by relative path (ordinal, '/' separators).</summary>
    public static IReadOnlyList<string> All(string folder, string pattern = "*")
    {
        if (!Directory.Exists(folder))
            return [];
        var files = new List<string>();
        Collect(new DirectoryInfo(folder), pattern, files);
        return files.OrderBy(f => Relative(folder, f), StringComparer.Ordinal).ToList();
    }

    /// <summary>Every <c>*.cs</c> file under <paramref name="folder"/> except build output.</summary>
    public static IReadOnlyList<string> CSharp(string folder) => All(folder, "*.cs");

    /// <summary>The path of <paramref name="file"/> relative to <paramref name="folder"/>, with '/' separators.</summary>
    public static string Relative(string folder, string file) =>
        Path.GetRelativePath(folder, file).Replace('\\', '/');

    private static void Collect(DirectoryInfo dir, string pattern, List<string> files)
    {
        foreach (var file in dir.EnumerateFiles(pattern))
            files.Add(file.FullName);
        foreach (var sub in dir.EnumerateDirectories())
        {
            // Symbolic links could loop; a learner's folder has no reason to hold one.
            if (s_ignoredFolders.Contains(sub.Name, StringComparer.OrdinalIgnoreCase) || sub.LinkTarget is not null)
                continue;
            Collect(sub, pattern, files);
        }
    }
}
