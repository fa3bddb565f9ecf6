using Spectre.Console;
using Spectre.Console.Rendering;

namespace Grader.Reporting;

/// <summary>
/// A line (its line break included) the console never breaks: an identifier (a test's name, a file and line, a command to copy) cut in two at the
/// terminal's width cannot be searched for or pasted. The line is written whole; a terminal narrower than the line
/// wraps it visually, which leaves the text itself intact (and a file or a pipe gets it on one line).
/// </summary>
internal sealed class Unwrapped : IRenderable
{
    // Wide enough for any line a report writes, small enough that Spectre's layout arithmetic cannot overflow.
    private const int Unlimited = 100_000;
    private readonly IRenderable _line;

    /// <param name="markup">One line of Spectre markup.</param>
    public Unwrapped(string markup) => _line = new Markup(markup);

    public Measurement Measure(RenderOptions options, int maxWidth) => _line.Measure(options, Unlimited);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        _line.Render(options, Unlimited).Append(Segment.LineBreak);
}
