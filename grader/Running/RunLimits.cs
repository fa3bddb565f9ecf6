namespace Grader.Running;

/// <summary>How long tests may take before the grader stops them.</summary>
/// <param name="TestTimeout">One test's limit (default 10 s); the test is then marked <c>timeout</c>.</param>
/// <param name="ExerciseTimeout">All tests of one level together (default 60 s).</param>
/// <param name="StartupTimeout">How long a test process may take to connect, load and announce its tests, or stay silent between tests.</param>
internal sealed record RunLimits(TimeSpan TestTimeout, TimeSpan ExerciseTimeout, TimeSpan StartupTimeout)
{
    /// <summary>The defaults: 10 s per test, 60 s per exercise, 30 s to start.</summary>
    public static RunLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
}
