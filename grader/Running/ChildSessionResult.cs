namespace Grader.Running;

/// <summary>What happened to one test process: how it ended, the test it was running, and what it printed.</summary>
internal sealed record ChildSessionResult(
    ChildSessionEnd End,
    RunnerEvent? RunningTest,
    RunnerEvent? RunningFixture,
    TimeSpan RunningFor,
    int? ExitCode,
    string StandardOutput,
    string StandardError);
