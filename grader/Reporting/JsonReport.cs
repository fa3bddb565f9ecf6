using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grader.Reporting;

/// <summary>Writes the report as JSON: camelCase names, statuses as the kebab-case strings of the schema.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report as indented JSON with LF line endings.</summary>
    public static string Serialize(GradeReport report) =>
        JsonSerializer.Serialize(report, s_options).ReplaceLineEndings("\n") + "\n";

    /// <summary>Reads a report back (for tests and tools that post-process it).</summary>
    public static GradeReport? Deserialize(string json) => JsonSerializer.Deserialize<GradeReport>(json, s_options);
}
