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

    /// <summary>Finds the root, reads course.json, and checks the options against the course.</summary>
    public static GradingSession Open(CommandEnvironment environment, GradingArguments arguments)
    {
        var root = CourseRoot.Find(environment.CurrentDirectory, arguments.Root);
        var manifest = CourseManifest.Load(Path.Combine(root, CourseRoot.ManifestFile));
        if (arguments.SuitesDirectory is not null && !Directory.Exists(arguments.SuitesDirectory))
            throw new UsageException($"--suites {arguments.SuitesDirectory}: no such folder; pass the folder that holds <exercise-id>/ suites.");
        var layout = new CourseLayout(root, manifest, arguments.Solutions, arguments.SuitesDirectory);
        foreach (var (option, path) in new[] { ("--output", arguments.OutputFile), ("--work-dir", arguments.WorkDirectory) })
        {
            if (path is not null && (IsInside(path, layout.ExercisesDirectory) || IsInside(path, layout.SolutionsDirectory)))
                throw new UsageException($"{option} {path}: the grader never writes into exercises/ or solutions/; choose a path outside them.");
        }

        return new GradingSession(environment, arguments, layout);
    }

    /// <summary>Grades the exercises <paramref name="include"/> accepts, showing a spinner on an interactive console.</summary>
    public async Task<GradeReport> GradeAsync(Func<ExerciseLocation, bool>? include, CancellationToken cancellationToken)
    {
        var grader = new CourseGrader(Layout, new GradeSettings(Arguments.Limits, Arguments.WorkDirectory), _environment.Time);
        if (Arguments.Json || !_environment.Console.Profile.Capabilities.Interactive)
            return await grader.GradeAsync(include, null, cancellationToken);

        return await _environment.Console.Status().StartAsync("Grading…", context =>
            grader.GradeAsync(include, location => context.Status($"Grading {Markup.Escape(location.Key)}…"), cancellationToken));
    }

    /// <summary>Writes the report: JSON to stdout or the output file, or the console rendering (also to the file when asked).</summary>
    public async Task WriteAsync(GradeReport report, Action<IAnsiConsole> renderConsole, CancellationToken cancellationToken)
    {
        if (Arguments.Json)
        {
            var json = JsonReport.Serialize(report);
            if (Arguments.OutputFile is null)
            {
                await _environment.Out.WriteAsync(json.AsMemory(), cancellationToken);
                await _environment.Out.FlushAsync(cancellationToken);
                return;
            }

            await WriteFileAsync(Arguments.OutputFile, json, cancellationToken);
            return;
        }

        renderConsole(_environment.Console);
        if (Arguments.OutputFile is not null)
        {
            var text = new StringWriter();
            var plain = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(text),
            });
            plain.Profile.Width = 120;
            renderConsole(plain);
            await WriteFileAsync(Arguments.OutputFile, text.ToString(), cancellationToken);
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
        _environment.Console.MarkupLine($"[grey]report written to {Markup.Escape(path)}[/]");
    }
}
