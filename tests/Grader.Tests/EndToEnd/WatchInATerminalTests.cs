using System.Diagnostics;
using Grader.Commands;
using Grader.Tests.Support;

namespace Grader.Tests.EndToEnd;

/// <summary>
/// watch as a separate process on a real terminal (a pseudo-terminal from util-linux's <c>script</c>), started the way
/// <c>timeout</c> starts a command from a script: in a process group of its own, not the terminal's foreground group.
/// Reading keys there would get the grader stopped by the kernel (SIGTTIN); it must grade and show its view instead.
/// </summary>
[CancelAfter(90_000)]
[Platform(Include = "Linux")]
public class WatchInATerminalTests
{
    [Test]
    public async Task Watch_started_under_timeout_from_a_script_is_not_stopped_by_the_terminal_and_shows_its_view(CancellationToken cancellationToken)
    {
        if (!File.Exists("/usr/bin/script") || !File.Exists("/usr/bin/timeout"))
            Assert.Ignore("needs util-linux's script and coreutils' timeout");
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var grader = typeof(GraderCli).Assembly.Location;
        var dotnet = Environment.ProcessPath!;
        // bash -c with two commands does not exec timeout, so timeout moves itself and watch out of the foreground group.
        var inner = $"timeout 60 '{dotnet}' '{grader}' watch 01-passes --root '{root}' --work-dir '{TestPaths.NewTempDirectory()}'; true";
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-qfec", $"bash -c \"{inner}\"", "/dev/null" })
            start.ArgumentList.Add(arg);
        using var terminal = Process.Start(start)!;
        try
        {
            var seen = "";
            var buffer = new char[4096];
            while (!seen.Contains("Watching for saves", StringComparison.Ordinal))
            {
                var read = await terminal.StandardOutput.ReadAsync(buffer, cancellationToken);
                Assert.That(read, Is.Positive, $"the terminal closed before watch showed its view:\n{seen}");
                seen += new string(buffer, 0, read);
            }

            Assert.That(seen, Does.Contain("Watching exercises/f1/01-passes/ for saves; grading 01-passes").And.Contain("passed"));
            Assert.That(seen, Does.Contain("Ctrl+C to stop"), "no keys offered: the terminal is not the grader's to read");
        }
        finally
        {
            terminal.Kill(entireProcessTree: true);
        }
    }
}
