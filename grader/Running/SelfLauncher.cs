using System.Diagnostics;

namespace Grader.Running;

/// <summary>
/// Starts the grader itself as a test process. Under the app host (<c>dotnet run</c>, an installed tool) the host is
/// started directly; under <c>dotnet</c> (tests, <c>dotnet grader.dll</c>) the grader's dll is run with <c>dotnet exec</c>.
/// </summary>
internal static class SelfLauncher
{
    /// <summary>A start-info for <c>grader &lt;arguments&gt;</c> with every stream redirected.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory)
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

        if (IsDotnetHost(processPath))
        {
            startInfo.FileName = processPath;
            startInfo.ArgumentList.Add("exec");
            var dir = Path.GetDirectoryName(graderDll)!;
            var name = Path.GetFileNameWithoutExtension(graderDll);
            startInfo.ArgumentList.Add("--runtimeconfig");
            startInfo.ArgumentList.Add(Path.Combine(dir, name + ".runtimeconfig.json"));
            startInfo.ArgumentList.Add("--depsfile");
            startInfo.ArgumentList.Add(Path.Combine(dir, name + ".deps.json"));
            startInfo.ArgumentList.Add(graderDll);
        }
        else
        {
            startInfo.FileName = processPath;
        }

        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        // The test process must not write crash dumps into the learner's folders or wait on a debugger.
        startInfo.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return startInfo;
    }

    private static bool IsDotnetHost(string processPath) =>
        string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
}
