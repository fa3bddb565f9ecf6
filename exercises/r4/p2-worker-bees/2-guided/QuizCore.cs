using System;
using System.Collections.Generic;

namespace WorkerBees;

/// <summary>
/// Step 1: the functional core: the quiz's rules as pure functions of data. No process, no clock, no registry: the
/// same input always gives the same output, so the rules are tested without starting anything, and a worker that runs
/// them has nothing left to get wrong but its lifecycle.
/// </summary>
public static class QuizCore
{
    /// <summary>Step 1: a new session's progress: the first question asked, no score.</summary>
    /// <param name="player">The player's name.</param>
    /// <param name="questions">The questions, in the order they will be asked.</param>
    /// <returns>The progress at the start: <c>Next</c> 0, <c>Score</c> 0.</returns>
    public static Progress Start(string player, IEnumerable<Question> questions) =>
        // TODO Step 1 (Start_asks_the_first_question_with_no_score): a new Progress with the player, the questions as an
        // immutable list (ToImmutableList(), from System.Collections.Immutable), Next 0 and Score 0.
        throw new NotImplementedException("Step 1: implement QuizCore.Start (see README, step 1).");

    /// <summary>Step 1: whether every question has been answered.</summary>
    /// <param name="progress">The progress.</param>
    /// <returns>True once <c>Next</c> has reached the number of questions.</returns>
    public static bool IsFinished(Progress progress) =>
        // TODO Step 1: compare Next with the number of questions.
        throw new NotImplementedException("Step 1: implement QuizCore.IsFinished (see README, step 1).");

    /// <summary>Step 1: the prompt of the question asked now.</summary>
    /// <param name="progress">The progress.</param>
    /// <returns>The prompt, or null once the quiz is finished.</returns>
    public static string? CurrentPrompt(Progress progress) =>
        // TODO Step 1: null when finished, else the prompt of Questions[Next].
        throw new NotImplementedException("Step 1: implement QuizCore.CurrentPrompt (see README, step 1).");

    /// <summary>Step 1: whether <paramref name="answer"/> is right for <paramref name="question"/>: equal to its answer once
    /// both are trimmed, whatever the case.</summary>
    /// <param name="question">The question.</param>
    /// <param name="answer">The answer given.</param>
    /// <returns>Whether the answer counts as right.</returns>
    public static bool IsCorrect(Question question, string answer) =>
        // TODO Step 1 (Answers_are_compared_without_surrounding_spaces_or_case): trim both answers and compare them with a
        // StringComparison that ignores case.
        throw new NotImplementedException("Step 1: implement QuizCore.IsCorrect (see README, step 1).");

    /// <summary>
    /// Step 1: answers the question asked now: a right answer adds one to the score, and either way the next question is
    /// asked. Once the quiz is finished an answer is not right and changes nothing.
    /// </summary>
    /// <param name="progress">The progress before the answer.</param>
    /// <param name="answer">The answer given.</param>
    /// <returns>Whether it was right, and the progress after it (a new record; <paramref name="progress"/> is unchanged).</returns>
    public static Answered Answer(Progress progress, string answer) =>
        // TODO Step 1 (A_right_answer_scores_and_moves_on, A_wrong_answer_moves_on_without_scoring,
        // After_the_last_question_the_quiz_is_finished_and_answers_change_nothing):
        //   1. a finished quiz: new Answered(false, progress);
        //   2. otherwise judge the current question with IsCorrect, and return the new progress made with
        //      `progress with { Next = ..., Score = ... }`: records are never changed, only copied.
        throw new NotImplementedException("Step 1: implement QuizCore.Answer (see README, step 1).");
}
