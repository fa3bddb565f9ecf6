using System.Collections.Immutable;
using Otp;

namespace StateMachines;

/// <summary>
/// The data a <see cref="DocumentRouter"/> carries from state to state (gen_statem's <c>Data</c>, beside its <c>State</c>).
/// <c>Sys.GetStateAsync&lt;(DocumentState, DocumentData)&gt;</c> reads both without running a callback.
/// </summary>
/// <param name="Title">The document's title: what the reviewer is told about.</param>
/// <param name="Reviewer">Who reviews it; a reassignment changes it.</param>
/// <param name="Rejection">Why the last review rejected it, or null (cleared when the document is revised).</param>
/// <param name="AwaitingVerdict">The callers of <c>Document.VerdictAsync</c> waiting for the review to end: the <c>From</c>s kept to answer later.</param>
public sealed record DocumentData(string Title, string Reviewer, string? Rejection, ImmutableList<From> AwaitingVerdict)
{
    /// <summary>A new document: no rejection, nobody waiting.</summary>
    /// <param name="title">The document's title.</param>
    /// <param name="reviewer">Who reviews it.</param>
    public static DocumentData New(string title, string reviewer) => new(title, reviewer, null, []);
}
