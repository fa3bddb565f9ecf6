using System.Text.RegularExpressions;

namespace Grader.Course;

/// <summary>
/// The hints of one exercise, parsed from <c>hints.md</c>: <c>## Step N: title</c> sections, each with numbered hints,
/// least revealing first. Indented lines continue the hint above them (joined as one paragraph, as markdown would).
/// </summary>
internal sealed partial class HintBook
{
    private readonly SortedDictionary<int, IReadOnlyList<string>> _steps;

    private HintBook(SortedDictionary<int, IReadOnlyList<string>> steps) => _steps = steps;

    /// <summary>The step numbers that have hints, in order.</summary>
    public IEnumerable<int> Steps => _steps.Keys;

    /// <summary>The hints of a step, least revealing first; empty if the step has none.</summary>
    public IReadOnlyList<string> For(int step) => _steps.TryGetValue(step, out var hints) ? hints : [];

    /// <summary>An empty book, for exercises without <c>hints.md</c>.</summary>
    public static HintBook Empty { get; } = new([]);

    /// <summary>Reads <paramref name="path"/>, or returns <see cref="Empty"/> when it does not exist.</summary>
    public static HintBook Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    /// <summary>Parses the markdown text of a hints file.</summary>
    public static HintBook Parse(string markdown)
    {
        var steps = new SortedDictionary<int, IReadOnlyList<string>>();
        List<string>? current = null;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var heading = StepHeading().Match(line);
            if (heading.Success)
            {
                current = [];
                steps[int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] = current;
                continue;
            }

            if (line.StartsWith('#'))
            {
                current = null; // a section that is not a step ends the step above
                continue;
            }

            if (current is null)
                continue;
            var item = NumberedItem().Match(line);
            if (item.Success)
                current.Add(item.Groups[1].Value.Trim());
            else if (current.Count > 0 && line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0)
                current[^1] = current[^1] + " " + line.Trim(); // markdown: a wrapped line continues the paragraph
        }

        return new HintBook(steps);
    }

    [GeneratedRegex(@"^##\s+Step\s+(\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"^\d+\.\s+(.*)$")]
    private static partial Regex NumberedItem();
}
