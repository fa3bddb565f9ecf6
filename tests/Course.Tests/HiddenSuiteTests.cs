using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Course.Tests;

/// <summary>
/// Every hidden test says which README step it checks, with <c>[Property("Step", N)]</c> on the test or on a class
/// around it: when only hidden tests fail, the grader shows the learner that step and its next hint.
/// </summary>
public sealed class HiddenSuiteTests
{
    private static readonly string[] s_testAttributes = ["Test", "TestCase", "TestCaseSource", "Theory"];

    [TestCaseSource(typeof(Exercise), nameof(Exercise.All))]
    public void Every_hidden_test_declares_a_step_of_the_README(Exercise exercise)
    {
        var steps = ExerciseFilesTests.VisibleSteps(exercise).ToHashSet();
        var tests = HiddenTests(exercise).ToList();

        Assert.That(tests, Is.Not.Empty, $"{exercise.Id}: the hidden suite in grader/suites/{exercise.Id}/ has no tests.");
        var undeclared = tests.Where(t => t.Step is null).Select(t => t.Name).ToList();
        Assert.That(undeclared, Is.Empty,
            $"{exercise.Id}: these hidden tests declare no README step; add [Property(\"Step\", N)] to the test or its fixture "
            + "(docs/AUTHORING.md, step 6).");
        var unknown = tests.Where(t => t.Step is { } step && !steps.Contains(step)).Select(t => $"{t.Name} (step {t.Step})").ToList();
        Assert.That(unknown, Is.Empty,
            $"{exercise.Id}: these hidden tests name a step the README does not have (its steps: {string.Join(", ", steps.Order())}).");
    }

    private static IEnumerable<(string Name, int? Step)> HiddenTests(Exercise exercise)
    {
        foreach (var file in Directory.GetFiles(exercise.SuiteFolder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsTest))
            {
                var step = DeclaredStep(method.AttributeLists)
                    ?? method.Ancestors().OfType<TypeDeclarationSyntax>().Select(t => DeclaredStep(t.AttributeLists)).FirstOrDefault(s => s is not null);
                yield return ($"{Path.GetFileName(file)}: {method.Ancestors().OfType<TypeDeclarationSyntax>().First().Identifier.Text}.{method.Identifier.Text}", step);
            }
        }
    }

    private static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(list => list.Attributes).Any(a => s_testAttributes.Contains(ShortName(a)));

    private static int? DeclaredStep(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(list => list.Attributes)
            .Where(a => ShortName(a) == "Property" && a.ArgumentList is { Arguments.Count: 2 } args
                && args.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "Step" })
            .Select(a => a.ArgumentList!.Arguments[1].Expression is LiteralExpressionSyntax { Token.Value: int step } ? step : (int?)null)
            .FirstOrDefault();

    private static string ShortName(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
            SimpleNameSyntax simple => simple.Identifier.Text,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }
}
