using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace WorkerBees.Hidden;

/// <summary>The functional core on edge cases and on random quizzes played against a model of the rules.</summary>
public sealed class CoreSuite : HiddenQuiz
{
    [Property("Step", 1)]
    [Test]
    public void A_quiz_with_no_questions_is_finished_from_the_start()
    {
        var progress = QuizCore.Start("ann", []);

        Assert.That(QuizCore.IsFinished(progress), Is.True, "Step 1: with no questions, Next 0 has reached the count (see README, step 1).");
        Assert.That(QuizCore.CurrentPrompt(progress), Is.Null, "Step 1: a finished quiz asks nothing (see README, step 1).");
        Assert.That(QuizCore.Answer(progress, "anything"), Is.EqualTo(new Answered(false, progress)), "Step 1: answers to a finished quiz change nothing (see README, step 1).");
    }

    [Property("Step", 1)]
    [Test]
    public void Start_copies_the_questions_so_a_later_change_to_the_callers_list_changes_nothing()
    {
        var mine = new List<Question>(Questions);
        var progress = QuizCore.Start("ann", mine);
        mine.Clear();

        Assert.That(progress, Is.EqualTo(Fresh("ann")), "Step 1: the progress holds its own immutable list of the questions (see README, step 1).");
    }

    [Property("Step", 1)]
    [Test]
    public void The_last_question_is_asked_and_answered_before_the_quiz_is_finished()
    {
        var last = Fresh("ann") with { Next = Questions.Count - 1, Score = 2 };

        Assert.That(QuizCore.IsFinished(last), Is.False, "Step 1: one question left: not finished (see README, step 1).");
        Assert.That(QuizCore.CurrentPrompt(last), Is.EqualTo(Questions[^1].Prompt), "Step 1: the last question's prompt (see README, step 1).");
        Assert.That(QuizCore.Answer(last, " DRONE\t"), Is.EqualTo(new Answered(true, last with { Next = Questions.Count, Score = 3 })),
            "Step 1: the last answer counts too (see README, step 1).");
        Assert.That(QuizCore.IsFinished(last with { Next = Questions.Count + 1 }), Is.True, "Step 1: past the end is finished too (see README, step 1).");
    }

    [Property("Step", 1)]
    [TestCase("honey", "honey", true)]
    [TestCase("honey", "HoNeY", true)]
    [TestCase("honey", "\t honey \n", true)]
    [TestCase("  The Queen ", "the queen", true)]
    [TestCase("the queen", "the  queen", false)]
    [TestCase("honey", "honeys", false)]
    [TestCase("honey", "", false)]
    [TestCase("5", "five", false)]
    public void IsCorrect_trims_both_sides_and_ignores_case(string right, string given, bool correct)
    {
        Assert.That(QuizCore.IsCorrect(new Question("q?", right), given), Is.EqualTo(correct),
            $"Step 1: \"{given}\" for the answer \"{right}\" is {(correct ? "right" : "wrong")}: trim both, ignore case, keep inner spaces (see README, step 1).");
    }

    [Property("Step", 1)]
    [Test]
    [Repeat(5)]
    public void Random_quizzes_played_with_random_answers_score_as_the_rules_say()
    {
        var (random, seed) = Seeded.Random();
        var questions = Enumerable.Range(0, random.Next(1, 12)).Select(i => new Question($"q{i}?", $"answer {random.Next(1000)}")).ToList();
        var player = $"p{random.Next(100)}";
        var progress = QuizCore.Start(player, questions);
        var score = 0;

        for (var i = 0; i < questions.Count + 2; i++)
        {
            var finished = i >= questions.Count;
            Assert.That(QuizCore.IsFinished(progress), Is.EqualTo(finished), $"Step 1: after {i} of {questions.Count} answers, finished is {finished} (seed {seed}) (see README, step 1).");
            Assert.That(QuizCore.CurrentPrompt(progress), Is.EqualTo(finished ? null : questions[i].Prompt), $"Step 1: after {i} answers the prompt (seed {seed}) (see README, step 1).");
            var right = !finished && random.Next(2) == 0;
            var answer = right ? Dress(random, questions[i].Answer) : $"wrong {random.Next(1000)}";
            var answered = QuizCore.Answer(progress, answer);
            score += right ? 1 : 0;
            var expected = new Progress(player, questions.ToImmutableListOf(), Math.Min(i + 1, questions.Count), score);
            Assert.That(answered, Is.EqualTo(new Answered(right, expected)), $"Step 1: answer {i} (\"{answer}\") (seed {seed}) (see README, step 1).");
            progress = answered.Progress;
        }
    }

    /// <summary>The right answer with random case and spaces around it.</summary>
    private static string Dress(Random random, string answer)
    {
        var cased = new string(answer.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray());
        return new string(' ', random.Next(3)) + cased + new string(' ', random.Next(3));
    }
}

internal static class ListExtensions
{
    public static System.Collections.Immutable.ImmutableList<T> ToImmutableListOf<T>(this IEnumerable<T> items) =>
        System.Collections.Immutable.ImmutableList.CreateRange(items);
}
