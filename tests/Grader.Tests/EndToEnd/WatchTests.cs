using System.Threading.Channels;
using Grader.Commands;
using Grader.Course;
using Grader.Grading;
using Grader.Reporting;
using Grader.Running;
using Grader.Tests.Support;
using Grader.Watching;
using Spectre.Console;

namespace Grader.Tests.EndToEnd;

/// <summary>watch on a copy of the fixture course: real saves, real grading, scripted keys; the test awaits each grading.</summary>
[CancelAfter(60_000)]
public class WatchTests
{
    private sealed class ScriptedKeys : IKeyInput
    {
        private readonly Channel<char> _keys = Channel.CreateUnbounded<char>();

        public void Press(char key) => _keys.Writer.TryWrite(key);

        public Task<char> ReadKeyAsync(CancellationToken cancellationToken) => _keys.Reader.ReadAsync(cancellationToken).AsTask();
    }

    private static (WatchLoop Loop, CourseLayout Layout, StringWriter Console, ChannelReader<ExerciseReport> Graded) Watch(string root, IKeyInput? keys)
    {
        var layout = new CourseLayout(root, CourseManifest.Load(Path.Combine(root, "course.json")), solutions: false, suitesDirectory: null);
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(TextWriter.Synchronized(text)),
        });
        var environment = new CommandEnvironment(console, TextWriter.Null, TextWriter.Null, TimeProvider.System, root, Input: keys);
        var settings = new GradeSettings(RunLimits.Default with { TestTimeout = TimeSpan.FromSeconds(5), MemoryLimitMb = 256 }, TestPaths.NewTempDirectory());
        var graded = Channel.CreateUnbounded<ExerciseReport>();
        var loop = new WatchLoop(layout, settings, environment, Path.Combine(TestPaths.NewTempDirectory(), "hints.json"), TimeSpan.FromMilliseconds(100), r => graded.Writer.TryWrite(r));
        return (loop, layout, text, graded.Reader);
    }

    [Test]
    public async Task A_save_regrades_the_exercise_n_moves_on_h_shows_the_next_hint_and_q_quits(CancellationToken cancellationToken)
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var keys = new ScriptedKeys();
        var (loop, layout, console, graded) = Watch(root, keys);
        var watching = loop.RunAsync(layout.Find("02-fails"), cancellationToken);

        var first = await graded.ReadAsync(cancellationToken);
        Assert.That(first.Status, Is.EqualTo(ExerciseStatus.Failing));
        Assert.That(console.ToString(), Does.Contain("✗ Step1_Adding.Zero_is_neutral").And.Contain("Hint: (step 1, 1 of 2)"));

        keys.Press('h');
        keys.Press('r'); // re-run: a grading to await, after the hint was shown
        await graded.ReadAsync(cancellationToken);
        Assert.That(console.ToString(), Does.Contain("Hint: (step 1, 2 of 2) Addition, not subtraction."));
        Assert.That(console.ToString(), Does.Not.Contain("No more hints"));

        keys.Press('h'); // after the last hint: said, not silently repeated
        keys.Press('r');
        await graded.ReadAsync(cancellationToken);
        Assert.That(console.ToString(), Does.Contain("No more hints for step 1.").And.Contain("solutions/f1/02-fails/"));

        var code = Path.Combine(root, "exercises", "f1", "02-fails", "1-make-it-pass", "Calculator.cs");
        File.WriteAllText(code, File.ReadAllText(code).Replace(" + (b > 5 ? 1 : 0)", "", StringComparison.Ordinal));
        // An editor's save may reach the watcher as more than one burst; each is graded, the last one passes.
        var afterSave = await NextAsync(graded, r => r.Status == ExerciseStatus.Passed, cancellationToken);
        Assert.That(afterSave.Id, Is.EqualTo("02-fails"));

        keys.Press('n');
        var next = await NextAsync(graded, r => r.Id != "02-fails", cancellationToken);
        Assert.That(next.Id, Is.EqualTo("03-broken"));

        keys.Press('q');
        await watching;
        Assert.That(console.ToString(), Does.Contain("✓ Every test passes."));
    }

    private static async Task<ExerciseReport> NextAsync(ChannelReader<ExerciseReport> graded, Func<ExerciseReport, bool> wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var report = await graded.ReadAsync(cancellationToken);
            if (wanted(report))
                return report;
        }
    }

    [Test]
    public async Task Without_a_keyboard_it_regrades_on_saves_until_cancelled(CancellationToken cancellationToken)
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var (loop, layout, console, graded) = Watch(root, keys: null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = loop.RunAsync(layout.Find("01-passes"), stop.Token);

        Assert.That((await graded.ReadAsync(cancellationToken)).Status, Is.EqualTo(ExerciseStatus.Passed));
        Assert.That(console.ToString(), Does.StartWith("Watching exercises/f1/01-passes/ for saves; grading 01-passes…\n"), "a sign of life before the first grading");
        Assert.That(console.ToString(), Does.Contain("Ctrl+C to stop"));
        await stop.CancelAsync();
        Assert.That(async () => await watching, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task An_exercise_whose_levels_are_all_the_starters_is_watched_at_the_level_last_tested(CancellationToken cancellationToken)
    {
        var root = TestPaths.CopyOf(TestPaths.FixtureCourse);
        var output = Path.Combine(root, "exercises", "f1", "04-untouched", "2-guided", "obj", "project.assets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "{}"); // what dotnet test leaves behind
        var (loop, layout, _, graded) = Watch(root, keys: null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = loop.RunAsync(layout.Find("04-untouched"), stop.Token);

        var first = await graded.ReadAsync(cancellationToken);
        await stop.CancelAsync();

        Assert.That(first.Level, Is.EqualTo("2-guided"));
        Assert.That(first.Status, Is.EqualTo(ExerciseStatus.Failing));
        Assert.That(async () => await watching, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void At_80_columns_the_view_never_cuts_a_test_name_in_two()
    {
        const string name = "Step1_A_counter_behaviour.Decrement_replies_with_the_new_count_and_keeps_it_as_the_state_even_when_negative";
        var report = new ExerciseReport
        {
            Id = "02-behaviours", Title = "Behaviours", Status = ExerciseStatus.Failing, Level = "2-guided", CurrentStep = 1,
            Tests = [new TestReport { Name = name, Suite = TestSuite.Visible, Status = TestStatus.Error, Message = "Step 1: implement CounterBehaviour.Handle" }],
        };
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 80;

        console.Write(WatchView.Render(report, hint: null, TimeSpan.Zero, keys: true));

        var lines = text.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.That(lines, Has.All.Length.LessThanOrEqualTo(80));
        var named = lines.Where(l => l.Contains("Step1_A_counter_behaviour", StringComparison.Ordinal)).ToList();
        Assert.That(named, Has.Count.EqualTo(1), "one line, not two pieces");
        Assert.That(named[0].Trim(), Does.EndWith("…").And.Matches<string>(l => name.StartsWith(l.TrimStart('✗', ' ').TrimEnd('…'), StringComparison.Ordinal)),
            "the start of the name, then an ellipsis");
    }
}
