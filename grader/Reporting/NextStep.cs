using Grader.Course;
using Spectre.Console;

namespace Grader.Reporting;

/// <summary>
/// What the learner should do next, in words and exact commands: where to begin on an untouched course, and which
/// exercise and step they are on once they have begun. Lines are Spectre markup.
/// </summary>
internal sealed class NextStep
{
    private readonly CourseLayout _layout;

    public NextStep(CourseLayout layout) => _layout = layout;

    /// <summary>How to begin <paramref name="location"/>: its README, its level folders, and the <c>dotnet test</c> to run in one.</summary>
    public IReadOnlyList<string> ToBegin(ExerciseLocation location)
    {
        var id = location.Exercise.Id;
        var readme = _layout.RelativeToRoot(Path.Combine(location.ExerciseDirectory, "README.md"));
        if (location.Levels.Count == 0)
            return [$"Read [bold]{Markup.Escape(readme)}[/]."];
        var first = location.Levels[0];
        var levels = string.Join(", ", location.Levels.Select(l => l.Name));
        // Commands stand on lines of their own, so that no terminal width breaks one in two.
        return
        [
            $"Read [bold]{Markup.Escape(readme)}[/], pick a level ({Markup.Escape(levels)}: the higher, the more help), and run its tests in its folder:",
            $"  [bold]cd {Markup.Escape(_layout.RelativeToRoot(first.Directory))} && dotnet test[/]",
            "Then grade the level you ran them in, with the hidden tests too (from the repository's root):",
            $"  [bold]{GraderCommand.Name} check {Markup.Escape(id)}[/]",
            "[grey]Or a level as it is, even one whose tests you have not run:[/]",
            $"  [grey]{GraderCommand.Name} check {Markup.Escape(id)} --level {Markup.Escape(first.Name)}[/]",
        ];
    }

    /// <summary>What to do after reading <paramref name="report"/>: where to begin, or the exercise and step the learner is on.</summary>
    public IReadOnlyList<string> After(GradeReport report)
    {
        var exercises = report.Releases.SelectMany(r => r.Exercises).ToList();
        if (_layout.GradeSolutions || exercises.Count == 0)
            return [$"[grey]Details of one exercise: {GraderCommand.Name} check <exercise>{(_layout.GradeSolutions ? " --solutions" : "")}[/]"];

        if (exercises.All(e => e.Status == ExerciseStatus.NotStarted))
            return [$"[bold]Where to begin:[/] {Describe(exercises[0])}.", .. ToBegin(_layout.Find(exercises[0].Id))];

        if (exercises.FirstOrDefault(e => e.Status is not (ExerciseStatus.Passed or ExerciseStatus.NotStarted)) is { } current)
        {
            var level = current.Level is null ? "" : $" at level {Markup.Escape(current.Level)}";
            var step = current.CurrentStep is int s ? $", step {s}" : "";
            var id = Markup.Escape(current.Id);
            return
            [
                $"[bold]Next:[/] {Describe(current)}{level}{step}. Its failing tests and a hint; or the same on every save:",
                $"  [bold]{GraderCommand.Name} check {id}[/]",
                $"  [bold]{GraderCommand.Name} watch {id}[/]",
            ];
        }

        if (exercises.FirstOrDefault(e => e.Status == ExerciseStatus.NotStarted) is { } next)
            return [$"[bold]Next:[/] {Describe(next)}.", .. ToBegin(_layout.Find(next.Id))];

        return ["[green]Every exercise passes.[/] The solutions are in solutions/, to compare with yours."];
    }

    private static string Describe(ExerciseReport exercise) => $"[bold]{Markup.Escape(exercise.Id)}[/] ({Markup.Escape(exercise.Title)})";
}
