namespace WorkerBees;

/// <summary>A call to a session: reply its <see cref="Progress"/>.</summary>
public sealed record GetProgress;

/// <summary>A call to a session: answer the question asked now; reply the <see cref="Answered"/>.</summary>
/// <param name="Answer">The player's answer.</param>
public sealed record Submit(string Answer);
