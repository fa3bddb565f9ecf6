namespace Grader.Running;

/// <summary>How long and how much a learner's tests may take.</summary>
/// <param name="TestTimeout">How long one test (or one fixture's set-up) may run (default 10 s).</param>
/// <param name="ExerciseTimeout">How long all tests of one level may run together (default 120 s).</param>
/// <param name="StartupTimeout">How long a test process may take to connect, load and announce its tests, or stay silent between tests.</param>
/// <param name="MemoryLimitMb">The managed heap a test process may use, in MB (default 1024); past it, the test crashes with "ran out of memory".</param>
internal sealed record RunLimits(TimeSpan TestTimeout, TimeSpan ExerciseTimeout, TimeSpan StartupTimeout, int MemoryLimitMb = 1024)
{
    /// <summary>The defaults: 10 s per test, 60 s per exercise, 30 s to start, 1 GB of heap.</summary>
    public static RunLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(30));
}
