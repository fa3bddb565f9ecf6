using Grader.Course;
using Spectre.Console;

namespace Grader.Reporting;

/// <summary>
/// What the learner should do next, in words and exact commands: where to begin on an untouched course, and which
/// exercise and step they are on once they have begun. Lines are Spectre markup; commands stand on lines of their
/// own, written whole (<see cref="Unwrapped"/>), so that no terminal width breaks one in two.
/// </summary>
internal sealed class NextStep
{
    /// <summary>One line of advice: prose (wrapped between words) or a command to copy (never wrapped).</summary>
    internal sealed record Line(string Markup, bool IsCommand = false);

    private readonly CourseLayout _layout;
    private readonly Func<ExerciseLocation, LevelLocation?> _lastTested;

    /// <param name="lastTested">
    /// The level of an exercise the learner last ran <c>dotnet test</c> in, if any: an exercise whose levels are all
    /// the starter's but whose tests they ran is the one they are on, even though it is "not started".
    /// </param>
    public NextStep(CourseLayout layout, Func<ExerciseLocation, LevelLocation?>? lastTested = null)
    {
        _layout = layout;
        _lastTested = lastTested ?? (_ => null);
    }

    /// <summary>How to begin <paramref name="location"/>: its README, its level folders, and the <c>dotnet test</c> to run in one.</summary>
    public IReadOnlyList<Line> ToBegin(ExerciseLocation location)
    {
        var id = location.Exercise.Id;
        var readme = _layout.RelativeToRoot(Path.Combine(location.ExerciseDirectory, "README.md"));
        if (location.Levels.Count == 0)
            return [new($"Read [bold]{Markup.Escape(readme)}[/].")];
        var first = location.Levels[0];
        var levels = string.Join(", ", location.Levels.Select(l => l.Name));
        return
        [
            new($"Read [bold]{Markup.Escape(readme)}[/], pick a level ({Markup.Escape(levels)}: the higher, the more help), and run its tests in its folder:"),
            new($"  [bold]cd {Markup.Escape(_layout.RelativeToRoot(first.Directory))} && dotnet test[/]", IsCommand: true),
            new("Then grade the level you ran them in, with the hidden tests too (from the repository's root):"),
            new($"  [bold]{GraderCommand.Name} check {Markup.Escape(id)}[/]", IsCommand: true),
            new("[grey]Or a level as it is, even one whose tests you have not run:[/]"),
            new($"  [grey]{GraderCommand.Name} check {Markup.Escape(id)} --level {Markup.Escape(first.Name)}[/]", IsCommand: true),
        ];
    }

    /// <summary>What to do after reading <paramref name="report"/>: where to begin, or the exercise and step the learner is on.</summary>
    public IReadOnlyList<Line> After(GradeReport report)
    {
        var exercises = report.Releases.SelectMany(r => r.Exercises).ToList();
        if (_layout.GradeSolutions || exercises.Count == 0)
            return [new($"[grey]Details of one exercise: {GraderCommand.Name} check <exercise>{(_layout.GradeSolutions ? " --solutions" : "")}[/]")];

        var tested = exercises.Where(e => e.Status == ExerciseStatus.NotStarted)
            .Select(e => (Exercise: e, Level: TryFind(e.Id) is { } location ? _lastTested(location) : null))
            .FirstOrDefault(x => x.Level is not null);
        if (exercises.All(e => e.Status == ExerciseStatus.NotStarted) && tested.Level is null)
            return [new($"[bold]Where to begin:[/] {Describe(exercises[0])}."), .. ToBegin(_layout.Find(exercises[0].Id))];

        if (exercises.FirstOrDefault(e => e.Status is not (ExerciseStatus.Passed or ExerciseStatus.NotStarted)) is { } current)
        {
            var level = current.Level is null ? "" : $" at level {Markup.Escape(current.Level)}";
            var step = current.CurrentStep is int s ? $", step {s}" : "";
            var id = Markup.Escape(current.Id);
            return
            [
                new($"[bold]Next:[/] {Describe(current)}{level}{step}. Its failing tests and a hint; or the same on every save:"),
                new($"  [bold]{GraderCommand.Name} check {id}[/]", IsCommand: true),
                new($"  [bold]{GraderCommand.Name} watch {id}[/]", IsCommand: true),
            ];
        }

        if (tested.Level is { } testedLevel)
        {
            var id = Markup.Escape(tested.Exercise.Id);
            return
            [
                new($"[bold]Next:[/] {Describe(tested.Exercise)}: you ran its tests at level {Markup.Escape(testedLevel.Name)}, whose files are still the starter's. "
                    + "Its failing tests and a hint; or the same on every save:"),
                new($"  [bold]{GraderCommand.Name} check {id}[/]", IsCommand: true),
                new($"  [bold]{GraderCommand.Name} watch {id}[/]", IsCommand: true),
            ];
        }

        if (exercises.FirstOrDefault(e => e.Status == ExerciseStatus.NotStarted) is { } next)
            return [new($"[bold]Next:[/] {Describe(next)}."), .. ToBegin(_layout.Find(next.Id))];

        return [new("[green]Every exercise passes.[/] The solutions are in solutions/, to compare with yours.")];
    }

    /// <summary>Writes <paramref name="lines"/>: prose wrapped between words, commands whole.</summary>
    public static void Write(IAnsiConsole console, IEnumerable<Line> lines)
    {
        foreach (var line in lines)
        {
            if (line.IsCommand)
                console.Write(new Unwrapped(line.Markup));
            else
                console.MarkupLine(line.Markup);
        }
    }

    private ExerciseLocation? TryFind(string id) =>
        _layout.Manifest.AllExercises.Where(x => x.Exercise.Id == id).Select(x => _layout.Locate(x.Release, x.Exercise)).FirstOrDefault();

    private static string Describe(ExerciseReport exercise) => $"[bold]{Markup.Escape(exercise.Id)}[/] ({Markup.Escape(exercise.Title)})";
}
