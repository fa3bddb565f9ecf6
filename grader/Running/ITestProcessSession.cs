namespace Grader.Running;

/// <summary>
/// One test process from start to end. <see cref="ChildSession"/> is the real one; tests of the restart logic in
/// <see cref="TestProcessRunner"/> script their own.
/// </summary>
internal interface ITestProcessSession
{
    /// <summary>
    /// Runs a test process with <paramref name="arguments"/>, reporting its events, until it ends or is stopped.
    /// <paramref name="inputs"/> are the files and folders it reads (what a sandbox must let it see).
    /// </summary>
    Task<ChildSessionResult> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyList<string> inputs, string workingDirectory, DateTimeOffset exerciseDeadline,
        Action<RunnerEvent> onEvent, CancellationToken cancellationToken);
}
