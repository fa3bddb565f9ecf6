using Grader.Running;

namespace Grader.Grading;

/// <summary>Everything a grading run needs to know beyond the course itself.</summary>
/// <param name="Limits">Time and memory limits for tests.</param>
/// <param name="WorkDirectory">Where compiled output and scratch files go; null for <c>&lt;root&gt;/.grader</c>.</param>
/// <param name="Level">Grade only this level, even if untouched; null for every touched level.</param>
/// <param name="Parallelism">How many exercises are graded at the same time.</param>
/// <param name="ReuseResults">Reuse the test results of an earlier run when nothing that went into them changed.</param>
/// <param name="Sandboxed">Run learner code in the sandbox (bubblewrap), for grades that carry weight; the report says when it cannot.</param>
internal sealed record GradeSettings(
    RunLimits Limits,
    string? WorkDirectory = null,
    string? Level = null,
    int Parallelism = 0,
    bool ReuseResults = true,
    bool Sandboxed = false)
{
    /// <summary>
    /// The default parallelism: one exercise per core (at least two, so one exercise's test process starting up
    /// overlaps another's compilation). More measured barely faster on 2 cores and starves timing-sensitive tests
    /// of the CPU they need to meet their own limits when the machine is busy.
    /// </summary>
    public static int DefaultParallelism => Math.Clamp(Environment.ProcessorCount, 2, 8);

    /// <summary><see cref="Parallelism"/>, or the default when it is not set.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : DefaultParallelism;
}
