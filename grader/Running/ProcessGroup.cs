using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Grader.Running;

/// <summary>How a platform keeps a test process and everything it starts together, so all of it can be killed.</summary>
internal enum ProcessGrouping
{
    /// <summary>Linux: the test process starts in a session (and process group) of its own through <c>setsid</c>.</summary>
    SetSidLauncher,

    /// <summary>macOS and other Unixes without a <c>setsid</c> program: the test process calls <c>setsid()</c> itself first.</summary>
    OwnSession,

    /// <summary>Windows: the test process is put in a job object that kills every process in it when closed.</summary>
    JobObject,

    /// <summary>Nothing beyond killing the test process's tree.</summary>
    TreeOnly,
}

/// <summary>
/// The test process and whatever the learner's code starts from it. A process that outlives its parent is no longer in
/// the test process's tree, so killing the tree is not enough: on Linux and macOS the group is a session of its own
/// (its processes keep the session when orphaned), on Windows a job object (its processes stay in the job).
/// </summary>
internal abstract class ProcessGroup : IDisposable
{
    private const string SetSid = "/usr/bin/setsid";

    /// <summary>This machine's way of grouping test processes.</summary>
    public static ProcessGrouping Current { get; } = For(
        OperatingSystem.IsLinux(), OperatingSystem.IsWindows(), OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD(), File.Exists(SetSid));

    /// <summary>The way of grouping for a platform: which OS it is and whether it has a <c>setsid</c> program.</summary>
    public static ProcessGrouping For(bool linux, bool windows, bool otherUnix, bool hasSetSidProgram) =>
        (linux, windows, otherUnix) switch
        {
            (true, _, _) when hasSetSidProgram => ProcessGrouping.SetSidLauncher,
            (true, _, _) => ProcessGrouping.OwnSession,
            (_, true, _) => ProcessGrouping.JobObject,
            (_, _, true) => ProcessGrouping.OwnSession,
            _ => ProcessGrouping.TreeOnly,
        };

    /// <summary>The program that starts the test process in a new session, or null to start it directly.</summary>
    public static string? Launcher => Current == ProcessGrouping.SetSidLauncher ? SetSid : null;

    /// <summary>Inside the test process, where the way is <see cref="ProcessGrouping.OwnSession"/>: makes it the leader of a new session and process group.</summary>
    public static void LeadOwnSession()
    {
        if (Current == ProcessGrouping.OwnSession)
            _ = Unix.SetSid(); // fails only when already a group leader, which is as good
    }

    /// <summary>The group of <paramref name="process"/>, just started (on Windows: put into a new job object).</summary>
    public static ProcessGroup Of(Process process) => Current switch
    {
        ProcessGrouping.SetSidLauncher or ProcessGrouping.OwnSession => new Session(process.Id),
        ProcessGrouping.JobObject when OperatingSystem.IsWindows() => Job.Adopt(process),
        _ => new TreeOnly(),
    };

    /// <summary>Kills every process left in the group (nothing when none is left).</summary>
    public abstract void KillAll();

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }

    /// <summary>A session led by the test process: its id is the process group's, and a signal to its negation reaches them all.</summary>
    private sealed class Session(int leader) : ProcessGroup
    {
        public override void KillAll()
        {
            if (leader > 1)
                _ = Unix.Kill(-leader, Unix.SigKill); // ESRCH (nobody left) is the usual, happy answer
        }
    }

    private sealed class TreeOnly : ProcessGroup
    {
        public override void KillAll()
        {
        }
    }

    /// <summary>
    /// A job object created with "kill on close": every process started from the test process joins it, and closing
    /// the job's last handle (the grader exiting, even by a crash) ends them all.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private sealed class Job : ProcessGroup
    {
        private readonly nint _handle;

        private Job(nint handle) => _handle = handle;

        public static ProcessGroup Adopt(Process process)
        {
            var handle = Windows.CreateJobObject(0, null);
            if (handle == 0)
                return new TreeOnly();
            var limits = new Windows.ExtendedLimitInformation { Basic = { LimitFlags = Windows.KillOnJobClose } };
            if (!Windows.SetInformationJobObject(handle, Windows.ExtendedLimitInformationClass, ref limits, Marshal.SizeOf<Windows.ExtendedLimitInformation>())
                || !Windows.AssignProcessToJobObject(handle, process.Handle))
            {
                _ = Windows.CloseHandle(handle);
                return new TreeOnly();
            }

            return new Job(handle);
        }

        public override void KillAll() => _ = Windows.TerminateJobObject(_handle, 1);

        public override void Dispose() => _ = Windows.CloseHandle(_handle);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for these few calls
    private static class Unix
    {
        public const int SigKill = 9;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);

        [DllImport("libc", EntryPoint = "setsid", SetLastError = true)]
        public static extern int SetSid();
    }

    private static class Windows
    {
        public const int ExtendedLimitInformationClass = 9;
        public const uint KillOnJobClose = 0x2000;

        [StructLayout(LayoutKind.Sequential)]
        public struct BasicLimitInformation
        {
            public long PerProcessUserTimeLimit;
            public long PerJobUserTimeLimit;
            public uint LimitFlags;
            public nuint MinimumWorkingSetSize;
            public nuint MaximumWorkingSetSize;
            public uint ActiveProcessLimit;
            public nuint Affinity;
            public uint PriorityClass;
            public uint SchedulingClass;
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct IoCounters
        {
            public ulong ReadOperationCount;
            public ulong WriteOperationCount;
            public ulong OtherOperationCount;
            public ulong ReadTransferCount;
            public ulong WriteTransferCount;
            public ulong OtherTransferCount;
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct ExtendedLimitInformation
        {
            public BasicLimitInformation Basic;
            public IoCounters IoInfo;
            public nuint ProcessMemoryLimit;
            public nuint JobMemoryLimit;
            public nuint PeakProcessMemoryUsed;
            public nuint PeakJobMemoryUsed;
        }

        [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        public static extern nint CreateJobObject(nint attributes, string? name);

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool SetInformationJobObject(nint job, int infoClass, ref ExtendedLimitInformation info, int length);

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool AssignProcessToJobObject(nint job, nint process);

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool TerminateJobObject(nint job, uint exitCode);

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        public static extern bool CloseHandle(nint handle);
    }
#pragma warning restore SYSLIB1054
}
