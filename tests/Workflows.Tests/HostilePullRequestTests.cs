using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Workflows.Tests;

/// <summary>
/// Grades a hostile pull request through .github/scripts/grade-pr.sh, as the Grade workflow does. Its file
/// (Hostile/Escape.cs.txt) runs when the test process loads the level and tries to write outside its scratch folder,
/// read another level and a hidden suite, open a socket to a listener of this test, and leave a daemon in a session
/// of its own that finds the report's path under /proc and rewrites every status to "passed". Sandboxed, none of it
/// may work: the report is honest, nothing it started is still running, nothing it wrote is outside its sandbox.
/// </summary>
[NonParallelizable]
[Category("Grading")]
public sealed class HostilePullRequestTests
{
    /// <summary>
    /// How long the test watches after grading for something that must not happen (the daemon rewriting the report):
    /// the daemon looks twice a second and waits one second after the report appears, so 4 s gives it every chance.
    /// </summary>
    private static readonly TimeSpan s_afterGrading = TimeSpan.FromSeconds(4);

    private readonly string _marker = "hostile" + Guid.NewGuid().ToString("N")[..12];
    private string _work = "";
    private string _base = "";
    private string _head = "";
    private string _out = "";
    private string _output = "";
    private string _reportRightAfter = "";
    private string _reportLater = "";
    private JsonElement _report;
    private bool _listenerWasCalled;

    [OneTimeSetUp]
    public async Task Grade_a_hostile_pull_request()
    {
        if (Shell.Which("bash") is null)
        {
            Assert.Ignore("bash is not installed; grade-pr.sh runs on the CI's Linux runners.");
        }

        var bwrapProblem = await BubblewrapProblemAsync();
        if (bwrapProblem is not null)
        {
            Assert.Ignore($"bubblewrap cannot run here, so grading cannot be sandboxed: {bwrapProblem}");
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        _work = Directory.CreateTempSubdirectory("grade-hostile-").FullName;
        _base = Kit.Testing.CommittedCourse.NewCopy();
        _head = Kit.Testing.CommittedCourse.NewCopy();
        _out = Path.Combine(_work, "out");

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var escape = (await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Hostile", "Escape.cs.txt"), limit.Token))
            .Replace("MARKER", _marker, StringComparison.Ordinal)
            .Replace("PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_head, "exercises", "r1", "01-processes", "1-make-it-pass", "Escape.cs"), escape, limit.Token);

        var script = Path.Combine(_base, ".github", "scripts", "grade-pr.sh");
        var (exitCode, output) = await Shell.RunAsync("bash", [script, _base, _head, _out], _work, TimeSpan.FromMinutes(10), limit.Token);
        _output = output;
        Assert.That(exitCode, Is.Zero, $"grade-pr.sh failed on the hostile pull request:\n{output}");
        _reportRightAfter = await File.ReadAllTextAsync(Path.Combine(_out, "report.json"), limit.Token);
        await Task.Delay(s_afterGrading, limit.Token); // watching for what must not happen; see s_afterGrading
        _reportLater = await File.ReadAllTextAsync(Path.Combine(_out, "report.json"), limit.Token);
        _listenerWasCalled = listener.Pending();
        using var report = JsonDocument.Parse(_reportLater);
        _report = report.RootElement.Clone();
    }

    [OneTimeTearDown]
    public void Remove_what_was_made()
    {
        // Where the hostile code got out (a grader without a sandbox), its daemon is still running: end it, by its id.
        foreach (var pid in Survivors())
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // it ended by itself
            }
        }

        foreach (var file in Directory.GetFiles(Path.GetTempPath(), _marker + "*").Append(Path.Combine("/", _marker + ".remounted")).Where(File.Exists))
        {
            File.Delete(file);
        }

        foreach (var folder in new[] { _work, _base, _head }.Where(f => f.Length > 0))
        {
            Kit.Testing.CommittedCourse.Delete(folder);
        }
    }

    [Test]
    public void The_report_says_grading_ran_sandboxed()
    {
        Assert.That(_report.GetProperty("sandbox").GetString(), Is.EqualTo("bubblewrap"), _output);
        Assert.That(File.ReadAllText(Path.Combine(_out, "report.md")), Does.Contain("ran sandboxed (bubblewrap)"));
    }

    [Test]
    public void The_unsolved_exercises_are_graded_as_they_are()
    {
        var exercises = _report.GetProperty("releases").EnumerateArray().SelectMany(r => r.GetProperty("exercises").EnumerateArray()).ToList();
        Assert.That(exercises.Select(e => e.GetProperty("status").GetString()), Has.None.EqualTo("passed"), Evidence());
        var processes = exercises.Single(e => e.GetProperty("id").GetString() == "01-processes");
        Assert.That(processes.GetProperty("status").GetString(), Is.EqualTo("failing"));
        Assert.That(processes.GetProperty("passedTests").GetInt32(), Is.Zero);
    }

    [Test]
    public void Nothing_rewrites_the_report_after_grading()
    {
        Assert.That(_reportLater, Is.EqualTo(_reportRightAfter), Evidence());
        Assert.That(Directory.GetFiles(_out).Select(Path.GetFileName), Is.EquivalentTo(new[] { "report.json", "report.md", "report.junit.xml" }));
    }

    [Test]
    public void Nothing_the_learners_code_started_outlives_grading()
    {
        Assert.That(Survivors(), Is.Empty, "processes of the hostile code still running after grading");
    }

    [Test]
    public void Nothing_is_written_outside_the_scratch_folder_nor_read_from_another_level_nor_sent_over_the_network()
    {
        Assert.That(Evidence(), Is.Empty, "what the hostile code managed (it writes this to /tmp, which it can reach only outside a sandbox)");
        Assert.That(Directory.GetFiles(Path.GetTempPath(), _marker + "*"), Is.Empty);
        Assert.That(Path.Combine("/", _marker + ".remounted"), Does.Not.Exist);
        Assert.That(Directory.GetFiles(_base, "*" + _marker + "*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(Directory.GetFiles(_head, "*" + _marker + "*", SearchOption.AllDirectories), Is.Empty);
        Assert.That(_listenerWasCalled, Is.False, "the hostile code opened a connection to 127.0.0.1");
    }

    /// <summary>The ids of the processes whose command line carries this run's marker.</summary>
    private List<int> Survivors() => !Directory.Exists("/proc") ? [] : Directory.GetDirectories("/proc")
        .Select(d => (Directory: d, Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0))
        .Where(p => p.Pid > 0 && CommandLine(p.Directory).Contains(_marker, StringComparison.Ordinal))
        .Select(p => p.Pid)
        .ToList();

    private string Evidence()
    {
        var evidence = Path.Combine(Path.GetTempPath(), _marker + ".evidence");
        return File.Exists(evidence) ? File.ReadAllText(evidence) : "";
    }

    private static string CommandLine(string procDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDirectory, "cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // it ended while we looked
        }
    }

    /// <summary>Why bubblewrap cannot create a sandbox here, or null when it can (grade-pr.sh installs it when missing, as root).</summary>
    private static async Task<string?> BubblewrapProblemAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "it runs on Linux only";
        }

        var bwrap = Shell.Which("bwrap");
        if (bwrap is null)
        {
            return Environment.UserName == "root" ? null : "bwrap is not installed (sudo apt-get install bubblewrap)";
        }

        var (exitCode, output) = await Shell.RunAsync(bwrap, ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"], Path.GetTempPath(), TimeSpan.FromSeconds(30), CancellationToken.None);
        return exitCode == 0 ? null : output.Trim();
    }
}
