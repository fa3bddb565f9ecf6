using Grader.Course;

namespace Grader.Tests.Unit;

public class HintBookTests
{
    private const string Markdown = """
        # Hints: Processes

        ## Step 1: A mailbox
        1. First, gentle hint.
        2. A more direct hint.
        3. Nearly the answer.
           It runs over several lines
           when they are indented.

        ## Step 2: Receive with a timeout
        1. Think about `TimeProvider`.
        2. Use a `CancellationTokenSource`.

        ## Further reading
        1. Not a hint.
        """;

    [Test]
    public void Hints_are_grouped_by_step_in_order()
    {
        var book = HintBook.Parse(Markdown);
        Assert.That(book.Steps, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(book.For(1), Has.Count.EqualTo(3));
        Assert.That(book.For(1)[0], Is.EqualTo("First, gentle hint."));
        Assert.That(book.For(2)[1], Is.EqualTo("Use a `CancellationTokenSource`."));
    }

    [Test]
    public void Indented_lines_continue_the_hint_above()
    {
        Assert.That(HintBook.Parse(Markdown).For(1)[2], Is.EqualTo("Nearly the answer. It runs over several lines when they are indented."));
    }

    [Test]
    public void A_section_that_is_not_a_step_ends_the_step_above()
    {
        Assert.That(HintBook.Parse(Markdown).For(2), Has.Count.EqualTo(2));
    }

    [Test]
    public void Windows_line_endings_parse_the_same()
    {
        Assert.That(HintBook.Parse(Markdown.ReplaceLineEndings("\r\n")).For(1)[2], Is.EqualTo(HintBook.Parse(Markdown).For(1)[2]));
    }

    [Test]
    public void A_step_without_hints_has_none()
    {
        Assert.That(HintBook.Parse(Markdown).For(7), Is.Empty);
        Assert.That(HintBook.Load("/no/such/hints.md").Steps, Is.Empty);
    }
}
