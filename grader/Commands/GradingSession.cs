using Grader.Course;
using Grader.Grading;
using Grader.Reporting;
using Spectre.Console;

namespace Grader.Commands;

/// <summary>What grading commands share: opening the course, grading with a progress display, and writing the report.</summary>
internal sealed class GradingSession
{
    private readonly CommandEnvironment _environment;

    private GradingSession(CommandEnvironment environment, GradingArguments arguments, CourseLayout layout)
    {
        _environment = environment;
        Arguments = arguments;
        Layout = layout;
    }

    public GradingArguments Arguments { get; }

    public CourseLayout Layout { get; }

    /// <summary>The grader's work folder: <c>--work-dir</c>, or <c>&lt;root&gt;/.grader</c>.</summary>
    public string WorkDirectory => Arguments.WorkDirectory ?? Layout.WorkDirectory;

    /// <summary>Where <c>hint</c> remembers the hints already shown.</summary>
    public string HintStateFile => Path.Combine(WorkDirectory, "hints.json");

    /// <summary>Finds the root, reads course.json, and checks the options against the course.</summary>
    public static GradingSession Open(CommandEnvironment environment, GradingArguments arguments)
    {
        var root = CourseRoot.Find(environment.CurrentDirectory, arguments.Root);
        var manifest = CourseManifest.Load(Path.Combine(root, CourseRoot.ManifestFile));
        if (arguments.SuitesDirectory is not null && !Directory.Exists(arguments.SuitesDirectory))
            throw new UsageException($"--suites {arguments.SuitesDirectory}: no such folder; pass the folder that holds <exercise-id>/ suites.");
        var layout = new CourseLayout(root, manifest, arguments.Solutions, arguments.SuitesDirectory);
        var written = new[] { ("--output", arguments.OutputFile), ("--work-dir", arguments.WorkDirectory) }
            .Concat(arguments.Reports.Select(r => ("--report", (string?)r.File)));
        foreach (var (option, path) in written)
        {
            if (path is not null && (IsInside(path, layout.ExercisesDirectory) || IsInside(path, layout.SolutionsDirectory)))
                throw new UsageException($"{option} {path}: the grader never writes into exercises/ or solutions/; choose a path outside them.");
        }

        return new GradingSession(environment, arguments, layout);
    }

    /// <summary>The settings the grading classes get from the command line; under GitHub Actions grades carry weight, so the sandbox is on.</summary>
    public GradeSettings Settings => new(
        Arguments.Limits, Arguments.WorkDirectory, Arguments.Level, Arguments.Parallelism, ReuseResults: !Arguments.NoCache,
        Sandboxed: Arguments.Sandbox || _environment.GitHubActions);

    /// <summary>Grades the exercises <paramref name="include"/> accepts, with a live progress display on an interactive console.</summary>
    public async Task<GradeReport> GradeAsync(Func<ExerciseLocation, bool>? include, CancellationToken cancellationToken)
    {
        var grader = new CourseGrader(Layout, Settings, _environment.Time);
        if (Arguments.MachineReadable || !_environment.Console.Profile.Capabilities.Interactive)
            return await grader.GradeAsync(include, null, cancellationToken);

        var selected = grader.Selected(include);
        return await _environment.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = selected.GroupBy(l => l.Release.Id).ToDictionary(
                    g => g.Key,
                    g => (Task: context.AddTask(Markup.Escape($"{g.Key}: {g.First().Release.Title}"), maxValue: g.Count()), Running: new List<string>()));
                void Describe(ExerciseLocation location)
                {
                    var (task, running) = tasks[location.Release.Id];
                    var now = running.Count == 0 ? "" : $" [grey]· grading {Markup.Escape(string.Join(", ", running))}[/]";
                    task.Description = $"{Markup.Escape($"{location.Release.Id}: {location.Release.Title}")}{now}";
                }

                var sync = new object();
                var progress = new GradingProgress
                {
                    Started = location =>
                    {
                        lock (sync)
                        {
                            tasks[location.Release.Id].Running.Add(location.Exercise.Id);
                            Describe(location);
                        }
                    },
                    Finished = (location, _) =>
                    {
                        lock (sync)
                        {
                            tasks[location.Release.Id].Running.Remove(location.Exercise.Id);
                            tasks[location.Release.Id].Task.Increment(1);
                            Describe(location);
                        }
                    },
                };
                return await grader.GradeAsync(include, progress, cancellationToken);
            });
    }

    /// <summary>
    /// Writes the report in the chosen format: the console rendering to the console, other formats to stdout, or
    /// either to the <c>--output</c> file; then every <c>--report format=file</c> from the same grading run.
    /// </summary>
    public async Task WriteAsync(GradeReport report, Action<IAnsiConsole> renderConsole, CancellationToken cancellationToken)
    {
        string Render(string format) => ReportFormats.Render(format, report, Layout.Manifest.Title, renderConsole);

        if (Arguments.Format == ReportFormats.Console)
            renderConsole(_environment.Console);
        if (Arguments.OutputFile is not null)
        {
            await WriteFileAsync(Arguments.OutputFile, Render(Arguments.Format), cancellationToken);
        }
        else if (Arguments.Format != ReportFormats.Console)
        {
            await _environment.Out.WriteAsync(Render(Arguments.Format).AsMemory(), cancellationToken);
            await _environment.Out.FlushAsync(cancellationToken);
        }

        foreach (var (format, file) in Arguments.Reports)
            await WriteFileAsync(file, Render(format), cancellationToken);

        if (_environment.GitHubActions)
        {
            // Workflow commands are read from either stream; keep them off stdout when it carries a report.
            var stdoutIsTheReport = Arguments.Format != ReportFormats.Console && Arguments.OutputFile is null;
            var writer = stdoutIsTheReport ? _environment.Error : _environment.Out;
            foreach (var line in GitHubAnnotations.For(report))
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }

    private async Task WriteFileAsync(string path, string text, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, cancellationToken);
        // Confirm on stderr: stdout may be carrying a machine-readable report.
        await _environment.Error.WriteLineAsync($"report written to {path}");
    }
}
