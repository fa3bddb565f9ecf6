using Grader.Watching;
using Microsoft.Extensions.Time.Testing;

namespace Grader.Tests.Unit;

[CancelAfter(10_000)]
public class ChangeDebouncerTests
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(200);

    [Test]
    public async Task A_burst_of_saves_is_one_change_once_the_files_are_quiet(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var debouncer = new ChangeDebouncer(s_quiet, time);

        debouncer.Changed("a.cs");
        var next = debouncer.NextAsync(cancellationToken);
        time.Advance(TimeSpan.FromMilliseconds(150));
        debouncer.Changed("b.cs");
        debouncer.Changed("a.cs");
        time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.That(next.IsCompleted, Is.False, "the second save restarted the quiet period");

        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.That(await next, Is.EqualTo(new[] { "a.cs", "b.cs" }));
    }

    [Test]
    public async Task Nothing_happens_until_something_changes(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var debouncer = new ChangeDebouncer(s_quiet, time);
        var next = debouncer.NextAsync(cancellationToken);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(next.IsCompleted, Is.False);

        debouncer.Changed("a.cs");
        time.Advance(s_quiet);
        Assert.That(await next, Is.EqualTo(new[] { "a.cs" }));
    }
}
