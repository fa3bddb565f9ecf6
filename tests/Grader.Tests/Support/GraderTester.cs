using Grader.Commands;
using Spectre.Console;

namespace Grader.Tests.Support;

/// <summary>
/// Runs the grader's command line in process with captured writers and a plain, fixed-width console, the way
/// spectre.console.cli's tester does, so the CLI's behaviour and output can be asserted and snapshotted.
/// </summary>
internal static class GraderTester
{
    /// <summary>A work folder shared by the whole test run, so unchanged fixture exercises compile once.</summary>
    public static string SharedWorkDirectory { get; } = TestPaths.NewTempDirectory();

    /// <summary>Runs <c>grader &lt;args&gt;</c> with the current directory set to <paramref name="currentDirectory"/>.</summary>
    public static Task<GraderRun> RunAsync(string currentDirectory, params string[] args) =>
        RunWithAsync(currentDirectory, width: 100, gitHubActions: false, args);

    /// <summary>Runs <c>grader &lt;args&gt;</c> on a console <paramref name="width"/> columns wide, inside GitHub Actions or not.</summary>
    public static async Task<GraderRun> RunWithAsync(string currentDirectory, int width, bool gitHubActions, params string[] args)
    {
        var console = new StringWriter();
        var output = new StringWriter();
        var error = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = width;
        var environment = new CommandEnvironment(ansi, output, error, TimeProvider.System, currentDirectory, gitHubActions);
        var code = await GraderCli.RunAsync(args, environment);
        return new GraderRun(code, console.ToString().ReplaceLineEndings("\n"), output.ToString(), error.ToString());
    }

    /// <summary>The arguments <see cref="RunOnFixtureAsync"/> adds: short limits and the shared work folder.</summary>
    public static string[] FixtureLimits => ["--test-timeout", "5", "--memory-limit", "256", "--work-dir", SharedWorkDirectory];

    /// <summary>Runs a grading command over the fixture course with short limits and the shared work folder.</summary>
    public static Task<GraderRun> RunOnFixtureAsync(params string[] args) =>
        RunAsync(TestPaths.FixtureCourse, [.. args, "--test-timeout", "5", "--memory-limit", "256", "--work-dir", SharedWorkDirectory]);
}
