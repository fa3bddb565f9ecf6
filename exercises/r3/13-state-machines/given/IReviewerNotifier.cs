namespace StateMachines;

/// <summary>
/// How reviewers hear that a document waits for them (an e-mail or a chat message, in a real system). A
/// <see cref="DocumentRouter"/> calls it from its state enter call, once each time the document enters review.
/// </summary>
public interface IReviewerNotifier
{
    /// <summary>Tells <paramref name="reviewer"/> that the document <paramref name="title"/> waits for their review.</summary>
    /// <param name="reviewer">Who is asked to review.</param>
    /// <param name="title">The document's title.</param>
    void ReviewRequested(string reviewer, string title);
}
