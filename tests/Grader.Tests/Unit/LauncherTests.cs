using System.Diagnostics;
using System.Xml.Linq;
using Grader.Tests.Support;
using Kit.Testing;

namespace Grader.Tests.Unit;

/// <summary>
/// The <c>grade</c> launcher at the repository's root (as committed) runs the built grader directly, and builds it only
/// when a file it is built from changed; and exercise levels run <c>dotnet test</c> with the kit's run settings.
/// </summary>
[CancelAfter(60_000)]
public class LauncherTests
{
    [Test]
    [Platform(Exclude = "Win", Reason = "the bash launcher; grade.cmd is its Windows twin")]
    public async Task The_launcher_runs_the_built_grader_and_builds_it_first_only_when_one_of_its_sources_is_newer()
    {
        var root = TestPaths.NewTempDirectory();
        File.Copy(CommittedCourse.PathOf("grade"), Path.Combine(root, "grade"));
        var source = Write(root, "grader/Commands/ListCommand.cs");
        var suite = Write(root, "grader/suites/01-x/Suite.cs");
        var dll = Write(root, "grader/bin/Debug/net10.0/grader.dll");
        var log = Path.Combine(root, "dotnet.log");
        // Stands in for dotnet: records how it was called.
        var dotnet = Write(root, "fake-dotnet", $"#!/bin/sh\necho \"$*\" >> '{log}'\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var now = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(source, now.AddMinutes(-10));
        File.SetLastWriteTimeUtc(dll, now.AddMinutes(-5));
        File.SetLastWriteTimeUtc(suite, now); // hidden suites are compiled at grading time, not into the grader

        await RunAsync(root, dotnet, "list", "--solutions");
        var upToDate = File.ReadAllLines(log);
        File.SetLastWriteTimeUtc(source, now.AddMinutes(-2)); // edited after the last build
        await RunAsync(root, dotnet, "hint", "01-processes");
        var afterAnEdit = File.ReadAllLines(log).Skip(upToDate.Length).ToArray();
        await RunAsync(root, dotnet, "list");
        var afterTheBuild = File.ReadAllLines(log).Skip(upToDate.Length + afterAnEdit.Length).ToArray();
        var runtime = Write(root, "otp/Processes/Node.cs"); // the kit's runtime, which the grader references, changed
        File.SetLastWriteTimeUtc(runtime, DateTime.UtcNow.AddMinutes(1)); // surely newer than the build's touch
        var beforeTheRuntimeChange = File.ReadAllLines(log).Length;
        await RunAsync(root, dotnet, "list");
        var afterARuntimeChange = File.ReadAllLines(log).Skip(beforeTheRuntimeChange).ToArray();

        Assert.That(upToDate, Is.EqualTo(new[] { $"{dll} list --solutions" }));
        Assert.That(afterAnEdit, Has.Length.EqualTo(2));
        Assert.That(afterAnEdit[0], Does.StartWith($"build {Path.Combine(root, "grader", "grader.csproj")} "));
        Assert.That(afterAnEdit[1], Is.EqualTo($"{dll} hint 01-processes"));
        Assert.That(afterTheBuild, Is.EqualTo(new[] { $"{dll} list" }), "built once, then run directly again");
        Assert.That(afterARuntimeChange, Has.Length.EqualTo(2), "a change to otp/ (which the grader compiles learner code against) rebuilds the grader first");
        Assert.That(afterARuntimeChange[0], Does.StartWith("build "), "a change to otp/ rebuilds the grader first");
    }

    [Test]
    public void Exercise_levels_run_dotnet_test_with_run_settings_that_print_each_failure_once()
    {
        var props = XDocument.Load(CommittedCourse.PathOf("build", "Exercise.props"));
        var setting = props.Descendants("RunSettingsFilePath").Single().Value;
        Assert.That(setting, Is.EqualTo("$(MSBuildThisFileDirectory)exercise.runsettings"));

        var settings = XDocument.Load(CommittedCourse.PathOf("build", "exercise.runsettings"));
        Assert.That(settings.Root!.Element("NUnit")!.Element("IncludeStackTrace")!.Value, Is.EqualTo("false"));
        Assert.That(settings.Root!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "NUnit" }),
            "nothing but what is printed: a run setting that changed how tests run could change verdicts");
    }

    private static string Write(string root, string relative, string text = "")
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task RunAsync(string root, string dotnet, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(root, "grade"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["GRADE_DOTNET"] = dotnet;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(0), await error);
    }
}
