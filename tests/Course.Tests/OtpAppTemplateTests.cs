using System.Diagnostics;
using System.Text;
using Kit.Testing;

namespace Course.Tests;

/// <summary>
/// The <c>otp-app</c> template (<c>templates/otp-app</c>, the kit's <c>mix new --sup</c>) installs from the repository,
/// and what <c>dotnet new otp-app</c> makes builds inside the repository (central package management) and outside it
/// (with <c>--otp-path</c>), runs, and on SIGTERM stops its supervision tree in reverse start order and exits with 0.
/// Everything happens in temporary folders: a private copy of the committed course, a private template hive (never the
/// user's own template cache), and a folder outside the repository; all are removed, whatever the outcome.
/// </summary>
[Category("Template")]
[NonParallelizable]
public sealed class OtpAppTemplateTests
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(1);
    private string _course = "";
    private string _hive = "";
    private string _outside = "";

    [OneTimeSetUp]
    public async Task Install_the_template_into_a_private_hive()
    {
        _course = CommittedCourse.NewCopy();
        _hive = Directory.CreateTempSubdirectory("kit-template-hive-").FullName;
        _outside = Directory.CreateTempSubdirectory("kit-otp-app-").FullName;
        var (exitCode, output) = await DotnetNewAsync(_course, "install", Path.Combine(_course, "templates", "otp-app"));
        Assert.That(exitCode, Is.Zero, $"dotnet new install templates/otp-app failed:\n{output}");
    }

    [OneTimeTearDown]
    public void Remove_the_temporary_folders()
    {
        foreach (var folder in new[] { _outside, _hive, _course })
        {
            CommittedCourse.Delete(folder);
        }
    }

    [Test, CancelAfter(900_000)]
    public async Task Created_outside_the_repository_it_builds_runs_and_stops_its_tree_in_reverse_order_on_SIGTERM(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("This test stops the program with SIGTERM, which needs Linux or macOS; on Windows, run it and press Ctrl+C instead.");
        }

        var otp = Path.Combine(_course, "otp", "Otp.csproj");
        var created = await DotnetNewAsync(_outside, "otp-app", "-n", "Shop", "--otp-path", otp).WaitAsync(cancellationToken);
        Assert.That(created.ExitCode, Is.Zero, $"dotnet new otp-app -n Shop --otp-path ... failed:\n{created.Output}");
        var project = Path.Combine(_outside, "Shop");
        Assert.That(File.ReadAllText(Path.Combine(project, "Shop.csproj")), Does.Contain(otp), "--otp-path is the runtime the project references");

        await BuildAsync(project, cancellationToken);
        var output = await RunUntilStoppedAsync(Path.Combine(project, "bin", "Debug", "net10.0", "Shop.dll"), cancellationToken);

        var lines = new[]
        {
            "Counter started", "Greeter started", "OTP application Shop started",
            "Greeter stopped (shutdown)", "Counter stopped (shutdown)", "OTP application Shop stopped",
        };
        var where = lines.Select(line => output.IndexOf(line, StringComparison.Ordinal)).ToList();
        Assert.That(where, Has.None.EqualTo(-1), $"the program logs its tree starting, then stopping; its output:\n{output}");
        Assert.That(where, Is.Ordered, $"children start in order (counter, then the greeter that needs it) and stop in reverse; its output:\n{output}");
    }

    [Test, CancelAfter(900_000)]
    public async Task Created_inside_the_repository_it_finds_the_runtime_and_builds_under_central_package_management(CancellationToken cancellationToken)
    {
        var created = await DotnetNewAsync(_course, "otp-app", "-n", "Store").WaitAsync(cancellationToken);
        Assert.That(created.ExitCode, Is.Zero, $"dotnet new otp-app -n Store failed:\n{created.Output}");
        var project = Path.Combine(_course, "Store");
        Assert.That(File.ReadAllText(Path.Combine(project, "Store.csproj")), Does.Contain("GetDirectoryNameOfFileAbove"),
            "without --otp-path the project looks for otp/Otp.csproj in the folders above it");

        await BuildAsync(project, cancellationToken);
    }

    private async Task<(int ExitCode, string Output)> DotnetNewAsync(string folder, params string[] arguments)
    {
        var start = ChildProcess.Dotnet(["new", .. arguments, "--debug:custom-hive", _hive]);
        start.WorkingDirectory = folder;
        return await ChildProcess.RunAsync(start, BuildLimit);
    }

    private static async Task BuildAsync(string project, CancellationToken cancellationToken)
    {
        var start = ChildProcess.Dotnet("build", project, "--nologo");
        var (exitCode, output) = await ChildProcess.RunAsync(start, BuildLimit).WaitAsync(cancellationToken);
        Assert.That(exitCode, Is.Zero, $"dotnet build {Path.GetFileName(project)} failed:\n{output}");
    }

    /// <summary>
    /// Runs the program, waits (reading its output, bounded) until it says its application started, sends it SIGTERM,
    /// and waits (bounded) for it to exit: it must exit with 0. Returns everything it printed.
    /// </summary>
    private static async Task<string> RunUntilStoppedAsync(string program, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = ChildProcess.Dotnet(program) };
        process.StartInfo.WorkingDirectory = Path.GetDirectoryName(program)!;
        void Read(object sender, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data?.Contains("OTP application Shop started", StringComparison.Ordinal) == true)
                {
                    started.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        var running = false;
        try
        {
            running = process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(RunLimit);
            await Task.WhenAny(started.Task, process.WaitForExitAsync(limit.Token));
            Assert.That(started.Task.IsCompleted, Is.True,
                $"waited for the program to log 'OTP application Shop started'; it {(process.HasExited ? $"exited with {process.ExitCode}" : $"did not within {RunLimit}")}:\n{Text(output)}");

            var kill = await ChildProcess.RunAsync(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }, RunLimit);
            Assert.That(kill.ExitCode, Is.Zero, $"kill -TERM failed: {kill.Output}");

            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                Assert.Fail($"waited {RunLimit} for the program to exit after SIGTERM; it still runs:\n{Text(output)}");
            }

            process.WaitForExit(); // the last lines of its output
            Assert.That(process.ExitCode, Is.Zero, $"on SIGTERM the program stops its application and exits with 0:\n{Text(output)}");
            return Text(output);
        }
        finally
        {
            if (running && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
