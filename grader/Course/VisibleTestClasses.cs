using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Grader.Course;

/// <summary>
/// The classes declared in an exercise's <c>tests/</c> folder, by the full name NUnit gives them. Only tests of these
/// classes count as visible tests: a learner who adds <c>[Test]</c> methods to their own files adds no points.
/// </summary>
internal sealed class VisibleTestClasses
{
    private readonly HashSet<string> _names;

    private VisibleTestClasses(HashSet<string> names) => _names = names;

    /// <summary>Reads the class declarations of <paramref name="files"/> (syntax only; nothing is compiled).</summary>
    public static VisibleTestClasses Read(IEnumerable<string> files)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
                names.Add(FullName(type));
        }

        return new VisibleTestClasses(names);
    }

    /// <summary>True when the test with NUnit full name <paramref name="testFullName"/> belongs to one of the classes.</summary>
    public bool Declares(string testFullName) =>
        _names.Any(n => testFullName.Length > n.Length && testFullName.StartsWith(n, StringComparison.Ordinal) && testFullName[n.Length] is '.' or '(');

    private static string FullName(TypeDeclarationSyntax type)
    {
        // NUnit names a nested class Outer+Inner, inside its namespace(s).
        var name = type.Identifier.Text;
        SyntaxNode? parent = type.Parent;
        while (parent is TypeDeclarationSyntax outer)
        {
            name = $"{outer.Identifier.Text}+{name}";
            parent = outer.Parent;
        }

        for (; parent is not null; parent = parent.Parent)
        {
            if (parent is BaseNamespaceDeclarationSyntax ns)
                name = $"{ns.Name}.{name}";
        }

        return name;
    }
}
