using System.Text.Json;

namespace Grader.Course;

/// <summary>
/// How many hints of each step the learner has seen, so asking again shows the next one. Kept in the grader's work
/// folder (<c>.grader/hints.json</c>), never in the learner's folders.
/// </summary>
internal sealed class HintState
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly string _path;
    private readonly Dictionary<string, int> _seen;

    private HintState(string path, Dictionary<string, int> seen)
    {
        _path = path;
        _seen = seen;
    }

    /// <summary>Reads the state, or starts afresh when there is none (or it is damaged: hints are not worth an error).</summary>
    public static HintState Load(string path)
    {
        try
        {
            var seen = File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path), s_options) : null;
            return new HintState(path, seen ?? []);
        }
        catch (JsonException)
        {
            return new HintState(path, []);
        }
    }

    /// <summary>How many hints of <paramref name="step"/> of <paramref name="exerciseId"/> were shown.</summary>
    public int Seen(string exerciseId, int step) => _seen.GetValueOrDefault(Key(exerciseId, step));

    /// <summary>Records that one more hint of the step was shown, and saves.</summary>
    public void MarkSeen(string exerciseId, int step, int count)
    {
        _seen[Key(exerciseId, step)] = count;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, JsonSerializer.Serialize(_seen, s_options));
    }

    /// <summary>
    /// The hint of <paramref name="step"/> to show now, when something shows the step's current hint (check, watch):
    /// the latest one seen, or the first, which is then recorded as seen so that <c>hint</c> moves on to the next.
    /// Returns the index of the hint in <paramref name="hints"/>, or null when the step has none.
    /// </summary>
    public int? Current(string exerciseId, int step, IReadOnlyList<string> hints)
    {
        if (hints.Count == 0)
            return null;
        var seen = Seen(exerciseId, step);
        if (seen == 0)
            MarkSeen(exerciseId, step, 1);
        return Math.Clamp(seen, 1, hints.Count) - 1;
    }

    /// <summary>
    /// Moves on to the next hint of <paramref name="step"/> and records it; null when every hint was seen already
    /// (the caller says so rather than repeating the last one).
    /// </summary>
    public int? Next(string exerciseId, int step, IReadOnlyList<string> hints)
    {
        var seen = Seen(exerciseId, step);
        if (seen >= hints.Count)
            return null;
        MarkSeen(exerciseId, step, seen + 1);
        return seen;
    }

    private static string Key(string exerciseId, int step) => $"{exerciseId}/step-{step}";
}
