using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Grader.Course;
using Grader.Reporting;
using Microsoft.CodeAnalysis;

namespace Grader.Building;

/// <summary>
/// The fallback build for a level whose project file the in-process path cannot honour: <c>dotnet build</c> with
/// every output (bin and obj) under the grader's work folder, so the learner's folder is only read; then the hidden
/// suite is compiled with Roslyn against what MSBuild produced. Results are cached like Roslyn builds.
/// </summary>
internal sealed partial class MsBuildCompiler
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(5);
    private readonly string _directory;
    private readonly string _root;
    private readonly ReferenceSet _references;
    private readonly Func<string, string> _relativePath;

    public MsBuildCompiler(string workDirectory, string root, ReferenceSet references, Func<string, string> relativePath)
    {
        _directory = Path.Combine(workDirectory, "msbuild");
        _root = root;
        _references = references;
        _relativePath = relativePath;
    }

    /// <summary>Builds <paramref name="project"/> (and the hidden suite against it), or returns the cached result.</summary>
    public async Task<BuildResult> BuildAsync(string project, BuildRequest request, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var key = Key(inputs, request);
        var entry = Path.Combine(_directory, key);
        var output = Path.Combine(entry, "out");
        var visible = Path.Combine(output, request.AssemblyName + ".dll");
        var hidden = Path.Combine(entry, "hidden", request.HiddenAssemblyName + ".dll");
        if (File.Exists(Path.Combine(entry, "done")))
            return new BuildResult { Success = true, VisibleAssembly = visible, HiddenAssembly = File.Exists(hidden) ? hidden : null, FromCache = true };

        var (exitCode, log) = await RunDotnetBuildAsync(project, entry, output, request.AssemblyName, cancellationToken);
        if (exitCode != 0 || !File.Exists(visible))
        {
            var errors = Errors(log);
            return new BuildResult
            {
                Success = false,
                Message = errors.Count > 0
                    ? $"the code does not compile with dotnet build ({errors.Count} error{(errors.Count == 1 ? "" : "s")})."
                    : $"dotnet build failed (exit code {exitCode}): {LastLines(log)}",
                Diagnostics = errors,
            };
        }

        var result = CompileHidden(request, visible, output, hidden, cancellationToken);
        if (result.Success)
            File.WriteAllText(Path.Combine(entry, "done"), "");
        return result;
    }

    private BuildResult CompileHidden(BuildRequest request, string visible, string output, string hidden, CancellationToken cancellationToken)
    {
        if (request.HiddenSources.Count == 0)
            return new BuildResult { Success = true, VisibleAssembly = visible };

        // The learner's own packages are in the output folder; the suite may need their types through the public API.
        var known = _references.Paths.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var extra = Directory.GetFiles(output, "*.dll").Where(p => !known.Contains(Path.GetFileName(p)) && IsManaged(p));
        var compiler = new RoslynCompiler(_references.With(extra), _relativePath);
        var errors = compiler.CompileHidden(request, Path.GetDirectoryName(hidden)!, cancellationToken);
        return errors.Count > 0
            ? new BuildResult { Success = false, Message = RoslynCompiler.HiddenSuiteMessage(errors.Count), Diagnostics = errors }
            : new BuildResult { Success = true, VisibleAssembly = visible, HiddenAssembly = hidden };
    }

    private async Task<(int ExitCode, string Log)> RunDotnetBuildAsync(string project, string entry, string output, string assemblyName, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        foreach (var argument in new[]
        {
            "build", project, "--nologo", "-v:q", "-clp:NoSummary",
            "--artifacts-path", Path.Combine(entry, "artifacts"),
            $"-p:OutDir={output}{Path.DirectorySeparatorChar}",
            $"-p:AssemblyName={assemblyName}",
            "-p:TreatWarningsAsErrors=false",
        })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1"; // no build server left behind by a grading run

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_buildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return (-1, $"dotnet build did not finish within {s_buildTimeout.TotalMinutes} minutes");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private List<DiagnosticReport> Errors(string log) =>
        ErrorLine().Matches(log)
            .Select(m => new DiagnosticReport(_relativePath(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["code"].Value, m.Groups["message"].Value.Trim()))
            .DistinctBy(d => (d.File, d.Line, d.Code, d.Message))
            .Take(50)
            .ToList();

    private static string LastLines(string log) =>
        string.Join(" ", log.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));

    private string Key(IReadOnlyList<string> inputs, BuildRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add(typeof(MsBuildCompiler).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(request.AssemblyName);
        foreach (var file in inputs.Concat(request.HiddenSources).Where(File.Exists))
        {
            Add(file);
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static bool IsManaged(string path)
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

    [GeneratedRegex(@"^\s*(?<file>[^\r\n(]+?)\((?<line>\d+),\d+\): error (?<code>[A-Z]+\d+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]+\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
