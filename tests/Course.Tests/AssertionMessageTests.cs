using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Tests;

/// <summary>
/// A failing test shows the learner its assertion's message before NUnit's "Expected ... But was": every assertion of
/// the visible tests and of the hidden suite carries one, so a failure says what should have happened and where to read.
/// </summary>
public sealed class AssertionMessageTests
{
    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_assertion_of_the_visible_tests_and_the_hidden_suite_has_a_message(Exercise exercise)
    {
        var files = Directory.GetFiles(Path.Combine(exercise.Folder, "tests"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(exercise.SuiteFolder, "*.cs", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        var bare = files.SelectMany(file => WithoutMessage(file).Select(line => $"{Repo.Relative(file)}:{line}")).ToList();

        Assert.That(bare, Is.Empty,
            $"{exercise.Id}: these assertions have no message; add one that says what should have happened and which README step "
            + "to read, e.g. Assert.That(actual, constraint, \"Step 2: ...\") (docs/AUTHORING.md, Conventions).");
    }

    /// <summary>The lines of <c>Assert.That</c>, <c>Assert.Throws</c> and <c>Assert.ThrowsAsync</c> calls in <paramref name="file"/> that pass no message.</summary>
    internal static IEnumerable<int> WithoutMessage(string file)
    {
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
        foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Assert" } } access)
                continue;
            var arguments = call.ArgumentList.Arguments.Count;
            var needed = access.Name switch
            {
                { Identifier.Text: "That" } => 3, // actual, constraint, message (Assert.That(bool) needs a message too)
                GenericNameSyntax { Identifier.Text: "Throws" or "ThrowsAsync" } => 2, // code, message
                { Identifier.Text: "Throws" or "ThrowsAsync" } => 3, // constraint or type, code, message
                _ => 0,
            };
            var single = access.Name.Identifier.Text == "That" && arguments == 2 && IsText(call.ArgumentList.Arguments[1].Expression);
            if (arguments < needed && !single)
                yield return call.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        }
    }

    // Assert.That(condition, message): the second argument is text, not a constraint.
    private static bool IsText(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
        InterpolatedStringExpressionSyntax => true,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add => IsText(add.Left) || IsText(add.Right),
        _ => false,
    };
}
