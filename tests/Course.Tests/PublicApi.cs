using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Tests;

/// <summary>Reads the public API of a folder of C# sources: one line per public type and member.</summary>
internal static class PublicApi
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMemberOptions(
            SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeModifiers |
            SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType |
            SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef |
            SymbolDisplayMemberOptions.IncludeConstantValue)
        .WithParameterOptions(
            SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName |
            SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut |
            SymbolDisplayParameterOptions.IncludeOptionalBrackets)
        .WithKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword)
        .WithGenericsOptions(SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier |
                                  SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <summary>The public API of <paramref name="folder"/>'s sources compiled together with <paramref name="given"/>'s, if any.</summary>
    public static SortedSet<string> Of(string folder, string given) =>
        new(Symbols(folder, given).Select(entry => entry.Line), StringComparer.Ordinal);

    /// <summary>
    /// The promise made by the doc comment of each public type and member declared in <paramref name="folder"/> (not in
    /// <paramref name="given"/>), keyed by its line in <see cref="Of"/>: the comment without its <c>remarks</c> (where
    /// a solution explains how it works), whitespace runs made single spaces; an empty string for a member without one.
    /// </summary>
    public static SortedDictionary<string, string> DocComments(string folder, string given)
    {
        var comments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var root = Path.GetFullPath(folder);
        foreach (var (line, symbol) in Symbols(folder, given))
        {
            if (symbol.Locations.Any(location => location.SourceTree?.FilePath.StartsWith(root, StringComparison.Ordinal) == true))
            {
                comments[line] = Promise(symbol.GetDocumentationCommentXml());
            }
        }

        return comments;
    }

    private static string Promise(string? documentation)
    {
        if (string.IsNullOrWhiteSpace(documentation))
        {
            return "";
        }

        var member = XElement.Parse(documentation);
        member.Elements("remarks").Remove();
        return string.Join(' ', string.Concat(member.Nodes()).Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<(string Line, ISymbol Symbol)> Symbols(string folder, string given)
    {
        var parse = CSharpParseOptions.Default.WithDocumentationMode(DocumentationMode.Parse);
        var trees = new[] { folder, given }.Where(Directory.Exists)
            .SelectMany(root => Directory.GetFiles(Path.GetFullPath(root), "*.cs", SearchOption.AllDirectories).Where(file => !IsBuildOutput(root, file)))
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, path: file));
        var compilation = CSharpCompilation.Create(
            "api", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var symbols = new List<(string, ISymbol)>();
        Collect(compilation.Assembly.GlobalNamespace, symbols);
        return symbols;
    }

    private static void Collect(INamespaceOrTypeSymbol container, List<(string, ISymbol)> symbols)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, symbols);
            }
            else if (member is INamedTypeSymbol type && IsVisible(type))
            {
                symbols.Add(($"{(type.IsSealed ? "sealed " : "")}{(type.IsStatic ? "static " : "")}{(type.IsAbstract ? "abstract " : "")}" +
                             type.ToDisplayString(Format) + Bases(type), type));
                foreach (var typeMember in type.GetMembers().Where(m => IsVisible(m) && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol))
                {
                    symbols.Add((typeMember.ToDisplayString(Format), typeMember));
                }

                Collect(type, symbols);
            }
        }
    }

    private static string Bases(INamedTypeSymbol type)
    {
        var bases = type.Interfaces.Select(i => i.ToDisplayString(Format)).ToList();
        if (type.BaseType is { SpecialType: not SpecialType.System_Object and not SpecialType.System_ValueType } baseType)
        {
            bases.Insert(0, baseType.ToDisplayString(Format));
        }

        return bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
    }

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal &&
        (symbol.ContainingType is null || IsVisible(symbol.ContainingType));

    private static bool IsBuildOutput(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return [.. platform.Concat(local).DistinctBy(Path.GetFileName).Select(path => MetadataReference.CreateFromFile(path))];
    }
}
