namespace WorkerBees;

/// <summary>Data: what an answer did: whether it was right, and the progress after it.</summary>
/// <param name="Correct">Whether the answer was right (false for any answer once the quiz is over).</param>
/// <param name="Progress">The progress after the answer.</param>
public sealed record Answered(bool Correct, Progress Progress);
