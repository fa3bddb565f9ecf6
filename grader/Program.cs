using Grader.Commands;
using Spectre.Console;

// The only place that touches the real console: everything else receives it through CommandEnvironment,
// so the CLI's own tests run it in process with captured writers.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// Output written to a file or a pipe gets plain text: no colours or cursor moves in a saved report or a CI log.
var console = Console.IsOutputRedirected
    ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No })
    : AnsiConsole.Console;

var environment = new CommandEnvironment(
    console,
    Console.Out,
    Console.Error,
    TimeProvider.System,
    Directory.GetCurrentDirectory(),
    GitHubActions: Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true",
    Input: ConsoleKeyInput.IsAvailable() ? new ConsoleKeyInput() : null);
return await GraderCli.RunAsync(args, environment, cancellation.Token);
