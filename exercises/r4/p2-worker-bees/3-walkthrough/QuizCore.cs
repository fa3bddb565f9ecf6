using System;
using System.Collections.Generic;
using System.Collections.Immutable;

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
        new(player, questions.ToImmutableList(), 0, 0);

    /// <summary>Step 1: whether every question has been answered.</summary>
    /// <param name="progress">The progress.</param>
    /// <returns>True once <c>Next</c> has reached the number of questions.</returns>
    public static bool IsFinished(Progress progress) => progress.Next >= progress.Questions.Count;

    /// <summary>Step 1: the prompt of the question asked now.</summary>
    /// <param name="progress">The progress.</param>
    /// <returns>The prompt, or null once the quiz is finished.</returns>
    public static string? CurrentPrompt(Progress progress) =>
        IsFinished(progress) ? null : progress.Questions[progress.Next].Prompt;

    /// <summary>Step 1: whether <paramref name="answer"/> is right for <paramref name="question"/>: equal to its answer once
    /// both are trimmed, whatever the case.</summary>
    /// <param name="question">The question.</param>
    /// <param name="answer">The answer given.</param>
    /// <returns>Whether the answer counts as right.</returns>
    public static bool IsCorrect(Question question, string answer) =>
        // GAP Step 1: compare the two answers. Both sides are trimmed (Trim()), and case does not matter: .NET's
        // string.Equals takes a StringComparison, and OrdinalIgnoreCase is the one for text that is not a word of a
        // language (an answer key). Spaces inside an answer still count.
        throw new NotImplementedException("Step 1: implement QuizCore.IsCorrect (see README, step 1).");

    /// <summary>
    /// Step 1: answers the question asked now: a right answer adds one to the score, and either way the next question is
    /// asked. Once the quiz is finished an answer is not right and changes nothing.
    /// </summary>
    /// <param name="progress">The progress before the answer.</param>
    /// <param name="answer">The answer given.</param>
    /// <returns>Whether it was right, and the progress after it (a new record; <paramref name="progress"/> is unchanged).</returns>
    public static Answered Answer(Progress progress, string answer)
    {
        if (IsFinished(progress))
        {
            return new Answered(false, progress);
        }

        var correct = IsCorrect(progress.Questions[progress.Next], answer);
        return new Answered(correct, progress with { Next = progress.Next + 1, Score = progress.Score + (correct ? 1 : 0) });
    }
}
