namespace Workflows.Tests;

/// <summary>Every workflow file is valid against GitHub's workflow schema, checked with @action-validator/cli.</summary>
[NonParallelizable]
public sealed class WorkflowSchemaTests
{
    private const string Validator = "@action-validator/cli@0.6.0";

    private static IEnumerable<TestCaseData> Workflows() =>
        Directory.GetFiles(Path.Combine(Shell.Root, ".github", "workflows"), "*.yml")
            .Order(StringComparer.Ordinal)
            .Select(file => new TestCaseData(file).SetArgDisplayNames(Path.GetFileName(file)));

    [Test]
    public void The_three_workflows_exist()
    {
        Assert.That(Workflows().Select(w => Path.GetFileName((string)w.Arguments[0]!)),
            Is.EquivalentTo(new[] { "ci.yml", "grade.yml", "grade-comment.yml" }));
    }

    [TestCaseSource(nameof(Workflows))]
    [CancelAfter(300_000)]
    public async Task Workflow_is_valid(string workflow, CancellationToken cancellationToken)
    {
        var validator = await InstallValidatorAsync(cancellationToken);

        var (exitCode, output) = await Shell.RunAsync(validator, [workflow], Shell.Root, TimeSpan.FromMinutes(1), cancellationToken);

        Assert.That(exitCode, Is.Zero, $"action-validator rejected {Path.GetFileName(workflow)}:\n{output}");
    }

    [TestCaseSource(nameof(Workflows))]
    public void Workflow_grants_least_privilege(string workflow)
    {
        var text = File.ReadAllText(workflow);

        Assert.That(text, Does.Contain("permissions:"), "Every workflow says which permissions it needs.");
        Assert.That(text, Does.Not.Contain("write-all").And.Not.Contain("contents: write"));
        Assert.That(text, Does.Not.Contain("pull_request_target"), "Untrusted pull requests are graded on pull_request only.");
        Assert.That(text, Does.Not.Contain("secrets."), "No workflow needs a secret.");
        Assert.That(text, Does.Contain("timeout-minutes:"), "Every job has a time limit.");
    }

    [Test]
    public void The_comment_workflow_never_checks_out_the_pull_request()
    {
        var text = File.ReadAllText(Path.Combine(Shell.Root, ".github", "workflows", "grade-comment.yml"));

        Assert.That(text, Does.Not.Contain("head.sha").And.Not.Contain("head_sha").And.Not.Contain("head.ref"));
        Assert.That(text, Does.Contain("ref: ${{ github.event.repository.default_branch }}"));
        Assert.That(text, Does.Contain("pull-requests: write"));
    }

    private static async Task<string> InstallValidatorAsync(CancellationToken cancellationToken)
    {
        var npm = Shell.Which("npm");
        if (npm is null)
        {
            Assert.Ignore("npm is not installed, so the workflow schema cannot be checked here (CI has it).");
        }

        // Installed once into the working tree's .grader/ (ignored by git), so later runs need no network.
        var prefix = Path.Combine(Kit.Testing.CommittedCourse.WorkingTree, ".grader", "tools", "action-validator");
        var binary = Path.Combine(prefix, "node_modules", ".bin", "action-validator");
        if (!File.Exists(binary))
        {
            var (exitCode, output) = await Shell.RunAsync(npm!, ["install", "--no-audit", "--no-fund", "--prefix", prefix, Validator],
                Shell.Root, TimeSpan.FromMinutes(4), cancellationToken);
            Assert.That(exitCode, Is.Zero, $"npm install {Validator} failed:\n{output}");
        }

        return binary;
    }
}
