using System.Text;
using Grader.Reporting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Grader.Building;

/// <summary>
/// Compiles a level in process with Roslyn, with the options the exercise projects use: C# latest, nullable on,
/// no implicit usings, warnings left as warnings (a learner's half-written code should still run its tests).
/// </summary>
internal sealed class RoslynCompiler
{
    private const int MaxDiagnostics = 50;

    private static readonly CSharpParseOptions s_parseOptions = new CSharpParseOptions(LanguageVersion.Latest)
        .WithPreprocessorSymbols("DEBUG", "TRACE", "NET", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER");

    private static readonly CSharpCompilationOptions s_options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Debug,
            deterministic: true,
            concurrentBuild: true);

    private readonly ReferenceSet _references;
    private readonly Func<string, string> _relativePath;

    /// <param name="references">What the code compiles against.</param>
    /// <param name="relativePath">Turns an absolute source path into the one reports show (relative to the repository root).</param>
    public RoslynCompiler(ReferenceSet references, Func<string, string> relativePath)
    {
        _references = references;
        _relativePath = relativePath;
    }

    /// <summary>Compiles A and then B against A, writing both into <paramref name="outputDirectory"/>.</summary>
    public BuildResult Compile(BuildRequest request, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var visible = CreateCompilation(request.AssemblyName, request.Sources, _references.References, cancellationToken);
        var visiblePath = Path.Combine(outputDirectory, request.AssemblyName + ".dll");
        var errors = Emit(visible, visiblePath, cancellationToken);
        if (errors.Count > 0)
        {
            return new BuildResult
            {
                Success = false,
                Message = $"the code does not compile ({Count(errors.Count)}).",
                Diagnostics = errors,
            };
        }

        if (request.HiddenSources.Count == 0)
            return new BuildResult { Success = true, VisibleAssembly = visiblePath };

        var hiddenErrors = CompileHidden(request, outputDirectory, cancellationToken, MetadataReference.CreateFromFile(visiblePath));
        if (hiddenErrors.Count > 0)
            return new BuildResult { Success = false, Message = HiddenSuiteMessage(hiddenErrors.Count), Diagnostics = hiddenErrors };

        return new BuildResult { Success = true, VisibleAssembly = visiblePath, HiddenAssembly = Path.Combine(outputDirectory, request.HiddenAssemblyName + ".dll") };
    }

    /// <summary>
    /// Compiles the hidden suite (B) into <paramref name="outputDirectory"/> against this compiler's references
    /// (plus <paramref name="visible"/>, when A is not among them already); returns its errors.
    /// </summary>
    public List<DiagnosticReport> CompileHidden(BuildRequest request, string outputDirectory, CancellationToken cancellationToken, MetadataReference? visible = null)
    {
        Directory.CreateDirectory(outputDirectory);
        var hidden = CreateCompilation(
            request.HiddenAssemblyName,
            request.HiddenSources,
            visible is null ? _references.References : [.. _references.References, visible],
            cancellationToken);
        return Emit(hidden, Path.Combine(outputDirectory, request.HiddenAssemblyName + ".dll"), cancellationToken);
    }

    /// <summary>What a learner is told when their code compiles but the hidden suite does not compile against it.</summary>
    public static string HiddenSuiteMessage(int errors) =>
        $"your code compiles, but the hidden tests do not compile against it ({Count(errors)}): "
        + "the public API differs from the exercise's (a renamed, removed or re-typed public member?). "
        + "Keep every public type and member of the starter as it is.";

    private static string Count(int errors) => errors == 1 ? "1 error" : $"{errors} errors";

    private static CSharpCompilation CreateCompilation(
        string assemblyName, IReadOnlyList<string> sources, IEnumerable<MetadataReference> references, CancellationToken cancellationToken)
    {
        var trees = sources.Select(path =>
        {
            using var stream = File.OpenRead(path);
            var text = SourceText.From(stream, Encoding.UTF8, canBeEmbedded: true);
            return CSharpSyntaxTree.ParseText(text, s_parseOptions, path, cancellationToken);
        });
        return CSharpCompilation.Create(assemblyName, trees, references, s_options);
    }

    private List<DiagnosticReport> Emit(CSharpCompilation compilation, string path, CancellationToken cancellationToken)
    {
        using var peStream = new MemoryStream();
        var result = compilation.Emit(
            peStream,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            cancellationToken: cancellationToken);
        if (!result.Success)
        {
            return result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .Take(MaxDiagnostics)
                .Select(ToReport)
                .ToList();
        }

        File.WriteAllBytes(path, peStream.ToArray());
        return [];
    }

    private DiagnosticReport ToReport(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var file = span.IsValid && !string.IsNullOrEmpty(span.Path) ? _relativePath(span.Path) : "";
        var line = span.IsValid ? span.StartLinePosition.Line + 1 : 0;
        return new DiagnosticReport(file, line, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
