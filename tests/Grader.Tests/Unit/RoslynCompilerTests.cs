using Grader.Building;
using Grader.Tests.Support;

namespace Grader.Tests.Unit;

public class RoslynCompilerTests
{
    private string _dir = "";

    [SetUp]
    public void Create() => _dir = TestPaths.NewTempDirectory();

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private string Source(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private RoslynCompiler Compiler() => new(ReferenceSet.Default, p => Path.GetRelativePath(_dir, p).Replace('\\', '/'));

    [Test]
    public void Errors_carry_the_path_relative_to_the_root_a_one_based_line_and_the_code()
    {
        var file = Source("exercises/r1/x/1-make-it-pass/Code.cs", "namespace X;\n\npublic class C { Missing M() => null!; }\n");
        var result = Compiler().Compile(new BuildRequest("X.1", [file], "X.Hidden", []), Path.Combine(_dir, "out"), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics[0], Is.EqualTo(new Grader.Reporting.DiagnosticReport(
            "exercises/r1/x/1-make-it-pass/Code.cs", 3, "CS0246",
            "The type or namespace name 'Missing' could not be found (are you missing a using directive or an assembly reference?)")));
    }

    [Test]
    public void Warnings_do_not_fail_learner_code_and_nunit_is_referenced()
    {
        var file = Source("Code.cs", "using NUnit.Framework;\nnamespace X;\npublic class T { [Test] public void A() { string s = null; Assert.That(s, Is.Null); } }\n");
        var result = Compiler().Compile(new BuildRequest("X.1", [file], "X.Hidden", []), Path.Combine(_dir, "out"), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(File.Exists(result.VisibleAssembly), Is.True);
    }

    [Test]
    public void Code_written_against_the_kits_runtime_compiles_as_release_2_on_needs()
    {
        var file = Source("Code.cs", "using System;\nusing Otp;\nnamespace X;\npublic static class C { public static Node Start() => new Node(TimeProvider.System); }\n");
        var result = Compiler().Compile(new BuildRequest("X.1", [file], "X.Hidden", []), Path.Combine(_dir, "out"), CancellationToken.None);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void A_hidden_suite_that_no_longer_compiles_is_a_build_error_that_blames_the_public_api()
    {
        var code = Source("Code.cs", "namespace X;\npublic static class C { public static int Renamed() => 1; }\n");
        var suite = Source("suite/Hidden.cs", "namespace X.Hidden;\npublic class H { public int M() => X.C.Original(); }\n");
        var result = Compiler().Compile(new BuildRequest("X.1", [code], "X.Hidden", [suite]), Path.Combine(_dir, "out"), CancellationToken.None);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Message, Does.Contain("the hidden tests do not compile against it"));
        Assert.That(result.Diagnostics.Single().File, Is.EqualTo("suite/Hidden.cs"));
    }

    [Test]
    public void An_unchanged_level_comes_from_the_cache()
    {
        var file = Source("Code.cs", "namespace X;\npublic class C { }\n");
        var cache = new BuildCache(Path.Combine(_dir, "work"), Compiler(), ReferenceSet.Default);
        var request = new BuildRequest("X.1", [file], "X.Hidden", []);

        Assert.That(cache.Build(request, CancellationToken.None).FromCache, Is.False);
        Assert.That(cache.Build(request, CancellationToken.None).FromCache, Is.True);
        File.AppendAllText(file, "// changed\n");
        Assert.That(cache.Build(request, CancellationToken.None).FromCache, Is.False);
    }
}
