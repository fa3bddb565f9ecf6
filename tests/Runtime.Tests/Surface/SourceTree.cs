using System.Reflection;

namespace Runtime.Tests.Surface;

/// <summary>Where the sources are: the approved snapshot and the runtime's README are read from the tree, not from bin/.</summary>
internal static class SourceTree
{
    /// <summary>The folder of Runtime.Tests.csproj, recorded at build time.</summary>
    public static string TestProject { get; } = typeof(SourceTree).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SourceDirectory").Value!;

    /// <summary>The runtime's documentation, whose samples must compile.</summary>
    public static string RuntimeReadme => Path.GetFullPath(Path.Combine(TestProject, "..", "..", "otp", "README.md"));
}
