using System.Reflection;

namespace Grader.Tests.Support;

/// <summary>Where the test project's source is (fixtures and approved snapshots live there, not in bin/).</summary>
internal static class TestPaths
{
    /// <summary>The folder of Grader.Tests.csproj, recorded at build time.</summary>
    public static string SourceDirectory { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SourceDirectory").Value!;

    /// <summary>The fixture course: one exercise per outcome.</summary>
    public static string FixtureCourse => Path.Combine(SourceDirectory, "Fixtures", "course");

    /// <summary>This test run's folder under the system's temp folder; removed when the run ends.</summary>
    public static string RunDirectory { get; } = Path.Combine(Path.GetTempPath(), "grader-tests", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A fresh empty folder inside <see cref="RunDirectory"/>.</summary>
    public static string NewTempDirectory()
    {
        var dir = Path.Combine(RunDirectory, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Copies a folder tree (without bin/obj/.grader) so a test can change it freely.</summary>
    public static string CopyOf(string source)
    {
        var target = NewTempDirectory();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or ".grader"))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }
}
