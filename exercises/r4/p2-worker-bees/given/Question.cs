namespace WorkerBees;

/// <summary>Data: one question of the quiz and the answer that counts as right.</summary>
/// <param name="Prompt">What the player is asked.</param>
/// <param name="Answer">The right answer (compared without surrounding spaces and without regard to case).</param>
public sealed record Question(string Prompt, string Answer);
