namespace StateMachines;

/// <summary>
/// Where a document is on its way to publication: the states of a <see cref="DocumentRouter"/>.
/// Draft → Review → Approved → Published, or Review → Rejected → Draft; a review left undecided expires back to Draft.
/// </summary>
public enum DocumentState
{
    /// <summary>Being written; the only state a document can be submitted from.</summary>
    Draft,

    /// <summary>Waiting for the reviewer's decision, for a limited time.</summary>
    Review,

    /// <summary>Accepted by the reviewer, ready to be published.</summary>
    Approved,

    /// <summary>Sent back by the reviewer, with a reason; revised, it becomes a draft again.</summary>
    Rejected,

    /// <summary>Out in the world: the end of the road, where every routing request is refused.</summary>
    Published,
}
