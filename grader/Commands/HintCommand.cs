using System.CommandLine;
using Grader.Course;
using Grader.Reporting;
using Spectre.Console;

namespace Grader.Commands;

/// <summary>
/// <c>hint &lt;exercise&gt;</c>: the next hint of the step the learner is on (the lowest step with a failing visible
/// test). Each call shows one more hint of that step, least revealing first; <c>--step</c> picks another step.
/// </summary>
internal static class HintCommand
{
    /// <summary>The <c>hint</c> command.</summary>
    public static Command Create(CommandEnvironment environment, GradingOptions options)
    {
        var exercise = new Argument<string>("exercise") { Description = "The exercise id, for example 01-processes." };
        var step = new Option<int?>("--step") { HelpName = "n", Description = "Show the next hint of this step instead of the step you are on." };
        var command = new Command("hint", "Show the next hint for the step you are on (ask again for a more direct one).") { exercise, step };
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var arguments = options.Read(result, environment.CurrentDirectory);
            var session = GradingSession.Open(environment, arguments);
            var location = session.Layout.Find(result.GetValue(exercise)!);
            var hints = HintBook.Load(location.HintsFile);
            var chosen = result.GetValue(step);
            if (chosen is null)
            {
                var graded = await GradeOneAsync(session, location, cancellationToken);
                if (graded.Status == ExerciseStatus.NotStarted && arguments.Level is null && !arguments.Solutions
                    && LastTestedLevel.Find(location) is { } tested)
                {
                    // Untouched but tested: the step is the one that level's tests are at, as check grades it.
                    graded = await GradeOneAsync(GradingSession.Open(environment, arguments with { Level = tested.Name }), location, cancellationToken);
                }

                chosen = graded.CurrentStep
                    ?? (graded.Status == ExerciseStatus.NotStarted ? hints.Steps.FirstOrDefault() : CheckReport.HiddenStep(graded));
                if (chosen is null)
                {
                    environment.Console.MarkupLine(graded.Status == ExerciseStatus.Passed
                        ? "[green]Every test passes[/]: no hint needed. On to the next exercise!"
                        : "Every visible test passes; the failing tests are hidden ones. Run [bold]check[/] to see them, and reread the README's edge cases.");
                    return (int)ExitCode.Ok;
                }
            }

            Show(environment.Console, location, hints, chosen.Value, HintState.Load(session.HintStateFile));
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static async Task<ExerciseReport> GradeOneAsync(GradingSession session, ExerciseLocation location, CancellationToken cancellationToken)
    {
        var report = await session.GradeAsync(l => l.Exercise.Id == location.Exercise.Id, cancellationToken);
        return report.Releases.SelectMany(r => r.Exercises).Single();
    }

    /// <summary>Shows the next unseen hint of <paramref name="step"/> and records it; once all were seen, says so.</summary>
    public static void Show(IAnsiConsole console, ExerciseLocation location, HintBook hints, int step, HintState state)
    {
        var all = hints.For(step);
        if (all.Count == 0)
        {
            console.MarkupLine($"No hints for step {step} of {Markup.Escape(location.Exercise.Id)} yet: the README's step {step} is the place to look.");
            return;
        }

        if (state.Next(location.Exercise.Id, step, all) is not int index)
        {
            console.MarkupLine($"[bold]No more hints for step {step}[/]: you have seen all {all.Count}. The last one was: {Markup.Escape(all[^1])}");
            console.MarkupLine($"[grey]{NoMoreHints(location, step)}[/]");
            return;
        }

        console.MarkupLine($"[bold]Step {step}, hint {index + 1} of {all.Count}:[/] {Markup.Escape(all[index])}");
        if (index + 1 < all.Count)
            console.MarkupLine("[grey]Still stuck? Ask again for a more direct hint.[/]");
        else
            console.MarkupLine($"[grey]That was the last hint for step {step}; the full answer is in solutions/{Markup.Escape(location.Key)}/.[/]");
    }

    /// <summary>What is left once every hint of a step was seen (plain text, no markup).</summary>
    public static string NoMoreHints(ExerciseLocation location, int step) =>
        $"The README's step {step} and the `TODO Step {step}` comments of level 2-guided say more; the full answer is in solutions/{location.Key}/.";
}
