using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grader.Building;
using Grader.Reporting;

namespace Grader.Running;

/// <summary>
/// Remembers the test results of a build, so grading code that did not change takes no test process at all. The
/// key is the build's own key (a hash of every source, reference and the grader's version) plus the limits.
/// Only clean runs are kept: a timeout or a crash may depend on how busy the machine was, so it is always run again.
/// </summary>
internal sealed class ResultCache
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly string _directory;
    private readonly string _limits;

    public ResultCache(string workDirectory, RunLimits limits)
    {
        _directory = Path.Combine(workDirectory, "results");
        _limits = limits.ToString();
    }

    /// <summary>The results stored for <paramref name="build"/>, or null.</summary>
    public TestRunOutcome? TryGet(BuildResult build)
    {
        var file = FileFor(build);
        if (file is null || !File.Exists(file))
            return null;
        try
        {
            return JsonSerializer.Deserialize<TestRunOutcome>(File.ReadAllText(file), s_options);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null; // a damaged entry is a miss, never an error
        }
    }

    /// <summary>Keeps <paramref name="outcome"/> when it is worth keeping (every test ran to a verdict).</summary>
    public void Store(BuildResult build, TestRunOutcome outcome)
    {
        var file = FileFor(build);
        if (file is null || outcome.Problem is not null || outcome.Tests.Count == 0
            || outcome.Tests.Any(t => t.Status is TestStatus.Timeout or TestStatus.Crash))
            return;
        Directory.CreateDirectory(_directory);
        var staging = $"{file}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(staging, JsonSerializer.Serialize(outcome, s_options));
        File.Move(staging, file, overwrite: true);
    }

    private string? FileFor(BuildResult build)
    {
        if (build.VisibleAssembly is null)
            return null;
        var buildKey = Path.GetFileName(Path.GetDirectoryName(build.VisibleAssembly)!);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(buildKey + "\0" + _limits)))[..32];
        return Path.Combine(_directory, key + ".json");
    }
}
