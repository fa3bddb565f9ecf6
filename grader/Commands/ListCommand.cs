using System.CommandLine;
using Grader.Reporting;

namespace Grader.Commands;

/// <summary><c>list</c>: every exercise in course order with its status and level.</summary>
internal static class ListCommand
{
    /// <summary>The <c>list</c> command.</summary>
    public static Command Create(CommandEnvironment environment, GradingOptions options)
    {
        var command = new Command("list", "List every exercise in course order with its status and level.");
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var session = GradingSession.Open(environment, options.Read(result, environment.CurrentDirectory));
            var report = await session.GradeAsync(include: null, cancellationToken);
            await session.WriteAsync(report, console => ListReport.Render(console, report), cancellationToken);
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
