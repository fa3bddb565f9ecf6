using System.Diagnostics;

namespace Grader.Running;

/// <summary>
/// Starts the grader itself as a test process. Under the app host (<c>dotnet run</c>, an installed tool) the host is
/// started directly; under <c>dotnet</c> (tests, <c>dotnet grader.dll</c>) the grader's dll is run with <c>dotnet exec</c>.
/// In a sandbox, that command runs inside bubblewrap, with a restricted environment.
/// </summary>
internal static class SelfLauncher
{
    /// <summary>A start-info for <c>grader &lt;arguments&gt;</c> with every stream redirected.</summary>
    /// <param name="arguments">The grader's arguments.</param>
    /// <param name="workingDirectory">Where it runs (inside a sandbox: the scratch folder).</param>
    /// <param name="memoryLimitMb">The managed heap cap.</param>
    /// <param name="sandbox">The sandbox to run it in, or null to run it directly.</param>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory, int memoryLimitMb, (string Bwrap, SandboxedRun Run)? sandbox = null)
    {
        var graderDll = typeof(SelfLauncher).Assembly.Location;
        var processPath = Environment.ProcessPath ?? "dotnet";
        var startInfo = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Through setsid where there is one, so everything the test process starts can be killed as one group; then
        // through bubblewrap in a sandbox.
        List<string> command = [];
        if (ProcessGroup.Launcher is not null)
            command.Add(ProcessGroup.Launcher);
        if (sandbox is { } wrap)
            command.AddRange([wrap.Bwrap, .. Bubblewrap.Arguments(wrap.Run)]);
        command.Add(processPath);
        startInfo.FileName = command[0];
        foreach (var part in command.Skip(1))
            startInfo.ArgumentList.Add(part);
        if (IsDotnetHost(processPath))
        {
            startInfo.ArgumentList.Add("exec");
            var dir = Path.GetDirectoryName(graderDll)!;
            var name = Path.GetFileNameWithoutExtension(graderDll);
            startInfo.ArgumentList.Add("--runtimeconfig");
            startInfo.ArgumentList.Add(Path.Combine(dir, name + ".runtimeconfig.json"));
            startInfo.ArgumentList.Add("--depsfile");
            startInfo.ArgumentList.Add(Path.Combine(dir, name + ".deps.json"));
            startInfo.ArgumentList.Add(graderDll);
        }

        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        // The test process must not write crash dumps into the learner's folders or wait on a debugger.
        startInfo.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // A hard cap on the managed heap: code that allocates without bound gets an OutOfMemoryException in its own
        // test instead of taking the machine's memory (and the other exercises' tests) with it.
        startInfo.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)memoryLimitMb * 1024 * 1024).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        if (sandbox is { } sandboxed)
            Bubblewrap.Restrict(startInfo.Environment, sandboxed.Run.Scratch);
        return startInfo;
    }

    private static bool IsDotnetHost(string processPath) =>
        string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
}
