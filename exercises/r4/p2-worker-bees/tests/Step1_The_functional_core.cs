using NUnit.Framework;

namespace WorkerBees.Tests;

/// <summary>Step 1: the quiz's rules as pure functions of data: no node is needed to test them.</summary>
public sealed class Step1_The_functional_core : QuizTest
{
    protected override int Step => 1;

    [Test]
    public void Start_asks_the_first_question_with_no_score()
    {
        var progress = QuizCore.Start("ann", Questions);

        Assert.That(progress, Is.EqualTo(Fresh("ann")), "Step 1: Start gives the player, the questions in order, Next 0 and Score 0 (see README, step 1).");
        Assert.That(QuizCore.CurrentPrompt(progress), Is.EqualTo("What do bees make?"), "Step 1: the first question is asked first (see README, step 1).");
        Assert.That(QuizCore.IsFinished(progress), Is.False, "Step 1: a quiz with questions left is not finished (see README, step 1).");
    }

    [Test]
    public void A_right_answer_scores_and_moves_on()
    {
        var answered = QuizCore.Answer(Fresh("ann"), "honey");

        Assert.That(answered, Is.EqualTo(new Answered(true, Fresh("ann") with { Next = 1, Score = 1 })),
            "Step 1: a right answer is Correct, adds one to Score and moves Next on (see README, step 1).");
        Assert.That(QuizCore.CurrentPrompt(answered.Progress), Is.EqualTo("How many legs has a bee?"), "Step 1: then the second question is asked (see README, step 1).");
    }

    [Test]
    public void A_wrong_answer_moves_on_without_scoring()
    {
        var answered = QuizCore.Answer(Fresh("ann") with { Next = 1, Score = 1 }, "8");

        Assert.That(answered, Is.EqualTo(new Answered(false, Fresh("ann") with { Next = 2, Score = 1 })),
            "Step 1: a wrong answer is not Correct, keeps the Score and moves Next on (see README, step 1).");
        Assert.That(answered.Progress, Is.Not.EqualTo(QuizCore.Answer(Fresh("ann") with { Next = 1, Score = 1 }, "6").Progress),
            "Step 1: a wrong answer and a right one to the same question leave different progress: only the right one scores (see README, step 1).");
    }

    [Test]
    public void Answers_are_compared_without_surrounding_spaces_or_case()
    {
        Assert.That(QuizCore.IsCorrect(new Question("Who lays the eggs?", "The Queen"), "  the QUEEN "), Is.True,
            "Step 1: \"  the QUEEN \" is right for \"The Queen\": trim both, ignore case (see README, step 1).");
        Assert.That(QuizCore.IsCorrect(new Question("Who lays the eggs?", " the queen  "), "The Queen"), Is.True,
            "Step 1: the question's answer is trimmed too (see README, step 1).");
        Assert.That(QuizCore.IsCorrect(new Question("Who lays the eggs?", "the queen"), "thequeen"), Is.False,
            "Step 1: only the spaces around an answer are ignored, not those inside it (see README, step 1).");
        Assert.That(QuizCore.IsCorrect(new Question("Who lays the eggs?", "the queen"), "the drone"), Is.False,
            "Step 1: another answer is wrong (see README, step 1).");
        Assert.That(QuizCore.Answer(Fresh("ann"), " Honey ").Correct, Is.True, "Step 1: Answer compares the way IsCorrect does (see README, step 1).");
    }

    [Test]
    public void After_the_last_question_the_quiz_is_finished_and_answers_change_nothing()
    {
        var progress = QuizCore.Start("ann", Questions);
        progress = QuizCore.Answer(progress, "honey").Progress;
        progress = QuizCore.Answer(progress, "6").Progress;
        Assert.That(QuizCore.IsFinished(progress), Is.False, "Step 1: with one question left the quiz is not finished (see README, step 1).");
        progress = QuizCore.Answer(progress, "a drone").Progress;

        Assert.That(progress, Is.EqualTo(Fresh("ann") with { Next = 3, Score = 2 }), "Step 1: three answers, two right (see README, step 1).");
        Assert.That(QuizCore.IsFinished(progress), Is.True, "Step 1: every question answered: the quiz is finished (see README, step 1).");
        Assert.That(QuizCore.CurrentPrompt(progress), Is.Null, "Step 1: a finished quiz asks nothing: CurrentPrompt is null (see README, step 1).");
        Assert.That(QuizCore.Answer(progress, "the queen"), Is.EqualTo(new Answered(false, progress)),
            "Step 1: an answer after the end is not Correct and changes nothing (see README, step 1).");
    }
}
