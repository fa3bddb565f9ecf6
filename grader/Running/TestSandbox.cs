namespace Grader.Running;

/// <summary>
/// What the test processes run in: <c>bubblewrap</c> where a grade carries weight (CI, <c>--sandbox</c>) and
/// bubblewrap can create namespaces on this machine, <c>none</c> otherwise. When a sandbox was asked for and cannot
/// be had, <see cref="Problem"/> says why, and the report says so.
/// </summary>
/// <param name="Name">What the report's <c>sandbox</c> field says: <c>bubblewrap</c> or <c>none</c>.</param>
/// <param name="BwrapPath">The bwrap program when the sandbox is on; null when it is off.</param>
/// <param name="Problem">Why there is no sandbox although one was asked for; null otherwise.</param>
internal sealed record TestSandbox(string Name, string? BwrapPath, string? Problem)
{
    /// <summary>The report's name for a bubblewrap sandbox.</summary>
    public const string BubblewrapName = "bubblewrap";

    /// <summary>The report's name for no sandbox.</summary>
    public const string NoneName = "none";

    /// <summary>No sandbox, and none asked for (local grading, where the learner grades their own code).</summary>
    public static TestSandbox Off { get; } = new(NoneName, null, null);

    /// <summary>True when test processes run inside bubblewrap.</summary>
    public bool IsOn => BwrapPath is not null;

    /// <summary>The sandbox when <paramref name="wanted"/> (bubblewrap, if it works here), otherwise <see cref="Off"/>.</summary>
    public static TestSandbox For(bool wanted) => wanted ? Bubblewrap.Available : Off;

    /// <summary>The line the report shows about the sandbox, or null when none was asked for.</summary>
    public string? Note => IsOn
        ? "learner code ran sandboxed (bubblewrap): each test process could write only to a scratch folder of its own, saw no other process and no network, and nothing it started outlived it."
        : Problem is null ? null : $"learner code ran WITHOUT a sandbox: {Problem}";
}
