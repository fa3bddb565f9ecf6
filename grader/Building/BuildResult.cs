using Grader.Reporting;

namespace Grader.Building;

/// <summary>
/// The outcome of compiling one level: the learner's code with the visible tests (assembly A) and the hidden
/// suite against it (assembly B). Stored as JSON in the cache so an unchanged level is not compiled again.
/// </summary>
internal sealed record BuildResult
{
    public required bool Success { get; init; }

    /// <summary>Assembly A: the level's code and the visible tests.</summary>
    public string? VisibleAssembly { get; init; }

    /// <summary>Assembly B: the hidden suite; null when the exercise has none.</summary>
    public string? HiddenAssembly { get; init; }

    /// <summary>What went wrong, in words, when <see cref="Success"/> is false.</summary>
    public string Message { get; init; } = "";

    /// <summary>Compiler errors, paths relative to the repository root.</summary>
    public IReadOnlyList<DiagnosticReport> Diagnostics { get; init; } = [];

    /// <summary>True when this result came from the cache.</summary>
    public bool FromCache { get; init; }
}
