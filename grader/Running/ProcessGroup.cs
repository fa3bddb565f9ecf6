using System.Runtime.InteropServices;

namespace Grader.Running;

/// <summary>
/// On Linux the test process starts in a session (and process group) of its own, through <c>setsid</c>, so a process
/// the learner's code starts and leaves running (a child that outlives its parent is no longer in its process
/// tree) is still found and killed with the group. Elsewhere, killing the process tree is all there is.
/// </summary>
internal static class ProcessGroup
{
    private const string SetSid = "/usr/bin/setsid";
    private const int SigKill = 9;

    /// <summary>True when test processes get a process group of their own.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && File.Exists(SetSid);

    /// <summary>The program that starts the test process in a new session, or null to start it directly.</summary>
    public static string? Launcher => Supported ? SetSid : null;

    /// <summary>Kills every process left in the group led by <paramref name="leader"/> (no-op when unsupported or empty).</summary>
    public static void KillAll(int leader)
    {
        if (Supported && leader > 1)
            _ = Kill(-leader, SigKill); // ESRCH (nobody left) is the usual, happy answer
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for one call with two ints
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}
