using Grader.Running;

namespace Grader.Grading;

/// <summary>Everything a grading run needs to know beyond the course itself.</summary>
/// <param name="Limits">Time and memory limits for tests.</param>
/// <param name="WorkDirectory">Where compiled output and scratch files go; null for <c>&lt;root&gt;/.grader</c>.</param>
/// <param name="Level">Grade only this level, even if untouched; null for every touched level.</param>
/// <param name="Parallelism">How many exercises are graded at the same time.</param>
/// <param name="ReuseResults">Reuse the test results of an earlier run when nothing that went into them changed.</param>
internal sealed record GradeSettings(
    RunLimits Limits,
    string? WorkDirectory = null,
    string? Level = null,
    int Parallelism = 0,
    bool ReuseResults = true)
{
    /// <summary>
    /// The default parallelism: the tests of an exercise mostly wait (for replies, timers, process start-up), so
    /// two exercises per core keep the machine busy without starving any test of the CPU it needs to meet its limit.
    /// </summary>
    public static int DefaultParallelism => Math.Clamp(Environment.ProcessorCount * 2, 2, 8);

    /// <summary><see cref="Parallelism"/>, or the default when it is not set.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : DefaultParallelism;
}
