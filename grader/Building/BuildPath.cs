using Grader.Course;

namespace Grader.Building;

/// <summary>
/// Which way a level is built. The fast path compiles in process with Roslyn, which is exactly what the kit's
/// one-line project file means; anything else in the folder (a PackageReference, a property, a .props or .targets
/// file) only MSBuild can honour, so such a level is built with <c>dotnet build</c>.
/// </summary>
internal static class BuildPath
{
    /// <summary>The in-process Roslyn build.</summary>
    public const string Roslyn = "roslyn";

    /// <summary>The fallback: <c>dotnet build</c> into the grader's work folder.</summary>
    public const string MsBuild = "msbuild";

    /// <summary>The project file every level and solution ships with.</summary>
    public const string Skeleton = "<Project Sdk=\"Microsoft.NET.Sdk\" />";

    /// <summary>The path for the level in <paramref name="directory"/>, and its project file when MSBuild is needed.</summary>
    public static (string Path, string? Project) For(string directory)
    {
        var projects = Directory.GetFiles(directory, "*.csproj");
        var buildLogic = SourceFiles.All(directory).Where(f => f.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
            || f.EndsWith(".targets", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase));
        var skeletonOnly = projects.Length <= 1 && buildLogic.All(f => projects.Contains(f) && IsSkeleton(f));
        return skeletonOnly || projects.Length == 0 ? (Roslyn, null) : (MsBuild, projects.Order(StringComparer.Ordinal).First());
    }

    private static bool IsSkeleton(string projectFile) =>
        string.Concat(File.ReadAllText(projectFile).Where(c => !char.IsWhiteSpace(c))) == string.Concat(Skeleton.Where(c => !char.IsWhiteSpace(c)));
}
