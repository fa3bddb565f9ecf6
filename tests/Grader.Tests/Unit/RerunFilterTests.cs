using Grader.Building;
using Grader.Running;
using Grader.Tests.Support;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;

namespace Grader.Tests.Unit;

/// <summary>
/// After a timeout or crash, the tests not yet run are selected by full name; names with arguments (quotes, commas,
/// brackets) must still select exactly themselves.
/// </summary>
public class RerunFilterTests
{
    private const string Tests = """
        using NUnit.Framework;
        namespace X.Tests;
        public class Step1_Names
        {
            [TestCase("")]
            [TestCase("a \"quoted\" <word>, and more")]
            [TestCase("1,000")]
            public void Text_is_checked(string text) => Assert.Pass();

            [Test]
            public void Plain() => Assert.Pass();
        }
        """;

    [Test]
    public void Each_test_name_selects_exactly_that_test()
    {
        var dir = TestPaths.NewTempDirectory();
        var source = Path.Combine(dir, "Tests.cs");
        File.WriteAllText(source, Tests);
        var build = new RoslynCompiler(ReferenceSet.Default, p => p)
            .Compile(new BuildRequest("X.Rerun", [source], "X.Hidden", []), Path.Combine(dir, "out"), CancellationToken.None);
        Assert.That(build.Success, Is.True, string.Join("\n", build.Diagnostics));

        var assembly = System.Reflection.Assembly.LoadFrom(build.VisibleAssembly!);
        var root = new DefaultTestAssemblyBuilder().Build(assembly, new Dictionary<string, object>());
        var cases = Flatten(root).ToList();
        Assert.That(cases, Has.Count.EqualTo(4));

        foreach (var test in cases)
        {
            var filter = ChildTestRunner.Filter([test.FullName])!;
            Assert.That(cases.Where(c => filter.Pass(c)).Select(c => c.FullName), Is.EqualTo(new[] { test.FullName }), test.FullName);
        }
    }

    [Test]
    public void No_names_means_nothing_to_run_and_no_list_means_everything()
    {
        Assert.That(ChildTestRunner.Filter([]), Is.Null);
        Assert.That(ChildTestRunner.Filter(null), Is.SameAs(NUnit.Framework.Internal.TestFilter.Empty));
    }

    private static IEnumerable<ITest> Flatten(ITest test) =>
        test.IsSuite ? test.Tests.SelectMany(Flatten) : [test];
}
