using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Grader.Building;

/// <summary>
/// The assemblies learner code and tests compile against: the running runtime's framework assemblies, NUnit,
/// Microsoft.Extensions.TimeProvider.Testing, and the kit's OTP runtime (<c>otp/</c>, with the assemblies it
/// references), which exercises use from Release 2 on.
/// </summary>
internal sealed class ReferenceSet
{
    private static readonly Lazy<ReferenceSet> s_default = new(CreateDefault);

    private readonly Lazy<IReadOnlyList<MetadataReference>> _references;

    private ReferenceSet(IReadOnlyList<string> paths)
    {
        Paths = paths;
        // Made on the first compilation: a check whose results are all cached never loads the compiler.
        _references = new(() => paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());
        Fingerprint = string.Join("\n", paths.Select(p => $"{Path.GetFileName(p)}:{File.GetLastWriteTimeUtc(p).Ticks}:{new FileInfo(p).Length}"));
    }

    /// <summary>The references every exercise compiles against.</summary>
    public static ReferenceSet Default => s_default.Value;

    /// <summary>Absolute paths of the referenced assemblies.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Roslyn references, created on first use and shared by every compilation.</summary>
    public IReadOnlyList<MetadataReference> References => _references.Value;

    /// <summary>Changes when any referenced assembly changes, so cached builds are not reused across upgrades.</summary>
    public string Fingerprint { get; }

    /// <summary>This set plus more assemblies (a level's own packages, when it is built with MSBuild).</summary>
    public ReferenceSet With(IEnumerable<string> extraAssemblies) => new([.. Paths, .. extraAssemblies]);

    private static ReferenceSet CreateDefault()
    {
        // The trusted platform assemblies hold the framework and the grader's own dependencies. Keep only the
        // framework (from the runtime's directory) and add the test libraries explicitly, so learner code never
        // sees Roslyn, Spectre.Console or the grader.
        var runtimeDir = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        // The trusted platform assemblies are all managed; a directory listing (the fallback) is checked file by file.
        var framework = tpa.Where(p => Path.GetFullPath(p).StartsWith(runtimeDir, StringComparison.Ordinal)).ToList();
        if (framework.Count == 0)
            framework = [.. Directory.EnumerateFiles(runtimeDir, "*.dll").Where(IsManagedAssembly)];

        string[] testLibraries =
        [
            typeof(NUnit.Framework.Assert).Assembly.Location,
            Path.Combine(Path.GetDirectoryName(typeof(NUnit.Framework.Assert).Assembly.Location)!, "nunit.framework.legacy.dll"),
            typeof(Microsoft.Extensions.Time.Testing.FakeTimeProvider).Assembly.Location,
            .. KitRuntime(),
        ];
        var all = framework.Concat(testLibraries.Where(File.Exists))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ReferenceSet(all);
    }

    /// <summary>The kit's runtime and the assemblies it references that ship beside the grader (not the framework's).</summary>
    private static IEnumerable<string> KitRuntime()
    {
        var runtime = typeof(Otp.Node).Assembly;
        yield return runtime.Location;
        foreach (var dependency in runtime.GetReferencedAssemblies())
        {
            var path = Path.Combine(AppContext.BaseDirectory, dependency.Name + ".dll");
            if (File.Exists(path))
                yield return path;
        }
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
