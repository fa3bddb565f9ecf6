using System.CommandLine;
using Grader.Reporting;
using Grader.Running;

namespace Grader.Commands;

/// <summary>The options every grading command accepts, defined once and added to each command.</summary>
internal sealed class GradingOptions
{
    public Option<string?> Root { get; } = new("--root") { HelpName = "dir", Description = "The kit's root folder (the one holding course.json). Default: found by walking up from the current folder." };

    public Option<bool> Solutions { get; } = new("--solutions") { Description = "Grade solutions/ instead of exercises/." };

    public Option<string> Format { get; } = new Option<string>("--format")
    {
        Description = "console (default), json, markdown or junit; to stdout, or to --output.",
        DefaultValueFactory = _ => ReportFormats.Console,
    }.AcceptOnlyFromAmong([.. ReportFormats.All]);

    public Option<string?> Output { get; } = new("--output") { HelpName = "file", Description = "Write the report to this file." };

    public Option<string[]> Reports { get; } = new("--report")
    {
        HelpName = "format=file",
        Description = "Also write the report in another format: <format>=<file>, for example json=report.json (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Suites { get; } = new("--suites") { HelpName = "dir", Description = "Folder of hidden suites (default: grader/suites)." };

    public Option<double> TestTimeout { get; } = new("--test-timeout")
    {
        HelpName = "seconds",
        Description = "Seconds one test may run before it is stopped.",
        DefaultValueFactory = _ => RunLimits.Default.TestTimeout.TotalSeconds,
    };

    public Option<double> ExerciseTimeout { get; } = new("--exercise-timeout")
    {
        HelpName = "seconds",
        Description = "Seconds all tests of one exercise level may run together.",
        DefaultValueFactory = _ => RunLimits.Default.ExerciseTimeout.TotalSeconds,
    };

    public Option<string?> Level { get; } = new Option<string?>("--level")
    {
        HelpName = "level",
        Description = "Grade only this level (1-make-it-pass, 2-guided or 3-walkthrough), even if its files are still the starter's.",
    }.AcceptOnlyFromAmong("1-make-it-pass", "2-guided", "3-walkthrough");

    public Option<int> MemoryLimit { get; } = new("--memory-limit")
    {
        HelpName = "MB",
        Description = "Managed memory one test process may use, in MB; a test that needs more crashes with \"ran out of memory\".",
        DefaultValueFactory = _ => RunLimits.Default.MemoryLimitMb,
    };

    public Option<int> Parallel { get; } = new("--parallel")
    {
        HelpName = "n",
        Description = "How many exercises to grade at the same time (default: the number of processors, 2 to 8).",
    };

    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "Run every test again, even for code whose results are known from an earlier run.",
    };

    public Option<bool> Sandbox { get; } = new("--sandbox")
    {
        Description = "Run your code sandboxed (Linux, bubblewrap): no writes outside a scratch folder, no other processes, no network. Always on under GitHub Actions.",
    };

    public Option<string?> WorkDirectory { get; } = new("--work-dir")
    {
        Description = "Where compiled output goes (default: <root>/.grader).",
        Hidden = true,
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Root, Solutions, Level, Format, Output, Reports, Suites, TestTimeout, ExerciseTimeout, MemoryLimit, Parallel, NoCache, Sandbox, WorkDirectory })
            command.Options.Add(option);
    }

    /// <summary>The values given on the command line.</summary>
    public GradingArguments Read(ParseResult result, string currentDirectory)
    {
        var testTimeout = result.GetValue(TestTimeout);
        var exerciseTimeout = result.GetValue(ExerciseTimeout);
        if (testTimeout <= 0 || exerciseTimeout <= 0)
            throw new UsageException("--test-timeout and --exercise-timeout must be positive numbers of seconds.");
        if (result.GetValue(MemoryLimit) < 64)
            throw new UsageException("--memory-limit must be at least 64 (MB); a .NET test process needs that much to start.");
        if (result.GetValue(Parallel) < 0)
            throw new UsageException("--parallel must be a positive number of exercises (or leave it out for the default).");
        if (result.GetValue(Level) is not null && result.GetValue(Solutions))
            throw new UsageException("--level picks a level of exercises/; solutions/ has only one level, so leave out --solutions or --level.");
        var reports = new List<(string Format, string File)>();
        foreach (var report in result.GetValue(Reports) ?? [])
        {
            var split = report.IndexOf('=');
            var format = split > 0 ? report[..split] : "";
            if (!ReportFormats.All.Contains(format) || split == report.Length - 1)
                throw new UsageException($"--report {report}: expected <format>=<file> with a format among {string.Join(", ", ReportFormats.All)}.");
            reports.Add((format, Path.GetFullPath(report[(split + 1)..], currentDirectory)));
        }

        return new GradingArguments(
            Resolve(result.GetValue(Root), currentDirectory),
            result.GetValue(Solutions),
            result.GetValue(Format) ?? "console",
            Resolve(result.GetValue(Output), currentDirectory),
            reports,
            Resolve(result.GetValue(Suites), currentDirectory),
            new RunLimits(TimeSpan.FromSeconds(testTimeout), TimeSpan.FromSeconds(exerciseTimeout), RunLimits.Default.StartupTimeout, result.GetValue(MemoryLimit)),
            Resolve(result.GetValue(WorkDirectory), currentDirectory),
            result.GetValue(Level),
            result.GetValue(Parallel),
            result.GetValue(NoCache),
            result.GetValue(Sandbox));
    }

    private static string? Resolve(string? path, string currentDirectory) =>
        path is null ? null : Path.GetFullPath(path, currentDirectory);
}
