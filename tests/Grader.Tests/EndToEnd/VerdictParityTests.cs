using System.Diagnostics;
using System.Xml.Linq;
using Grader.Reporting;
using Grader.Tests.Support;

namespace Grader.Tests.EndToEnd;

/// <summary>
/// The grader's fast path (Roslyn in process, NUnit's runner in a child process) must give the verdicts
/// <c>dotnet test</c> gives. For every solution, and for every level of the first exercise of each release (one per
/// way of building: Release 1 without the runtime, the later ones with it and with <c>given/</c> contracts), the
/// visible tests' outcomes are compared test by test: <c>dotnet test</c> with a TRX logger on one side, the grader's
/// JSON on the other. Every level of every exercise would cost <c>dotnet test</c> of some sixty projects, half-done
/// ones with time-outs, for no other way of building. Builds go to temporary folders (<c>--artifacts-path</c>,
/// <c>--work-dir</c>), never into the kit's folders.
/// </summary>
[Category("Slow")]
[CancelAfter(1_200_000)] // about 3 minutes alone, several times that on a loaded machine
public class VerdictParityTests
{
    private static readonly string s_kit = Kit.Testing.CommittedCourse.Root;

    private static readonly Grader.Course.CourseManifest s_course = Grader.Course.CourseManifest.Load(Path.Combine(s_kit, "course.json"));

    /// <summary>The first exercise of each release: every level of these is compared.</summary>
    private static readonly string[] s_sampled = s_course.Releases.Where(r => r.Exercises.Count > 0).Select(r => r.Exercises[0].Id).ToArray();

    /// <summary>What grader runs match each group of projects: the grader's arguments per run, and the project files.</summary>
    private static IEnumerable<(string Name, string[][] GraderRuns, string[] Projects)> Groups()
    {
        foreach (var level in new[] { "1-make-it-pass", "2-guided", "3-walkthrough" })
            yield return (level, s_sampled.Select(id => new[] { "check", id, "--level", level }).ToArray(),
                Directory.GetFiles(Path.Combine(s_kit, "exercises"), "*.csproj", SearchOption.AllDirectories)
                    .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == level && s_sampled.Contains(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))))
                    .Order(StringComparer.Ordinal).ToArray());
        yield return ("solutions", [["--solutions"]], Directory.GetFiles(Path.Combine(s_kit, "solutions"), "*.csproj", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToArray());
    }

    [Test]
    public async Task Every_visible_test_gets_the_verdict_dotnet_test_gives_it(CancellationToken cancellationToken)
    {
        var differences = new List<string>();
        var compared = 0;
        foreach (var (name, graderRuns, projects) in Groups())
        {
            var wanted = name == "solutions" ? s_course.AllExercises.Count() : s_sampled.Length;
            Assert.That(projects, Has.Length.EqualTo(wanted), $"{name}: one project per {(name == "solutions" ? "exercise" : "sampled exercise")}");
            var expected = await DotnetTestAsync(name, projects, cancellationToken);
            var actual = new Dictionary<string, string>();
            foreach (var graderArgs in graderRuns)
            {
                foreach (var (test, verdict) in await GraderAsync(graderArgs))
                    actual[test] = verdict;
            }

            compared += expected.Count;
            foreach (var (test, verdict) in expected)
            {
                var got = actual.TryGetValue(test, out var v) ? v : "missing";
                if (got != verdict)
                    differences.Add($"{name}: {test}: dotnet test says {verdict}, the grader says {got}");
            }

            differences.AddRange(actual.Keys.Except(expected.Keys).Select(t => $"{name}: {t}: only the grader ran it"));
        }

        TestContext.Out.WriteLine($"compared {compared} visible-test verdicts");
        Assert.That(compared, Is.GreaterThan(100), "the kit's visible tests were found and compared");
        Assert.That(differences, Is.Empty);
    }

    [Test]
    public async Task A_level_whose_project_adds_a_package_is_built_with_msbuild_outside_its_folder_and_graded_alike()
    {
        var kit = TestPaths.NewTempDirectory();
        foreach (var file in Directory.EnumerateFiles(s_kit, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(s_kit, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is ".git" or "bin" or "obj" or ".grader" or "TestResults"))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(kit, relative))!);
            File.Copy(file, Path.Combine(kit, relative));
        }

        var level = Path.Combine(kit, "exercises", "r1", "03-functional-core", "1-make-it-pass");
        string[] check = ["check", "03-functional-core", "--level", "1-make-it-pass", "--format", "json", "--work-dir", TestPaths.NewTempDirectory()];
        var fast = JsonReport.Deserialize((await GraderTester.RunAsync(kit, check)).Out)!.Releases.Single().Exercises.Single();

        File.WriteAllText(Path.Combine(level, "FunctionalCore.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="System.CommandLine" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(level, "Extra.cs"), """
            namespace FunctionalCore;

            internal static class Extra
            {
                public static System.CommandLine.RootCommand Command() => new("only MSBuild can give this file its package");
            }
            """);
        var run = await GraderTester.RunAsync(kit, check);
        var slow = JsonReport.Deserialize(run.Out)!.Releases.Single().Exercises.Single();

        Assert.That((fast.BuildPath, slow.BuildPath), Is.EqualTo(("roslyn", "msbuild")), run.Error);
        Assert.That(slow.Tests.Select(t => (t.FullName, t.Suite, t.Status)), Is.EqualTo(fast.Tests.Select(t => (t.FullName, t.Suite, t.Status))));
        Assert.That(Directory.GetDirectories(level), Is.Empty, "no bin/ or obj/ in the learner's folder");
    }

    /// <summary>Verdicts by "<c>assembly</c>/<c>full name</c>", from <c>dotnet test</c>'s TRX files.</summary>
    private static async Task<Dictionary<string, string>> DotnetTestAsync(string name, string[] projects, CancellationToken cancellationToken)
    {
        var work = TestPaths.NewTempDirectory();
        var solution = Path.Combine(work, $"{name}.slnx");
        File.WriteAllText(solution, new XElement("Solution", projects.Select(p => new XElement("Project", new XAttribute("Path", p)))).ToString());
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        foreach (var argument in new[] { "test", solution, "--artifacts-path", Path.Combine(work, "artifacts"), "--logger", "trx", "--results-directory", Path.Combine(work, "results") })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, errors);

        var verdicts = new Dictionary<string, string>();
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        foreach (var trx in Directory.GetFiles(Path.Combine(work, "results"), "*.trx"))
        {
            var document = XDocument.Load(trx);
            var methods = document.Descendants(ns + "UnitTest").ToDictionary(
                t => (string)t.Attribute("id")!,
                t => t.Element(ns + "TestMethod")!);
            foreach (var result in document.Descendants(ns + "UnitTestResult"))
            {
                var method = methods[(string)result.Attribute("testId")!];
                var assembly = Path.GetFileNameWithoutExtension((string)method.Attribute("codeBase")!);
                var fullName = $"{(string)method.Attribute("className")!}.{(string)result.Attribute("testName")!}";
                verdicts[$"{assembly}/{fullName}"] = (string)result.Attribute("outcome")! switch
                {
                    "Passed" => "pass",
                    "NotExecuted" => "skipped",
                    _ => "fail",
                };
            }
        }

        Assert.That(verdicts, Is.Not.Empty, $"dotnet test {name} produced no results:\n{await output}\n{await errors}");
        return verdicts;
    }

    /// <summary>Verdicts of the visible tests by "<c>assembly</c>/<c>full name</c>", from the grader's JSON report.</summary>
    private static async Task<Dictionary<string, string>> GraderAsync(string[] graderArgs)
    {
        var run = await GraderTester.RunAsync(s_kit, ["--format", "json", "--work-dir", TestPaths.NewTempDirectory(), .. graderArgs]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var report = JsonReport.Deserialize(run.Out)!;
        var projects = report.Releases.SelectMany(r => r.Exercises).ToDictionary(e => e.Id, e => e);
        var course = Grader.Course.CourseManifest.Load(Path.Combine(s_kit, "course.json"));
        var verdicts = new Dictionary<string, string>();
        foreach (var (_, exercise) in course.AllExercises)
        {
            if (!projects.TryGetValue(exercise.Id, out var graded) || graded.Level is null)
                continue;
            foreach (var test in graded.Tests.Where(t => t.Suite == TestSuite.Visible))
            {
                var verdict = test.Status switch
                {
                    TestStatus.Pass => "pass",
                    TestStatus.Skipped => "skipped",
                    _ => "fail",
                };
                verdicts[$"{exercise.Project}.{graded.Level}/{test.FullName}"] = verdict;
            }
        }

        return verdicts;
    }
}
