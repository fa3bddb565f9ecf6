namespace Workflows.Tests;

/// <summary>
/// The comment script treats the artifact as untrusted: it refuses a bad pull request number or report, and escapes
/// everything it puts into Markdown. Run with node, as the workflow runs it.
/// </summary>
public sealed class GradeCommentScriptTests
{
    private static readonly string Script = Path.Combine(Shell.Root, ".github", "scripts", "grade-comment.js");

    [TestCase("17", "17")]
    [TestCase(" 42\n", "42")]
    [TestCase("12; rm -rf /", "refused")]
    [TestCase("$(id)", "refused")]
    [TestCase("0", "refused")]
    [TestCase("", "refused")]
    [CancelAfter(60_000)]
    public async Task Pull_request_numbers_are_digits_only(string text, string expected, CancellationToken cancellationToken)
    {
        var output = await NodeAsync(
            $"try {{ console.log(c.parsePrNumber({Js(text)})) }} catch (e) {{ console.log('refused') }}", cancellationToken);

        Assert.That(output.Trim(), Is.EqualTo(expected));
    }

    [TestCase("{\"schemaVersion\":2,\"releases\":[]}")]
    [TestCase("{\"schemaVersion\":1}")]
    [TestCase("{\"schemaVersion\":1,\"releases\":[{\"id\":\"r1\",\"title\":\"t\",\"passedExercises\":\"all\",\"totalExercises\":1,\"passedTests\":0,\"totalTests\":0,\"exercises\":[]}]}")]
    [TestCase("{\"schemaVersion\":1,\"releases\":[{\"id\":\"r1\",\"title\":\"t\",\"passedExercises\":0,\"totalExercises\":1,\"passedTests\":0,\"totalTests\":0,\"exercises\":[{\"id\":\"x\",\"status\":\"hacked\",\"passedTests\":0,\"totalTests\":0}]}]}")]
    [CancelAfter(60_000)]
    public async Task Reports_that_do_not_match_schema_version_1_are_refused(string json, CancellationToken cancellationToken)
    {
        var output = await NodeAsync(
            $"try {{ c.validateReport(JSON.parse({Js(json)})); console.log('accepted') }} catch (e) {{ console.log('refused') }}", cancellationToken);

        Assert.That(output.Trim(), Is.EqualTo("refused"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Text_from_the_report_cannot_inject_markup_mentions_or_rows(CancellationToken cancellationToken)
    {
        const string Report = """
            {"schemaVersion":1,"source":"exercises","releases":[{"id":"r1","title":"OTP Basics","passedExercises":0,
             "totalExercises":1,"passedTests":1,"totalTests":2,"exercises":[{"id":"01-processes","title":"t","status":"failing",
             "level":"2-guided","passedTests":1,"totalTests":2,"tests":[{"name":"T|<img src=x onerror=alert(1)>","suite":"hidden",
             "status":"fail","message":"@octocat see [here](http://evil)\n| forged | row |","output":"","durationMs":1}],
             "diagnostics":[]}]}]}
            """;

        var comment = await NodeAsync($"console.log(c.renderComment(c.validateReport(JSON.parse({Js(Report)})), 'abc'))", cancellationToken);

        Assert.That(comment, Does.StartWith("<!-- otp-kit-grade -->"));
        Assert.That(comment, Does.Contain("| OTP Basics | 0 / 1 | 1 / 2 | 50% |"));
        Assert.That(comment, Does.Not.Contain("<img"), "HTML is escaped");
        Assert.That(comment.Contains("@octocat", StringComparison.Ordinal), Is.False, "mentions are broken by a zero-width space");
        Assert.That(comment, Does.Not.Contain("](http"), "links are escaped");
        Assert.That(comment.Split('\n').Where(line => line.Contains("forged", StringComparison.Ordinal)), Has.All.StartWith("| 01-processes"),
            "a line break in a message cannot start a row of its own");
    }

    [TestCase("bubblewrap", "the learner's code sandboxed (bubblewrap).")]
    [TestCase("none", "**without a sandbox** (bubblewrap could not run on the runner)")]
    [CancelAfter(60_000)]
    public async Task The_comment_says_whether_the_learners_code_ran_sandboxed(string sandbox, string expected, CancellationToken cancellationToken)
    {
        var report = $$"""{"schemaVersion":1,"source":"exercises","releases":[],"sandbox":"{{sandbox}}"}""";

        var comment = await NodeAsync($"console.log(c.renderComment(c.validateReport(JSON.parse({Js(report)})), 'abc'))", cancellationToken);

        Assert.That(comment, Does.Contain(expected));
    }

    private static async Task<string> NodeAsync(string body, CancellationToken cancellationToken)
    {
        var node = Shell.Which("node");
        if (node is null)
        {
            Assert.Ignore("node is not installed, so the comment script cannot be run here (GitHub's runners have it).");
        }

        var (exitCode, output) = await Shell.RunAsync(node!, ["-e", $"const c = require({Js(Script)}); {body}"],
            Shell.Root, TimeSpan.FromSeconds(30), cancellationToken);
        Assert.That(exitCode, Is.Zero, output);
        return output;
    }

    private static string Js(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
