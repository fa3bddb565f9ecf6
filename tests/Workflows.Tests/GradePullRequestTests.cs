using System.Text.Json;

namespace Workflows.Tests;

/// <summary>
/// Runs .github/scripts/grade-pr.sh on simulated pull requests, as the Grade workflow does: the grade may change only
/// through the learner's level folders, never through the grader, a hidden suite, a visible test or the manifest.
/// </summary>
[NonParallelizable]
[Category("Grading")]
public sealed class GradePullRequestTests
{
    private static readonly string[] Skipped = ["bin", "obj", ".git", ".grader", "node_modules", "TestResults", "BenchmarkDotNet.Artifacts"];

    private string _work = "";
    private JsonElement _untouched;
    private JsonElement _solved;
    private JsonElement _solvedAndTampered;
    private string _solvedMarkdown = "";

    [OneTimeSetUp]
    public async Task Grade_three_pull_requests()
    {
        if (Shell.Which("bash") is null)
        {
            Assert.Ignore("bash is not installed; grade-pr.sh runs on the CI's Linux runners.");
        }

        _work = Directory.CreateTempSubdirectory("grade-pr-").FullName;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var baseDir = Copy(Shell.Root, Path.Combine(_work, "base"));

        // A pull request that changes nothing.
        var untouched = Copy(baseDir, Path.Combine(_work, "untouched"));

        // A pull request that solves 03-functional-core at level 1.
        var solved = Copy(baseDir, Path.Combine(_work, "solved"));
        SolveFunctionalCore(solved);

        // The same, plus everything a learner might try to change the grade with.
        var tampered = Copy(baseDir, Path.Combine(_work, "tampered"));
        SolveFunctionalCore(tampered);
        foreach (var suite in Directory.GetFiles(Path.Combine(tampered, "grader", "suites", "03-functional-core"), "*.cs"))
        {
            File.WriteAllText(suite, "namespace FunctionalCore.Hidden;\n");
        }

        var processesTests = Path.Combine(tampered, "exercises", "r1", "01-processes", "tests");
        foreach (var visible in Directory.GetFiles(processesTests, "*.cs"))
        {
            File.Delete(visible);
        }

        File.WriteAllText(Path.Combine(processesTests, "Step1_A_mailbox.cs"),
            "using NUnit.Framework;\nnamespace Processes.Tests;\npublic sealed class Step1_A_mailbox { [Test] public void Passes() => Assert.Pass(); }\n");
        File.WriteAllText(Path.Combine(tampered, "exercises", "r1", "05-crc-server", "given", "Account.cs"), "namespace CrcServer;\n");
        File.WriteAllText(Path.Combine(tampered, "grader", "Program.cs"), "return 0;\n");
        File.WriteAllText(Path.Combine(tampered, "course.json"), "{ \"title\": \"tampered\", \"releases\": [] }");

        _untouched = await GradeAsync(baseDir, untouched, "untouched", limit.Token);
        _solved = await GradeAsync(baseDir, solved, "solved", limit.Token);
        _solvedAndTampered = await GradeAsync(baseDir, tampered, "tampered", limit.Token);
        _solvedMarkdown = await File.ReadAllTextAsync(Path.Combine(_work, "out-solved", "report.md"), limit.Token);
    }

    [OneTimeTearDown]
    public void Remove_the_copies()
    {
        if (_work.Length > 0)
        {
            Kit.Testing.CommittedCourse.Delete(_work);
        }
    }

    [Test]
    public void An_untouched_pull_request_has_every_exercise_not_started()
    {
        Assert.That(Exercises(_untouched).Select(e => e.GetProperty("status").GetString()), Has.All.EqualTo("not-started"));
    }

    [Test]
    public void Solving_an_exercise_changes_that_exercises_grade_and_no_other()
    {
        var before = Exercises(_untouched).ToDictionary(e => e.GetProperty("id").GetString()!, Summary);
        var after = Exercises(_solved).ToDictionary(e => e.GetProperty("id").GetString()!, Summary);

        Assert.That(after["03-functional-core"], Does.StartWith("passed 1-make-it-pass"));
        Assert.That(after.Where(kv => kv.Key != "03-functional-core"), Is.EquivalentTo(before.Where(kv => kv.Key != "03-functional-core")));
    }

    [Test]
    public void Editing_the_grader_a_hidden_suite_a_visible_test_given_code_or_the_manifest_changes_nothing()
    {
        Assert.That(Exercises(_solvedAndTampered).Select(Detailed), Is.EqualTo(Exercises(_solved).Select(Detailed)));
    }

    [Test]
    public void The_markdown_report_is_written_for_the_job_summary()
    {
        Assert.That(_solvedMarkdown, Does.Contain("03-functional-core").And.Contain("OTP Basics"));
        Assert.That(Path.Combine(_work, "out-solved", "report.junit.xml"), Does.Exist);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_missing_argument_is_a_usage_error(CancellationToken cancellationToken)
    {
        var (exitCode, output) = await Shell.RunAsync("bash", [Script, Shell.Root], Shell.Root, TimeSpan.FromSeconds(30), cancellationToken);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("usage:"));
    }

    private static string Script => Path.Combine(Shell.Root, ".github", "scripts", "grade-pr.sh");

    private async Task<JsonElement> GradeAsync(string baseDir, string headDir, string name, CancellationToken cancellationToken)
    {
        var outDir = Path.Combine(_work, "out-" + name);
        var (exitCode, output) = await Shell.RunAsync("bash", [Script, baseDir, headDir, outDir], _work, TimeSpan.FromMinutes(8), cancellationToken);
        Assert.That(exitCode, Is.Zero, $"grade-pr.sh failed on the {name} pull request:\n{output}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "report.json"), cancellationToken));
        return report.RootElement.Clone();
    }

    private static void SolveFunctionalCore(string repo)
    {
        var level = Path.Combine(repo, "exercises", "r1", "03-functional-core", "1-make-it-pass");
        foreach (var file in Directory.GetFiles(level, "*.cs"))
        {
            File.Delete(file);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(repo, "solutions", "r1", "03-functional-core"), "*.cs"))
        {
            File.Copy(file, Path.Combine(level, Path.GetFileName(file)));
        }
    }

    private static IEnumerable<JsonElement> Exercises(JsonElement report) =>
        report.GetProperty("releases").EnumerateArray().SelectMany(r => r.GetProperty("exercises").EnumerateArray());

    private static string Summary(JsonElement exercise) =>
        $"{exercise.GetProperty("status").GetString()} {Level(exercise)} {exercise.GetProperty("passedTests")}/{exercise.GetProperty("totalTests")}";

    private static string Detailed(JsonElement exercise) =>
        $"{exercise.GetProperty("id").GetString()} {Summary(exercise)} " +
        string.Join(",", exercise.GetProperty("tests").EnumerateArray().Select(t => $"{t.GetProperty("suite")}:{t.GetProperty("name")}={t.GetProperty("status")}"));

    private static string Level(JsonElement exercise) =>
        exercise.TryGetProperty("level", out var level) && level.ValueKind == JsonValueKind.String ? level.GetString()! : "-";

    private static string Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo directory)
            {
                if (!Skipped.Contains(directory.Name, StringComparer.Ordinal))
                {
                    Copy(directory.FullName, target);
                }
            }
            else
            {
                File.Copy(entry.FullName, target);
            }
        }

        return to;
    }
}
