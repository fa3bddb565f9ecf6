using System.Diagnostics;

namespace Dashboard.Tests;

/// <summary>
/// Finds the machine's Chromium for the browser tests, installing Debian's <c>chromium</c> package when it is missing and
/// the tests run as root on a machine with apt-get (as on CI); Playwright's own browser download is not used. Where it
/// cannot be had, the reason says so and the browser tests are skipped with it.
/// </summary>
internal static class SystemChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (string? Path, string Reason)? s_found;

    /// <summary>The browser's path, or null and why not.</summary>
    public static async Task<(string? Path, string Reason)> FindAsync()
    {
        await Once.WaitAsync();
        try
        {
            return s_found ??= await FindOrInstallAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<(string?, string)> FindOrInstallAsync()
    {
        if (Environment.GetEnvironmentVariable("OTP_CHROMIUM") is { Length: > 0 } given)
        {
            return File.Exists(given) ? (given, "") : (null, $"OTP_CHROMIUM names {given}, which does not exist.");
        }

        if (Installed() is { } path)
        {
            return (path, "");
        }

        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get") || Environment.UserName != "root")
        {
            return (null, "Chromium is not installed (looked for " + string.Join(", ", Candidates) + ") and cannot be installed here "
                + "(that needs Debian's apt-get, as root). Install it (apt-get install chromium) or set OTP_CHROMIUM to a Chromium or Chrome binary.");
        }

        TestContext.Progress.WriteLine("Chromium is missing: installing Debian's chromium package for the browser tests (apt-get).");
        var update = await RunAsync("apt-get", "update");
        var install = await RunAsync("apt-get", "install -y --no-install-recommends chromium");
        return Installed() is { } installed
            ? (installed, "")
            : (null, $"Chromium is not installed and apt-get could not install it: {update} / {install}");
    }

    private static string? Installed() => Candidates.FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return $"{file} {arguments} did not finish within {InstallTimeout.TotalMinutes} minutes";
        }

        var tail = (await error).Trim();
        await output;
        return $"{file} {arguments} exited {process.ExitCode}{(tail.Length > 0 ? ": " + tail[^Math.Min(300, tail.Length)..] : "")}";
    }
}
