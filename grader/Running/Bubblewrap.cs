using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Grader.Running;

/// <summary>
/// Runs a test process inside bubblewrap (<c>bwrap</c>): its own PID namespace (it cannot see the grader or anything
/// else under /proc, and everything it starts dies with it: the namespace ends when its first process does), no
/// network, a new session (no terminal to push keys into), no capabilities (run as root, bwrap would keep them, and
/// with them the power to remount the read-only file system writable), the file system read-only, the course, the grader's work
/// folder, /tmp, /run and HOME hidden behind empty read-only folders, and one writable scratch folder of its own.
/// <c>--die-with-parent</c> ends it if the grader dies.
/// </summary>
internal static class Bubblewrap
{
    /// <summary>Where the private pipe appears inside the sandbox (the grader's /tmp is hidden from it).</summary>
    public const string ChannelPath = "/run/grader/channel";

    private static readonly TimeSpan s_probeLimit = TimeSpan.FromSeconds(10);
    private static readonly Lazy<TestSandbox> s_available = new(Probe);

    /// <summary>The bubblewrap sandbox if it works on this machine, else none with the reason.</summary>
    public static TestSandbox Available => s_available.Value;

    /// <summary>
    /// The bwrap arguments (ending with <c>--</c>) that run a command as <paramref name="run"/> describes. Folders
    /// are hidden by mounting empty tmpfs over them, then what the process needs is bound back read-only, and the
    /// hiding tmpfs are made read-only last (after bwrap created the mount points it needed inside them).
    /// </summary>
    public static IReadOnlyList<string> Arguments(SandboxedRun run)
    {
        List<string> arguments =
        [
            "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
        ];
        var hidden = new[] { Path.GetTempPath(), "/tmp", "/var/tmp", "/run", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
            .Concat(run.Hidden)
            .Where(p => p.Length > 0)
            .Select(Normalize)
            .Where(p => p != "/" && Directory.Exists(p) && !IsLink(p))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p.Length) // parents before children
            .ToList();
        foreach (var folder in hidden)
            arguments.AddRange(["--tmpfs", folder]);
        foreach (var input in RuntimeInputs().Concat(run.Inputs).Where(p => p.Length > 0).Select(Normalize).Distinct(StringComparer.Ordinal).Where(Path.Exists))
            arguments.AddRange(["--ro-bind", input, input]);
        arguments.AddRange(["--bind", run.Scratch, run.Scratch, "--bind", run.Channel, ChannelPath]);
        foreach (var folder in hidden)
            arguments.AddRange(["--remount-ro", folder]);
        arguments.AddRange(["--chdir", run.Scratch, "--"]);
        return arguments;
    }

    /// <summary>
    /// What a test process needs from the machine besides the system: the .NET runtime, the grader's own folder
    /// (the test process is the grader) and the NuGet package folder (a development build may load from it).
    /// </summary>
    private static IEnumerable<string> RuntimeInputs()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory(); // <dotnet>/shared/Microsoft.NETCore.App/<version>/
        yield return Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        if (Environment.ProcessPath is { } host)
            yield return Path.GetDirectoryName(host)!;
        yield return AppContext.BaseDirectory;
        yield return Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>
    /// The environment inside: only what the runtime needs, so nothing the grader's own environment holds (a CI
    /// job's file paths, tokens) reaches the learner's code.
    /// </summary>
    public static void Restrict(IDictionary<string, string?> environment, string scratch)
    {
        var kept = environment
            .Where(e => e.Key is "PATH" or "LANG" or "LC_ALL" or "TZ" || e.Key.StartsWith("DOTNET_", StringComparison.Ordinal))
            .ToList();
        environment.Clear();
        foreach (var (key, value) in kept)
            environment[key] = value;
        environment["HOME"] = scratch;
        environment["TMPDIR"] = scratch;
        environment["DOTNET_EnableDiagnostics"] = "0"; // no diagnostic socket, no debugger attach
    }

    private static TestSandbox Probe()
    {
        if (!OperatingSystem.IsLinux())
            return new(TestSandbox.NoneName, null, "the sandbox (bubblewrap) runs on Linux only.");
        var bwrap = new[] { "/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap" }.FirstOrDefault(File.Exists);
        if (bwrap is null)
            return new(TestSandbox.NoneName, null, "bubblewrap is not installed (on Debian or Ubuntu: sudo apt-get install bubblewrap).");
        try
        {
            var start = new ProcessStartInfo(bwrap) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--ro-bind", "/", "/", "--proc", "/proc", "true" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(s_probeLimit))
            {
                process.Kill(entireProcessTree: true);
                return new(TestSandbox.NoneName, null, $"{bwrap} did not start a sandbox within {s_probeLimit.TotalSeconds} s.");
            }

            if (process.ExitCode != 0)
            {
                return new(TestSandbox.NoneName, null, $"{bwrap} cannot create namespaces here ({error.Result.Trim()}); "
                    + "user namespaces may be disabled (on Ubuntu 24.04: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0).");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new(TestSandbox.NoneName, null, $"{bwrap} could not be started: {e.Message}");
        }

        return new(TestSandbox.BubblewrapName, bwrap, null);
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) is { Length: > 0 } p ? p : "/";

    private static bool IsLink(string path) => new DirectoryInfo(path).LinkTarget is not null;
}
