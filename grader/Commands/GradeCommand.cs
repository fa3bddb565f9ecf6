using System.CommandLine;
using Grader.Reporting;

namespace Grader.Commands;

/// <summary><c>grade</c> (also what runs with no command): grades every exercise the learner started and shows progress per release.</summary>
internal static class GradeCommand
{
    /// <summary>The <c>grade</c> command.</summary>
    public static Command Create(CommandEnvironment environment, GradingOptions options)
    {
        var command = new Command("grade", "Grade every exercise you have started (visible and hidden tests) and show progress per release.");
        Configure(command, environment, options);
        return command;
    }

    /// <summary>Makes <paramref name="command"/> grade; the root command uses this too, so no command means <c>grade</c>.</summary>
    public static void Configure(Command command, CommandEnvironment environment, GradingOptions options)
    {
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var session = GradingSession.Open(environment, options.Read(result, environment.CurrentDirectory));
            var report = await session.GradeAsync(include: null, cancellationToken);
            await session.WriteAsync(report, console => ConsoleReport.Render(console, report, session.Layout.Manifest.Title, new NextStep(session.Layout, LastTestedLevel.Find).After(report)), cancellationToken);
            return (int)ExitCode.Ok;
        });
    }
}
