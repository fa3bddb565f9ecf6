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

var environment = new CommandEnvironment(
    AnsiConsole.Console,
    Console.Out,
    Console.Error,
    TimeProvider.System,
    Directory.GetCurrentDirectory(),
    GitHubActions: Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true",
    Input: Console.IsInputRedirected ? null : new ConsoleKeyInput());
return await GraderCli.RunAsync(args, environment, cancellation.Token);
