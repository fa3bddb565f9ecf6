using System.CommandLine;
using Grader.Course;
using Grader.Reporting;
using Grader.Watching;
using Spectre.Console;

namespace Grader.Commands;

/// <summary>
/// <c>watch [&lt;exercise&gt;]</c>: grades one exercise on every save and shows the test to work on next with a hint.
/// Without an exercise, starts at the first one in course order that does not pass yet.
/// </summary>
internal static class WatchCommand
{
    /// <summary>How long the files must be quiet after a save before grading (editors write a file in several steps).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    /// <summary>The <c>watch</c> command.</summary>
    public static Command Create(CommandEnvironment environment, GradingOptions options)
    {
        var exercise = new Argument<string?>("exercise") { Description = "The exercise to start with (default: the first that does not pass yet).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("watch", "Re-grade the exercise you are working on every time you save: the failing test, its message and a hint (keys: n next, h hint, r re-run, q quit).") { exercise };
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var session = GradingSession.Open(environment, options.Read(result, environment.CurrentDirectory));
            var start = result.GetValue(exercise) is { } id ? session.Layout.Find(id) : await FirstUnfinishedAsync(session, environment, cancellationToken);
            var loop = new WatchLoop(session.Layout, session.Settings, environment, session.HintStateFile, Quiet);
            try
            {
                await loop.RunAsync(start, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C is how a watch without a keyboard ends: not an error.
            }

            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static async Task<ExerciseLocation> FirstUnfinishedAsync(GradingSession session, CommandEnvironment environment, CancellationToken cancellationToken)
    {
        // Grading the whole course can take a while on a busy machine: say what is happening before it starts.
        environment.Console.MarkupLine("[grey]Grading the course to find the first exercise that does not pass yet…[/]");
        var report = await session.GradeAsync(include: null, cancellationToken);
        var exercises = report.Releases.SelectMany(r => r.Exercises).ToList();
        var first = exercises.FirstOrDefault(e => e.Status is not (ExerciseStatus.Passed or ExerciseStatus.NotStarted))
            ?? exercises.FirstOrDefault(e => e.Status == ExerciseStatus.NotStarted)
            ?? exercises.First();
        return session.Layout.Find(first.Id);
    }
}
