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
        var (root, dotnet, log) = NewCourse();
        var source = Write(root, "grader/Commands/ListCommand.cs");
        var suite = Write(root, "grader/suites/01-x/Suite.cs");
        var plain = Write(root, "grader/bin/Debug/net10.0/grader.dll"); // built earlier, the plain way
        var ready = Path.Combine(root, "grader", "bin", "ready", "grader.dll");
        var now = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(source, now.AddMinutes(-10));
        File.SetLastWriteTimeUtc(plain, now.AddMinutes(-5));
        File.SetLastWriteTimeUtc(suite, now); // hidden suites are compiled at grading time, not into the grader

        var upToDate = await RunAsync(root, dotnet, log, "list", "--solutions");
        File.SetLastWriteTimeUtc(source, now.AddMinutes(-2)); // edited after the last build
        var afterAnEdit = await RunAsync(root, dotnet, log, "hint", "01-processes");
        var afterTheBuild = await RunAsync(root, dotnet, log, "list");
        var runtime = Write(root, "otp/Processes/Node.cs"); // the kit's runtime, which the grader references, changed
        File.SetLastWriteTimeUtc(runtime, DateTime.UtcNow.AddMinutes(1)); // surely newer than the build's touch
        var afterARuntimeChange = await RunAsync(root, dotnet, log, "list");

        Assert.That(upToDate, Is.EqualTo(new[] { $"{plain} list --solutions" }), "an up-to-date grader is run directly, without a build");
        Assert.That(afterAnEdit, Has.Length.EqualTo(2), "after an edit of the grader: one build, then the command");
        Assert.That(afterAnEdit[0], Does.StartWith($"publish {Path.Combine(root, "grader", "grader.csproj")} -c Debug -r ")
            .And.Contain("-p:PublishReadyToRun=true"), "the build is a ReadyToRun publish");
        Assert.That(afterAnEdit[1], Is.EqualTo($"{ready} hint 01-processes"), "the command runs the ReadyToRun grader");
        Assert.That(afterTheBuild, Is.EqualTo(new[] { $"{ready} list" }), "built once, then run directly again");
        Assert.That(afterARuntimeChange, Has.Length.EqualTo(2), "a change to otp/ (which the grader compiles learner code against) rebuilds the grader first");
        Assert.That(afterARuntimeChange[0], Does.StartWith("publish "), "a change to otp/ rebuilds the grader first");
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "the bash launcher; grade.cmd is its Windows twin")]
    public async Task Where_a_ReadyToRun_build_fails_the_launcher_says_so_and_builds_the_plain_way()
    {
        var (root, dotnet, log) = NewCourse();
        Write(root, "grader/Commands/ListCommand.cs");
        Write(root, "no-ready-to-run"); // the stand-in's publish fails, as without network for its packages
        var plain = Path.Combine(root, "grader", "bin", "Debug", "net10.0", "grader.dll");

        var calls = await RunAsync(root, dotnet, log, "list");

        Assert.That(calls, Has.Length.EqualTo(3), "a failed publish, a plain build, then the command");
        Assert.That(calls[0], Does.StartWith("publish "), "a ReadyToRun publish is tried first");
        Assert.That(calls[1], Does.StartWith($"build {Path.Combine(root, "grader", "grader.csproj")} "), "then a plain build");
        Assert.That(calls[2], Is.EqualTo($"{plain} list"), "the command runs the plain build");
        Assert.That(Path.Combine(root, "grader", "bin", "ready"), Does.Not.Exist, "no half-made ReadyToRun folder is left to be run later");
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

    /// <summary>
    /// A course folder with the committed launcher and a stand-in for dotnet that records how it was called; its
    /// <c>publish</c> makes the output's grader.dll (or fails when the course holds a file named no-ready-to-run) and its
    /// <c>build</c> makes the plain one.
    /// </summary>
    private static (string Root, string Dotnet, string Log) NewCourse()
    {
        var root = TestPaths.NewTempDirectory();
        File.Copy(CommittedCourse.PathOf("grade"), Path.Combine(root, "grade"));
        var log = Path.Combine(root, "dotnet.log");
        var dotnet = Write(root, "fake-dotnet", $$"""
            #!/bin/sh
            echo "$*" >> '{{log}}'
            if [ "$1" = publish ]; then
              [ -e '{{root}}/no-ready-to-run' ] && exit 1
              while [ $# -gt 0 ]; do if [ "$1" = -o ]; then mkdir -p "$2" && touch "$2/grader.dll"; fi; shift; done
            elif [ "$1" = build ]; then
              mkdir -p '{{root}}/grader/bin/Debug/net10.0' && touch '{{root}}/grader/bin/Debug/net10.0/grader.dll'
            fi
            exit 0

            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (root, dotnet, log);
    }

    private static string Write(string root, string relative, string text = "")
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the launcher with <paramref name="args"/>; returns the calls to dotnet it made.</summary>
    private static async Task<string[]> RunAsync(string root, string dotnet, string log, params string[] args)
    {
        var before = File.Exists(log) ? File.ReadAllLines(log).Length : 0;
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
        return File.ReadAllLines(log).Skip(before).ToArray();
    }
}
