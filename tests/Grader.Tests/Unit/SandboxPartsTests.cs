using Grader.Running;

namespace Grader.Tests.Unit;

/// <summary>The sandbox's command line, and the states a test process goes through as its events arrive.</summary>
public class SandboxPartsTests
{
    private static readonly RunLimits s_limits = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_sandbox_isolates_everything_and_hides_the_course_behind_read_only_folders()
    {
        var course = Directory.CreateTempSubdirectory("course-").FullName;
        var build = Directory.CreateDirectory(Path.Combine(course, ".grader", "build", "k")).FullName;
        var scratch = Directory.CreateDirectory(Path.Combine(course, ".grader", "sandbox", "s")).FullName;
        try
        {
            var arguments = string.Join(' ', Bubblewrap.Arguments(new SandboxedRun(scratch, "/tmp/grader-x", [build], [course])));

            Assert.That(arguments, Does.StartWith("--unshare-all --die-with-parent --new-session --cap-drop ALL --ro-bind / / --dev /dev --proc /proc"));
            Assert.That(arguments, Does.Contain($"--tmpfs {course}").And.Contain("--tmpfs /tmp").And.Contain("--tmpfs /run"));
            Assert.That(arguments, Does.Contain($"--ro-bind {build} {build}"));
            Assert.That(arguments, Does.Contain($"--bind {scratch} {scratch} --bind /tmp/grader-x {Bubblewrap.ChannelPath}"));
            Assert.That(arguments, Does.Contain($"--remount-ro {course}").And.EndWith($"--chdir {scratch} --"));
            Assert.That(arguments.IndexOf($"--tmpfs {course}", StringComparison.Ordinal), Is.LessThan(arguments.IndexOf($"--ro-bind {build}", StringComparison.Ordinal)),
                "the course is hidden first, then the build output is shown again");
        }
        finally
        {
            Directory.Delete(course, recursive: true);
        }
    }

    [Test]
    public void Inside_the_sandbox_the_environment_holds_only_what_the_runtime_needs()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/bin", ["DOTNET_GCHeapHardLimit"] = "0x100", ["GITHUB_OUTPUT"] = "/home/runner/out", ["HOME"] = "/root", ["SECRET"] = "x",
        };

        Bubblewrap.Restrict(environment, "/scratch");

        Assert.That(environment.Keys, Is.EquivalentTo(new[] { "PATH", "DOTNET_GCHeapHardLimit", "HOME", "TMPDIR", "DOTNET_EnableDiagnostics" }));
        Assert.That((environment["HOME"], environment["TMPDIR"]), Is.EqualTo(("/scratch", "/scratch")));
    }

    [Test]
    public void The_report_notes_a_sandbox_only_when_one_was_asked_for_and_says_why_it_is_missing()
    {
        Assert.That(TestSandbox.Off.Note, Is.Null);
        Assert.That(new TestSandbox(TestSandbox.NoneName, null, "bubblewrap is not installed.").Note,
            Is.EqualTo("learner code ran WITHOUT a sandbox: bubblewrap is not installed."));
        Assert.That(new TestSandbox(TestSandbox.BubblewrapName, "/usr/bin/bwrap", null).Note, Does.StartWith("learner code ran sandboxed (bubblewrap)"));
    }

    [Test]
    public void A_process_is_idle_until_a_test_starts_and_a_test_gets_the_per_test_limit()
    {
        var state = ChildSessionState.Start(s_t0);
        Assert.That((state.Deadline(s_limits), state.TimedOut), Is.EqualTo((s_t0 + s_limits.StartupTimeout, ChildSessionEnd.Stalled)));

        state = state.On(Event(RunnerEvent.Started), s_t0.AddSeconds(1));
        Assert.That(state, Is.TypeOf<ChildSessionState.InTest>());
        Assert.That((state.Deadline(s_limits), state.TimedOut), Is.EqualTo((s_t0.AddSeconds(1) + s_limits.TestTimeout, ChildSessionEnd.TestTimedOut)));

        state = state.On(Event(RunnerEvent.Finished), s_t0.AddSeconds(2));
        Assert.That(state, Is.EqualTo(ChildSessionState.Start(s_t0.AddSeconds(2))));
    }

    [Test]
    public void Inside_a_fixture_each_test_and_the_tear_down_start_their_own_clock()
    {
        var fixture = Event(RunnerEvent.FixtureStarted);
        var state = ChildSessionState.Start(s_t0).On(fixture, s_t0.AddSeconds(1));
        Assert.That(state, Is.EqualTo(new ChildSessionState.InFixture(fixture, s_t0.AddSeconds(1))));

        state = state.On(Event(RunnerEvent.Started), s_t0.AddSeconds(2)).On(Event(RunnerEvent.Finished), s_t0.AddSeconds(3));
        Assert.That(state, Is.EqualTo(new ChildSessionState.InFixture(fixture, s_t0.AddSeconds(3))));
        Assert.That(state.TimedOut, Is.EqualTo(ChildSessionEnd.TestTimedOut), "a tear-down that hangs is the fixture's timeout, not a stall");

        state = state.On(Event(RunnerEvent.Discovered), s_t0.AddSeconds(4));
        Assert.That(state.Deadline(s_limits), Is.EqualTo(s_t0.AddSeconds(3) + s_limits.TestTimeout), "other events do not extend a fixture's time");

        state = state.On(Event(RunnerEvent.FixtureFinished), s_t0.AddSeconds(5));
        Assert.That(state, Is.EqualTo(ChildSessionState.Start(s_t0.AddSeconds(5))));
    }

    private static RunnerEvent Event(string kind) => new() { Kind = kind, FullName = "X." + kind, Name = kind };
}
