using Spectre.Console;

namespace Grader.Commands;

/// <summary>
/// What commands talk to: the console for people, plain writers for machine output and errors, the clock and the
/// directory the grader was started in. Program.cs passes the real ones; tests pass captured ones.
/// </summary>
/// <param name="Console">Tables, bars and colours.</param>
/// <param name="Out">Machine-readable output (<c>--format json</c>), never wrapped or coloured.</param>
/// <param name="Error">Error messages.</param>
/// <param name="Time">The clock for time limits.</param>
/// <param name="CurrentDirectory">Where the search for course.json starts.</param>
/// <param name="GitHubActions">True inside a GitHub Actions job (GITHUB_ACTIONS=true): failures are also written as annotations.</param>
/// <param name="Input">Key presses for <c>watch</c> and answers for <c>reset</c>; null when standard input is not a terminal.</param>
internal sealed record CommandEnvironment(
    IAnsiConsole Console, TextWriter Out, TextWriter Error, TimeProvider Time, string CurrentDirectory,
    bool GitHubActions = false, IKeyInput? Input = null);
