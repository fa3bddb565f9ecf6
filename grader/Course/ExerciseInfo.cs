using System.Text.Json.Serialization;

namespace Grader.Course;

/// <summary>One exercise: its id (folder name), title, project (namespace and assembly) and, optionally, its hidden suite folder.</summary>
internal sealed record ExerciseInfo
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Project { get; init; } = "";

    /// <summary>The hidden suite folder relative to the repository root; by default <c>grader/suites/&lt;id&gt;</c>.</summary>
    [JsonPropertyName("suite")]
    public string? Suite { get; init; }
}
