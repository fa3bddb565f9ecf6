namespace StateMachines;

/// <summary>
/// The request is not allowed in <paramref name="State"/>: nothing changed, neither the state nor the data.
/// </summary>
/// <param name="State">The state the document is in (and stays in).</param>
/// <param name="Event">The refused request's name: <c>submit</c>, <c>approve</c>, <c>reject</c>, <c>revise</c>, <c>publish</c>, <c>reassign</c> or <c>verdict</c>.</param>
public sealed record Refused(DocumentState State, string Event) : RouteResult
{
    /// <summary>The refusal in words, for logs and test messages: "cannot approve a document in Draft".</summary>
    public override string ToString() => $"cannot {Event} a document in {State}";
}
