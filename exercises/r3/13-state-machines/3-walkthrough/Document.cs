using System;
using System.Threading.Tasks;
using Otp;

namespace StateMachines;

/// <summary>
/// The client API of a document's router: plain functions that run in the caller, each one a call to the
/// <see cref="DocumentRouter"/>. A caller sees replies (<see cref="RouteResult"/>, <see cref="DocumentState"/>), never
/// the protocol or a <c>From</c>.
/// </summary>
public static class Document
{
    /// <summary>
    /// Starts a router for a new document, in <see cref="DocumentState.Draft"/>, and returns its pid once Init has run.
    /// </summary>
    /// <param name="node">The node to start on.</param>
    /// <param name="title">The document's title: not empty.</param>
    /// <param name="reviewer">Who reviews it: not empty.</param>
    /// <param name="notifier">Told each time the document enters review.</param>
    /// <param name="reviewTimeout">How long a review may stay undecided before the document goes back to draft: more than zero.</param>
    /// <exception cref="ArgumentException">An empty title or reviewer (<see cref="ArgumentNullException"/> for null).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A review time-out of zero or less.</exception>
    public static Task<Pid> StartAsync(Node node, string title, string reviewer, IReviewerNotifier notifier, TimeSpan reviewTimeout)
    {
        // The node is checked by StateMachine.StartAsync; the rest is the router's own business.
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentException.ThrowIfNullOrEmpty(reviewer);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reviewTimeout, TimeSpan.Zero);
        return StateMachine.StartAsync(node, new DocumentRouter(title, reviewer, notifier, reviewTimeout));
    }

    /// <summary>Sends a draft to review: <c>Moved(Draft, Review)</c>; refused (<c>"submit"</c>) in any other state.</summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    public static Task<RouteResult> SubmitAsync(Node node, Pid document) => Route(node, document, new Submit());

    /// <summary>Approves a document in review: <c>Moved(Review, Approved)</c>; refused (<c>"approve"</c>) in any other state.</summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    public static Task<RouteResult> ApproveAsync(Node node, Pid document) => Route(node, document, new Approve());

    /// <summary>
    /// Rejects a document in review, keeping <paramref name="reason"/> in its data: <c>Moved(Review, Rejected)</c>;
    /// refused (<c>"reject"</c>) in any other state.
    /// </summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    /// <param name="reason">Why: not empty.</param>
    /// <exception cref="ArgumentException">An empty reason (<see cref="ArgumentNullException"/> for null), before anything is sent.</exception>
    public static Task<RouteResult> RejectAsync(Node node, Pid document, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return Route(node, document, new Reject(reason));
    }

    /// <summary>Takes a rejected document back to draft, clearing the rejection: <c>Moved(Rejected, Draft)</c>; refused (<c>"revise"</c>) in any other state.</summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    public static Task<RouteResult> ReviseAsync(Node node, Pid document) => Route(node, document, new Revise());

    /// <summary>
    /// Publishes an approved document: <c>Moved(Approved, Published)</c>. During a review the request waits, and is
    /// handled once the review ends, in the state it ends in (published if approved; refused if rejected or expired).
    /// Refused (<c>"publish"</c>) in Draft, Rejected and Published.
    /// </summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    public static Task<RouteResult> PublishAsync(Node node, Pid document) => Route(node, document, new Publish());

    /// <summary>
    /// Hands a review to <paramref name="reviewer"/>: the document enters review again (a repeated state,
    /// <c>Moved(Review, Review)</c>), so the new reviewer is notified and gets a full review period. Refused
    /// (<c>"reassign"</c>) outside review.
    /// </summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    /// <param name="reviewer">The new reviewer: not empty.</param>
    /// <exception cref="ArgumentException">An empty reviewer (<see cref="ArgumentNullException"/> for null), before anything is sent.</exception>
    public static Task<RouteResult> ReassignAsync(Node node, Pid document, string reviewer)
    {
        ArgumentException.ThrowIfNullOrEmpty(reviewer);
        return Route(node, document, new Reassign(reviewer));
    }

    /// <summary>
    /// Waits for the verdict of the review under way: answered when the review ends, with <c>Moved(Review, Approved)</c>,
    /// <c>Moved(Review, Rejected)</c> or, when it expires, <c>Moved(Review, Draft)</c>. Refused (<c>"verdict"</c>) at once
    /// outside review.
    /// </summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    public static Task<RouteResult> VerdictAsync(Node node, Pid document) => Route(node, document, new AwaitVerdict());

    /// <summary>The document's state, answered at once in every state.</summary>
    /// <param name="node">The node the router runs on.</param>
    /// <param name="document">The router.</param>
    public static Task<DocumentState> StateAsync(Node node, Pid document) =>
        StateMachine.CallAsync<DocumentState>(node, document, new CurrentState());

    // Every routing request is a call: the caller waits for the machine's answer (gen_statem's default time-out is infinity).
    private static Task<RouteResult> Route(Node node, Pid document, RoutingEvent request) =>
        StateMachine.CallAsync<RouteResult>(node, document, request);
}
