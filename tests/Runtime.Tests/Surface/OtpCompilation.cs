using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Otp;

namespace Runtime.Tests.Surface;

/// <summary>Roslyn compilations against the Otp assembly as built (the one these tests run), with the .NET libraries.</summary>
internal static class OtpCompilation
{
    /// <summary>The Otp assembly, as a compiler sees it.</summary>
    public static MetadataReference Otp { get; } = MetadataReference.CreateFromFile(typeof(Node).Assembly.Location);

    // The assemblies of the running .NET: what a net10.0 project compiles against, near enough for samples.
    private static readonly MetadataReference[] s_framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
            || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll" or "Microsoft.Extensions.TimeProvider.Testing.dll")
        .Select(path => MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>A library compilation of <paramref name="sources"/> with nullable checks on, as the kit builds.</summary>
    public static CSharpCompilation Create(string name, params SyntaxTree[] sources) =>
        CSharpCompilation.Create(
            name,
            sources,
            [.. s_framework, Otp],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Parses C# as the kit writes it (the latest language version).</summary>
    public static SyntaxTree Parse(string text, string path = "") =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);
}
