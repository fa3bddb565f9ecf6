using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Tests;

/// <summary>Step 5: the boundary refuses bad input with an ArgumentException before any process sees it.</summary>
public sealed class Step5_The_boundary_checks_its_input : QuizTest
{
    protected override int Step => 5;

    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_refuses_bad_arguments_before_starting_anything(CancellationToken cancellationToken)
    {
        var before = Node.Processes().Count;

        var noNode = Assert.ThrowsAsync<ArgumentNullException>(() => QuizService.StartAsync(null!, Questions, IdleTimeout), "Step 5: a null node is refused (see README, step 5).");
        Assert.That(noNode?.ParamName, Is.EqualTo("node"), "Step 5: the exception names the node (see README, step 5).");
        var noQuestions = Assert.ThrowsAsync<ArgumentNullException>(() => QuizService.StartAsync(Node, null!, IdleTimeout), "Step 5: null questions are refused (see README, step 5).");
        Assert.That(noQuestions?.ParamName, Is.EqualTo("questions"), "Step 5: the exception names the questions (see README, step 5).");
        var empty = Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [], IdleTimeout), "Step 5: a quiz with no question is refused (see README, step 5).");
        Assert.That(empty?.ParamName, Is.EqualTo("questions"), "Step 5: the exception names the questions (see README, step 5).");
        Assert.That(empty?.Message, Does.Contain("prompt").And.Contain("answer"), "Step 5: its message says what a quiz needs: a prompt and an answer to each question (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [Questions[0], null!], IdleTimeout), "Step 5: a null question is refused (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [new Question(" ", "honey")], IdleTimeout), "Step 5: a blank prompt is refused (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [new Question("What do bees make?", "")], IdleTimeout), "Step 5: an empty answer is refused (see README, step 5).");
        var zero = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => QuizService.StartAsync(Node, Questions, TimeSpan.Zero), "Step 5: an idle time-out of zero is refused (see README, step 5).");
        Assert.That(zero?.ParamName, Is.EqualTo("idleTimeout"), "Step 5: the exception names the idle time-out (see README, step 5).");
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => QuizService.StartAsync(Node, Questions, TimeSpan.FromSeconds(-1)), "Step 5: a negative idle time-out is refused (see README, step 5).");
        Assert.That(Node.Processes().Count, Is.EqualTo(before), "Step 5: refused arguments start no process: check them before the application starts (see README, step 5).");

        var service = await StartServiceAsync();
        Assert.That(service.App.IsRunning, Is.True, "Step 5: good arguments still start the service (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Bad_player_names_are_refused_before_any_session_starts(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var tooLong = new string('b', QuizService.MaxPlayerLength + 1);

        var noPlayer = Assert.ThrowsAsync<ArgumentNullException>(() => service.StartSessionAsync(null!), "Step 5: a null player is refused (see README, step 5).");
        Assert.That(noPlayer?.ParamName, Is.EqualTo("player"), "Step 5: the exception names the player (see README, step 5).");
        var blank = Assert.Throws<ArgumentException>(() => service.WhereIs(" "), "Step 5: a blank player is refused (see README, step 5).");
        Assert.That(blank?.ParamName, Is.EqualTo("player"), "Step 5: the exception names the player (see README, step 5).");
        Assert.That(blank?.Message, Does.Contain(QuizService.MaxPlayerLength.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "Step 5: its message gives the longest name allowed (see README, step 5).");
        foreach (var bad in new[] { "", "   ", tooLong })
        {
            Assert.ThrowsAsync<ArgumentException>(() => service.StartSessionAsync(bad), $"Step 5: StartSessionAsync refuses the player \"{bad}\" (blank, or longer than MaxPlayerLength) (see README, step 5).");
            Assert.ThrowsAsync<ArgumentException>(() => service.ProgressAsync(bad), $"Step 5: ProgressAsync refuses the player \"{bad}\" (see README, step 5).");
            Assert.ThrowsAsync<ArgumentException>(() => service.AnswerAsync(bad, "honey"), $"Step 5: AnswerAsync refuses the player \"{bad}\" (see README, step 5).");
            Assert.ThrowsAsync<ArgumentException>(() => service.EndSessionAsync(bad), $"Step 5: EndSessionAsync refuses the player \"{bad}\" (see README, step 5).");
            Assert.Throws<ArgumentException>(() => service.WhereIs(bad), $"Step 5: WhereIs refuses the player \"{bad}\" (see README, step 5).");
        }

        Assert.That(await RunningSessionsAsync(service), Is.Zero, "Step 5: no refused name started a session (see README, step 5).");
        var longest = new string('b', QuizService.MaxPlayerLength);
        Assert.That(await SessionAsync(service, longest), Is.EqualTo(service.WhereIs(longest)), "Step 5: a name of exactly MaxPlayerLength characters is fine (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_null_answer_is_refused_and_the_session_goes_on(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var session = await SessionAsync(service, "ann");

        var error = Assert.ThrowsAsync<ArgumentNullException>(() => service.AnswerAsync("ann", null!),
            "Step 5: AnswerAsync refuses a null answer itself; sent on, it would crash the session in the core (see README, step 5).");
        Assert.That(error?.ParamName, Is.EqualTo("answer"), "Step 5: the exception names the answer (see README, step 5).");

        Assert.That(service.WhereIs("ann"), Is.EqualTo(session), "Step 5: the session never saw the null answer: same process (see README, step 5).");
        Assert.That(await WaitFor(service.ProgressAsync("ann"), "ProgressAsync(\"ann\")"), Is.EqualTo(Fresh("ann")), "Step 5: and its progress is unchanged (see README, step 5).");
    }
}
