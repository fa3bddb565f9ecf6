using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Grader.Building;

/// <summary>
/// Reuses compiled output when nothing that goes into it changed: the key hashes every source's path and content,
/// the assembly names, the references and the grader's own version. Entries live under the work directory
/// (<c>.grader/build/&lt;key&gt;/</c>), never in a learner's folder.
/// </summary>
internal sealed class BuildCache
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);
    private readonly string _directory;
    private readonly RoslynCompiler _compiler;
    private readonly string _fingerprint;

    public BuildCache(string workDirectory, RoslynCompiler compiler, ReferenceSet references)
    {
        _directory = Path.Combine(workDirectory, "build");
        _compiler = compiler;
        _fingerprint = references.Fingerprint + "\n" + typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId;
    }

    /// <summary>Returns the cached result for these inputs, compiling them first if there is none.</summary>
    public BuildResult Build(BuildRequest request, CancellationToken cancellationToken)
    {
        var key = Key(request);
        var entry = Path.Combine(_directory, key);
        var resultFile = Path.Combine(entry, "build.json");
        if (File.Exists(resultFile))
        {
            var cached = JsonSerializer.Deserialize<BuildResult>(File.ReadAllText(resultFile), s_options);
            if (cached is not null && OutputsExist(cached))
                return cached with { FromCache = true };
        }

        // Compile into a private folder, then publish it with one rename, so a grader running at the same time
        // never sees half an entry.
        var staging = Path.Combine(_directory, $"{key}.{Guid.NewGuid():N}.tmp");
        var result = _compiler.Compile(request, staging, cancellationToken);
        File.WriteAllText(Path.Combine(staging, "build.json"), JsonSerializer.Serialize(Relocate(result, staging, entry), s_options));
        try
        {
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            Directory.Move(staging, entry);
        }
        catch (IOException)
        {
            // Another grader published the same entry first; its content is identical.
            TryDelete(staging);
        }

        return Relocate(result, staging, entry);
    }

    private static bool OutputsExist(BuildResult result) =>
        (result.VisibleAssembly is null || File.Exists(result.VisibleAssembly))
        && (result.HiddenAssembly is null || File.Exists(result.HiddenAssembly));

    private static BuildResult Relocate(BuildResult result, string from, string to) => result with
    {
        VisibleAssembly = result.VisibleAssembly?.Replace(from, to, StringComparison.Ordinal),
        HiddenAssembly = result.HiddenAssembly?.Replace(from, to, StringComparison.Ordinal),
    };

    private string Key(BuildRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add(_fingerprint);
        Add(request.AssemblyName);
        Add(request.HiddenAssemblyName);
        foreach (var group in new[] { request.Sources, request.HiddenSources })
        {
            Add($"group:{group.Count}");
            foreach (var file in group)
            {
                Add(file);
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next clean-up; it is only a temporary build folder.
        }
    }
}
