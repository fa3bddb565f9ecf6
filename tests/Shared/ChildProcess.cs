using System.Diagnostics;

namespace Kit.Testing;

/// <summary>Runs a command the kit's tests start (the grader, <c>dotnet test</c>) to its end, with a bound on its time.</summary>
internal static class ChildProcess
{
    /// <summary>A <c>dotnet</c> command (the host this test runs under), quiet about its logo and telemetry.</summary>
    public static ProcessStartInfo Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    /// <summary>Runs <paramref name="start"/>; its exit code and what it printed (standard output, then error). Kills it past <paramref name="limit"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan limit)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {limit}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
