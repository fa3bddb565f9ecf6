using System.CommandLine;
using Grader.Course;

namespace Grader.Commands;

/// <summary>
/// The grader's command line: builds the command tree and runs it, turning known failures into named exit codes
/// and messages that say what to do. Later commands (hint, watch, reset) are one file and one line here each.
/// </summary>
internal static class GraderCli
{
    /// <summary>The root command (grading, when no command is given) with every subcommand.</summary>
    public static RootCommand Create(CommandEnvironment environment)
    {
        var options = new GradingOptions();
        var root = new RootCommand("Grades the OTP-in-C# exercises: your code against the visible and the hidden tests.");
        GradeCommand.Configure(root, environment, options);
        root.Subcommands.Add(GradeCommand.Create(environment, options));
        root.Subcommands.Add(CheckCommand.Create(environment, options));
        root.Subcommands.Add(ListCommand.Create(environment, options));
        root.Subcommands.Add(WatchCommand.Create(environment, options));
        root.Subcommands.Add(HintCommand.Create(environment, options));
        root.Subcommands.Add(ResetCommand.Create(environment));
        root.Subcommands.Add(StartersCommand.Create(environment));
        root.Subcommands.Add(NewCommand.Create(environment));
        root.Subcommands.Add(RunTestsCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CommandEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parse = Create(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await environment.Error.WriteLineAsync($"error: {error.Message}");
            await environment.Error.WriteLineAsync("Run with --help to see the commands and options.");
            return (int)ExitCode.UsageError;
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
            };
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (UsageException e)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message}");
            return (int)ExitCode.UsageError;
        }
        catch (CourseException e)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message}");
            return (int)ExitCode.CourseError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("Cancelled: grading stopped before it finished, so there is no report.");
            return (int)ExitCode.Cancelled;
        }
        catch (Exception e)
        {
            await environment.Error.WriteLineAsync($"The grader failed; this is a bug in the grader, not in your code. Please report it with this text:\n{e}");
            return (int)ExitCode.InternalError;
        }
    }
}
