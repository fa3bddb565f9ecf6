using System.Diagnostics;
using Grader.Running;

namespace Grader.Tests.Unit;

/// <summary>
/// Each platform keeps a test process together with what the learner's code starts from it: Linux through the setsid
/// program, macOS (and a Linux without setsid) by the test process leading its own session, Windows by a job object.
/// </summary>
[CancelAfter(30_000)]
public class ProcessGroupTests
{
    [TestCase(true, false, false, true, "SetSidLauncher")]
    [TestCase(true, false, false, false, "OwnSession")]
    [TestCase(false, true, false, false, "JobObject")]
    [TestCase(false, false, true, false, "OwnSession")]
    [TestCase(false, false, true, true, "OwnSession")]
    [TestCase(false, false, false, false, "TreeOnly")]
    public void Each_platform_has_its_way_of_grouping(bool linux, bool windows, bool otherUnix, bool setsidProgram, string expected) =>
        Assert.That(ProcessGroup.For(linux, windows, otherUnix, setsidProgram).ToString(), Is.EqualTo(expected),
            $"linux={linux}, windows={windows}, other Unix={otherUnix}, setsid program={setsidProgram}");

    [Test]
    public void On_this_machine_processes_left_behind_are_found()
    {
        Assert.That(ProcessGroup.Current.ToString(), Is.Not.EqualTo("TreeOnly"),
            $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription} should have a way to group test processes ({ProcessGroup.Current})");
        Assert.That(ProcessGroup.Launcher is null, Is.EqualTo(ProcessGroup.Current != ProcessGrouping.SetSidLauncher),
            "only the setsid way starts the test process through a launcher");
    }

    [Test]
    [Platform(Include = "Linux", Reason = "started through the setsid program, as the grader starts a test process on Linux")]
    public async Task Killing_the_group_ends_a_process_that_waits_on_a_child_of_its_own()
    {
        // A shell that starts a long sleep and waits for it: it ends only when the signal reaches its whole group.
        var start = new ProcessStartInfo(ProcessGroup.Launcher ?? "/usr/bin/setsid", ["/bin/sh", "-c", "sleep 3611 & echo $!; wait"])
        {
            RedirectStandardOutput = true,
        };
        using var shell = Process.Start(start)!;
        using var group = ProcessGroup.Of(shell);
        var sleeper = await shell.StandardOutput.ReadLineAsync();
        Assert.That(sleeper, Does.Match("^[0-9]+$"), "the shell prints the pid of the sleep it started");

        group.KillAll();

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await shell.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            shell.Kill(entireProcessTree: true);
            Assert.Fail($"waited 10 s for the shell (pid {shell.Id}) to end after its group was killed; it is still running");
        }

        Assert.That(shell.ExitCode, Is.EqualTo(128 + 9).Or.EqualTo(-1).Or.EqualTo(137), "the shell was ended by SIGKILL, not by itself");
    }
}
