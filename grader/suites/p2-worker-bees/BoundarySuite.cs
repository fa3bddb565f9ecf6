using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace WorkerBees.Hidden;

/// <summary>Every check at the boundary, one at a time, in the README's order, with nothing started by a refused call.</summary>
public sealed class BoundarySuite : HiddenQuiz
{
    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_checks_in_order_node_questions_list_then_time_out(CancellationToken cancellationToken)
    {
        var before = Node.Processes().Count;

        var noNode = Assert.ThrowsAsync<ArgumentNullException>(() => QuizService.StartAsync(null!, null!, TimeSpan.Zero), "Step 5: the node is checked first (see README, step 5).");
        Assert.That(noNode!.ParamName, Is.EqualTo("node"), "Step 5: the exception names the node (see README, step 5).");
        var noQuestions = Assert.ThrowsAsync<ArgumentNullException>(() => QuizService.StartAsync(Node, null!, TimeSpan.Zero), "Step 5: then null questions (see README, step 5).");
        Assert.That(noQuestions!.ParamName, Is.EqualTo("questions"), "Step 5: the exception names the questions (see README, step 5).");
        var empty = Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [], TimeSpan.Zero), "Step 5: then the list, before the time-out (see README, step 5).");
        Assert.That(empty!.ParamName, Is.EqualTo("questions"), "Step 5: the exception names the questions (see README, step 5).");
        Assert.That(empty.Message, Does.Contain("prompt").And.Contain("answer"), "Step 5: its message says what a quiz needs (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [new Question(null!, "a")], IdleTimeout), "Step 5: a null prompt is refused (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [new Question("q?", null!)], IdleTimeout), "Step 5: a null answer in a question is refused (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [new Question("", "a")], IdleTimeout), "Step 5: an empty prompt is refused (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [new Question("q?", " \t")], IdleTimeout), "Step 5: a blank answer is refused (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => QuizService.StartAsync(Node, [Questions[0], Questions[1], new Question("q?", "")], IdleTimeout),
            "Step 5: every question is checked, not only the first (see README, step 5).");
        var timeout = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => QuizService.StartAsync(Node, Questions, TimeSpan.FromTicks(-1)), "Step 5: a negative time-out is refused (see README, step 5).");
        Assert.That(timeout!.ParamName, Is.EqualTo("idleTimeout"), "Step 5: the exception names the idle time-out (see README, step 5).");
        Assert.That(Node.Processes().Count, Is.EqualTo(before), "Step 5: no refused start started a process (see README, step 5).");

        var service = await WaitFor(QuizService.StartAsync(Node, [new Question("q?", "a")], TimeSpan.FromTicks(1)), "a service with one question and the shortest time-out", 5);
        Assert.That(service.Config.IdleTimeout, Is.EqualTo(TimeSpan.FromTicks(1)), "Step 5: any time-out above zero is fine (see README, step 5).");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Every_player_method_refuses_a_null_name_with_ArgumentNullException(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();

        Assert.Throws<ArgumentNullException>(() => service.WhereIs(null!), "Step 5: WhereIs(null) (see README, step 5).");
        Assert.ThrowsAsync<ArgumentNullException>(() => service.StartSessionAsync(null!), "Step 5: StartSessionAsync(null) (see README, step 5).");
        Assert.ThrowsAsync<ArgumentNullException>(() => service.ProgressAsync(null!), "Step 5: ProgressAsync(null) (see README, step 5).");
        Assert.ThrowsAsync<ArgumentNullException>(() => service.AnswerAsync(null!, "wax"), "Step 5: AnswerAsync(null, answer) (see README, step 5).");
        Assert.ThrowsAsync<ArgumentNullException>(() => service.EndSessionAsync(null!), "Step 5: EndSessionAsync(null) (see README, step 5).");
        Assert.That(await RunningSessionsAsync(service, 5), Is.Zero, "Step 5: nothing started (see README, step 5).");
    }

    [Property("Step", 5)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\n")]
    [TestCase("123456789012345678901234567890123")]
    [TestCase("           a very long name indeed that goes on")]
    [CancelAfter(10_000)]
    public async Task A_bad_name_is_refused_by_every_player_method_even_when_the_player_has_no_session(string name, CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        await SessionAsync(service, "ann");

        var error = Assert.Throws<ArgumentException>(() => service.WhereIs(name), $"Step 5: WhereIs(\"{name}\") (see README, step 5).");
        Assert.That(error!.ParamName, Is.EqualTo("player"), "Step 5: the ArgumentException names the player (see README, step 5).");
        Assert.That(error.Message, Does.Contain("32"), "Step 5: its message gives the longest name allowed, 32 (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => service.StartSessionAsync(name), $"Step 5: StartSessionAsync(\"{name}\") (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => service.ProgressAsync(name), $"Step 5: ProgressAsync(\"{name}\"): an ArgumentException, not NoProcessException: the check comes first (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => service.AnswerAsync(name, "wax"), $"Step 5: AnswerAsync(\"{name}\", ...) (see README, step 5).");
        Assert.ThrowsAsync<ArgumentException>(() => service.EndSessionAsync(name), $"Step 5: EndSessionAsync(\"{name}\"): refused, not false (see README, step 5).");
        Assert.That(await RunningSessionsAsync(service, 5), Is.EqualTo(1), "Step 5: only ann's session runs (see README, step 5).");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task Names_with_inner_spaces_and_names_of_exactly_the_longest_length_are_players(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        foreach (var name in new[] { "a", "ann lee", " bob", new string('z', QuizService.MaxPlayerLength) })
        {
            var pid = await SessionAsync(service, name, 5);
            Assert.That(service.WhereIs(name), Is.EqualTo(pid), $"Step 5: \"{name}\" is a fine name (see README, step 5).");
        }

        Assert.That(QuizService.MaxPlayerLength, Is.EqualTo(32), "Step 5: MaxPlayerLength is 32 (see README, step 5).");
    }

    [Property("Step", 5)]
    [Test]
    [CancelAfter(10_000)]
    public async Task An_empty_answer_is_an_answer_and_a_null_one_is_refused_before_the_session(CancellationToken cancellationToken)
    {
        var service = await StartServiceAsync();
        var ann = await SessionAsync(service, "ann");

        var error = Assert.ThrowsAsync<ArgumentNullException>(() => service.AnswerAsync("ann", null!), "Step 5: a null answer is refused (see README, step 5).");
        Assert.That(error!.ParamName, Is.EqualTo("answer"), "Step 5: the exception names the answer (see README, step 5).");
        Assert.That(await WaitFor(service.AnswerAsync("ann", ""), "AnswerAsync(\"ann\", \"\")", 5), Is.EqualTo(new Answered(false, Fresh("ann") with { Next = 1 })),
            "Step 5: an empty answer is a wrong answer, not a bad argument (see README, step 5).");
        Assert.That(service.WhereIs("ann"), Is.EqualTo(ann), "Step 5: the session never crashed (see README, step 5).");
    }
}
