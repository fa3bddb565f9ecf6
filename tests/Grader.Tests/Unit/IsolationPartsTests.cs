using Grader.Building;
using Grader.Reporting;
using Grader.Running;
using Grader.Tests.Support;

namespace Grader.Tests.Unit;

/// <summary>The small parts the grader's isolation and speed rest on: the signed channel, the result cache, the build path.</summary>
public class IsolationPartsTests
{
    [Test]
    public void Only_lines_signed_with_the_runs_secret_are_events()
    {
        var secret = ChannelSecret.New();
        var other = ChannelSecret.New();
        const string line = """{"kind":"run-finished"}""";

        Assert.That(secret.Verify(secret.Sign(line)), Is.EqualTo(line));
        Assert.That(secret.Verify(line), Is.Null);
        Assert.That(secret.Verify(other.Sign(line)), Is.Null);
        Assert.That(secret.Verify(secret.Token), Is.Null);
        Assert.That(secret.Verify(secret.Token + "x" + line), Is.Null);
        Assert.That(secret.PipeName, Is.Not.EqualTo(other.PipeName));
    }

    [Test]
    public void The_handshake_is_read_back_and_a_missing_one_is_refused()
    {
        var secret = ChannelSecret.New();
        Assert.That(ChannelSecret.Read(new StringReader(secret.Handshake)), Is.EqualTo(secret));
        Assert.That(() => ChannelSecret.Read(new StringReader("")), Throws.InvalidOperationException);
    }

    [Test]
    public void Output_marks_are_unique_and_removed_from_what_the_learner_printed()
    {
        var first = OutputMark.Next();
        var second = OutputMark.Next();

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(OutputMark.Remove("before\n" + first + "after\n" + second), Is.EqualTo("before\nafter\n"));
        Assert.That(OutputMark.Remove("grader-mark:00:1\n"), Is.EqualTo("grader-mark:00:1\n"), "only a whole mark is removed");
    }

    [Test, CancelAfter(10_000)]
    public async Task A_mark_is_found_once_read_and_the_text_before_it_is_the_tests(CancellationToken cancellationToken)
    {
        var text = new CappedText(1024);
        var mark = OutputMark.Next();
        text.Append("earlier\n");
        var from = text.Length;

        var found = text.IndexOfAsync(mark, from, cancellationToken);
        text.Append("printed by the test\n");
        Assert.That(found.IsCompleted, Is.False, "the search must go on until the mark itself has been read");
        text.Append(mark);
        var at = await found.WaitAsync(cancellationToken);

        Assert.That(text.Between(from, at), Is.EqualTo("printed by the test\n"));
        Assert.That(text.ToString(), Is.EqualTo("earlier\nprinted by the test\n"), "marks never show");
    }

    [Test, CancelAfter(10_000)]
    public async Task A_mark_read_before_the_search_begins_is_found_at_once(CancellationToken cancellationToken)
    {
        // The console can be read ahead of the report pipe: the mark may already be in the text when the grader
        // hears that the test finished, even before it heard that the test started.
        var text = new CappedText(1024);
        var mark = OutputMark.Next();
        text.Append("printed by the test\n" + mark + "printed later\n");

        var at = await text.IndexOfAsync(mark, 0, cancellationToken).WaitAsync(cancellationToken);

        Assert.That(text.Between(0, at), Is.EqualTo("printed by the test\n"));
        Assert.That(text.Between(at + mark.Length, text.Length), Is.EqualTo("printed later\n"));
    }

    [Test, CancelAfter(10_000)]
    public async Task A_mark_that_cannot_come_any_more_is_not_waited_for(CancellationToken cancellationToken)
    {
        var ended = new CappedText(1024);
        var atEnd = ended.IndexOfAsync(OutputMark.Next(), 0, cancellationToken);
        await ended.PumpAsync(new StringReader("no mark\n")).WaitAsync(cancellationToken);

        var capped = new CappedText(8);
        var atCap = capped.IndexOfAsync(OutputMark.Next(), 0, cancellationToken);
        capped.Append("more than eight characters");

        Assert.That(await atEnd.WaitAsync(cancellationToken), Is.EqualTo(-1), "a stream that ended holds no more marks");
        Assert.That(await atCap.WaitAsync(cancellationToken), Is.EqualTo(-1), "a mark past the cap is never kept");
    }

    private static TestReport Test(TestStatus status) => new() { Name = "A.B", FullName = "X.A.B", Suite = TestSuite.Visible, Status = status };

    private static BuildResult Build(string key) => new() { Success = true, VisibleAssembly = Path.Combine("/work", "build", key, "A.dll") };

    [Test]
    public void Clean_results_are_reused_for_the_same_build_and_limits_only()
    {
        var cache = new ResultCache(TestPaths.NewTempDirectory(), RunLimits.Default);
        var outcome = new TestRunOutcome([Test(TestStatus.Pass), Test(TestStatus.Fail) with { FullName = "X.A.C", Name = "A.C" }], null);

        cache.Store(Build("k1"), outcome);

        Assert.That(cache.TryGet(Build("k1"))!.Tests.Select(t => (t.FullName, t.Status)), Is.EqualTo(outcome.Tests.Select(t => (t.FullName, t.Status))));
        Assert.That(cache.TryGet(Build("k2")), Is.Null);
    }

    [Test]
    public void A_run_with_a_timeout_a_crash_or_a_problem_is_never_reused()
    {
        var work = TestPaths.NewTempDirectory();
        var cache = new ResultCache(work, RunLimits.Default);
        cache.Store(Build("t"), new TestRunOutcome([Test(TestStatus.Timeout)], null));
        cache.Store(Build("c"), new TestRunOutcome([Test(TestStatus.Crash)], null));
        cache.Store(Build("p"), new TestRunOutcome([Test(TestStatus.Pass)], "the test process died"));

        Assert.That(new[] { "t", "c", "p" }.Select(k => cache.TryGet(Build(k))), Is.All.Null);
        Assert.That(new ResultCache(work, RunLimits.Default with { MemoryLimitMb = 64 }).TryGet(Build("t")), Is.Null);
    }

    [TestCase(null, "roslyn")]
    [TestCase("<Project Sdk=\"Microsoft.NET.Sdk\" />", "roslyn")]
    [TestCase("<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>", "msbuild")]
    [TestCase("<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"X\" /></ItemGroup></Project>", "msbuild")]
    public void A_level_is_built_in_process_only_when_its_project_file_is_the_kits_one_liner(string? project, string expected)
    {
        var level = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(level, "Code.cs"), "");
        if (project is not null)
            File.WriteAllText(Path.Combine(level, "Level.csproj"), project);
        Assert.That(BuildPath.For(level).Path, Is.EqualTo(expected));
    }

    [Test]
    public void A_props_file_in_the_level_needs_msbuild()
    {
        var level = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(level, "Level.csproj"), BuildPath.Skeleton);
        File.WriteAllText(Path.Combine(level, "Directory.Build.props"), "<Project />");
        Assert.That(BuildPath.For(level), Is.EqualTo((BuildPath.MsBuild, Path.Combine(level, "Level.csproj"))));
    }

    [Test]
    public void Annotations_point_at_the_first_frame_in_the_learners_code_not_the_tests()
    {
        const string trace = """
               at Processes.Tests.Step1.Sends() in exercises/r1/01-processes/tests/Step1.cs:line 12
               at Processes.Mailbox.Send(Object m) in exercises/r1/01-processes/2-guided/Mailbox.cs:line 40
               at Processes.Process.Run() in exercises/r1/01-processes/2-guided/Process.cs:line 7
            """;
        Assert.That(GitHubAnnotations.LearnerFrame(trace), Is.EqualTo(("exercises/r1/01-processes/2-guided/Mailbox.cs", 40)));
        Assert.That(GitHubAnnotations.LearnerFrame("   at X.Y() in grader/suites/01-processes/Suite.cs:line 3"), Is.Null);
    }
}
