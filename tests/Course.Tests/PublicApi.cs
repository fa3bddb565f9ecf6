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
    public static SortedSet<string> Of(string folder, string given)
    {
        var trees = new[] { folder, given }.Where(Directory.Exists)
            .SelectMany(root => Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Where(file => !IsBuildOutput(root, file)))
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file));
        var compilation = CSharpCompilation.Create(
            "api", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var api = new SortedSet<string>(StringComparer.Ordinal);
        Collect(compilation.Assembly.GlobalNamespace, api);
        return api;
    }

    private static void Collect(INamespaceOrTypeSymbol container, SortedSet<string> api)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, api);
            }
            else if (member is INamedTypeSymbol type && IsVisible(type))
            {
                api.Add($"{(type.IsSealed ? "sealed " : "")}{(type.IsStatic ? "static " : "")}{(type.IsAbstract ? "abstract " : "")}" +
                        type.ToDisplayString(Format) + Bases(type));
                foreach (var typeMember in type.GetMembers().Where(m => IsVisible(m) && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol))
                {
                    api.Add(typeMember.ToDisplayString(Format));
                }

                Collect(type, api);
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
