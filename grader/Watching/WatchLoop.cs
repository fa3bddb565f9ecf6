using System.Diagnostics;
using Grader.Commands;
using Grader.Course;
using Grader.Grading;
using Grader.Reporting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Grader.Watching;

/// <summary>
/// <c>watch</c>'s loop: grade the exercise, show it, then wait for a save (debounced) or a key (n, h, r, q) and
/// start over. Only the exercise being worked on is graded, and unchanged code reuses its build, so a save is
/// answered in about a second. Without a terminal to read keys from, it re-grades on saves until cancelled.
/// </summary>
internal sealed class WatchLoop
{
    private readonly CourseLayout _layout;
    private readonly CourseGrader _grader;
    private readonly GradeSettings _settings;
    private readonly CommandEnvironment _environment;
    private readonly HintState _hints;
    private readonly TimeSpan _quiet;
    private readonly Action<ExerciseReport>? _graded;

    /// <param name="graded">Called after every grading (tests await it instead of polling the console).</param>
    public WatchLoop(CourseLayout layout, GradeSettings settings, CommandEnvironment environment, string hintStateFile, TimeSpan quiet, Action<ExerciseReport>? graded = null)
    {
        _layout = layout;
        _grader = new CourseGrader(layout, settings, environment.Time);
        _settings = settings;
        _environment = environment;
        _hints = HintState.Load(hintStateFile);
        _quiet = quiet;
        _graded = graded;
    }

    /// <summary>Watches from <paramref name="start"/> until q is pressed or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(ExerciseLocation start, CancellationToken cancellationToken)
    {
        var console = _environment.Console;
        if (console.Profile.Capabilities.Interactive)
        {
            await console.Live(new Text("Grading…")).AutoClear(false).StartAsync(async context =>
                await LoopAsync(start, view => { context.UpdateTarget(view); context.Refresh(); }, cancellationToken));
        }
        else
        {
            await LoopAsync(start, view => { console.Write(view); console.WriteLine(); }, cancellationToken);
        }
    }

    private async Task LoopAsync(ExerciseLocation start, Action<IRenderable> show, CancellationToken cancellationToken)
    {
        var exercises = _layout.Manifest.AllExercises.Select(x => _layout.Locate(x.Release, x.Exercise)).ToList();
        var index = exercises.FindIndex(e => e.Exercise.Id == start.Exercise.Id);
        var input = _environment.Input;
        Task<char>? key = input?.ReadKeyAsync(cancellationToken);
        var never = Task.Delay(Timeout.Infinite, cancellationToken);

        while (true)
        {
            var location = exercises[index];
            var hints = HintBook.Load(location.HintsFile);
            var debouncer = new ChangeDebouncer(_quiet, _environment.Time);
            using var watcher = new ExerciseWatcher(WatchedFolders(location), debouncer);
            using var switching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            show(new Markup($"[grey]Watching {Markup.Escape(_layout.RelativeToRoot(location.ExerciseDirectory))}/ for saves; grading {Markup.Escape(location.Exercise.Id)}…[/]"));
            var report = await GradeAsync(location, hints, show, cancellationToken);
            var change = debouncer.NextAsync(switching.Token);
            var next = false;
            while (!next)
            {
                var done = await Task.WhenAny(change, key ?? never);
                cancellationToken.ThrowIfCancellationRequested();
                if (done == change)
                {
                    await change;
                    report = await GradeAsync(location, hints, show, cancellationToken);
                    change = debouncer.NextAsync(switching.Token);
                    continue;
                }

                var pressed = await key!;
                key = input!.ReadKeyAsync(cancellationToken);
                switch (pressed)
                {
                    case 'q':
                        await switching.CancelAsync();
                        return;
                    case 'n':
                        index = (index + 1) % exercises.Count;
                        next = true;
                        break;
                    case 'h':
                        // The view already shows (and recorded) the step's current hint, so h moves on to the next.
                        string? notice = null;
                        if (WatchView.StepOf(report, hints) is not int step || hints.For(step).Count == 0)
                            notice = "No hints for this step: the exercise's README is the place to look.";
                        else if (_hints.Next(report.Id, step, hints.For(step)) is null)
                            notice = $"No more hints for step {step}. {HintCommand.NoMoreHints(location, step)}";
                        show(WatchView.Render(report, WatchView.HintFor(report, hints, _hints), TimeSpan.Zero, keys: true, notice));
                        break;
                    case 'r':
                        report = await GradeAsync(location, hints, show, cancellationToken);
                        break;
                }
            }

            await switching.CancelAsync(); // stop waiting for this exercise's saves
        }
    }

    private async Task<ExerciseReport> GradeAsync(ExerciseLocation location, HintBook hints, Action<IRenderable> show, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var graded = await _grader.GradeAsync(l => l.Exercise.Id == location.Exercise.Id, progress: null, cancellationToken);
        var report = graded.Releases.SelectMany(r => r.Exercises).Single();
        if (report.Status == ExerciseStatus.NotStarted && _settings.Level is null && !_layout.GradeSolutions
            && LastTestedLevel.Find(location) is { } tested)
        {
            // As check does: every level is the starter's, so grade the one the learner last ran dotnet test in.
            var level = new CourseGrader(_layout, _settings with { Level = tested.Name }, _environment.Time);
            graded = await level.GradeAsync(l => l.Exercise.Id == location.Exercise.Id, progress: null, cancellationToken);
            report = graded.Releases.SelectMany(r => r.Exercises).Single();
        }

        show(WatchView.Render(report, WatchView.HintFor(report, hints, _hints), clock.Elapsed, keys: _environment.Input is not null));
        _graded?.Invoke(report);
        return report;
    }

    private IEnumerable<string> WatchedFolders(ExerciseLocation location) =>
        location.Levels.Select(l => l.Directory)
            .Append(location.GivenDirectory).Append(location.VisibleTestsDirectory).Append(location.HiddenSuiteDirectory);
}
