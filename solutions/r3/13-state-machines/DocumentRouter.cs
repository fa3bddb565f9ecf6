using System;
using System.Linq;
using Otp;

namespace StateMachines;

/// <summary>
/// A document's route to publication as a state machine (OTP's <c>gen_statem</c>, one callback for every event):
/// Draft → Review → Approved → Published, or Review → Rejected → Draft. Each request is allowed in some states and
/// refused with a reply in the others; entering review notifies the reviewer and starts the review's time-out; a publish
/// asked for during a review is postponed until the review ends; a caller waiting for the verdict is answered when it does.
/// </summary>
/// <param name="title">The document's title.</param>
/// <param name="reviewer">Who reviews it first.</param>
/// <param name="notifier">Told each time the document enters review.</param>
/// <param name="reviewTimeout">How long a review may stay undecided.</param>
/// <remarks>
/// The whole behaviour is one table, <see cref="HandleEvent"/>: a row per (event kind, event, state) that is allowed,
/// and one last row that refuses whatever request is left. gen_statem reads the same way: the state is an argument, not
/// a field to test in every branch.
/// </remarks>
public sealed class DocumentRouter(string title, string reviewer, IReviewerNotifier notifier, TimeSpan reviewTimeout)
    : StateMachine<DocumentState, DocumentData>
{
    /// <summary>
    /// State enter calls: when true, the machine gets an <see cref="EventKind.Enter"/> event each time it enters a state
    /// (and once at start). Review's enter call needs them (step 2).
    /// </summary>
    protected override bool StateEnter => true;

    /// <summary>Starts in <see cref="DocumentState.Draft"/> with <see cref="DocumentData.New"/>.</summary>
    protected override StateMachineInit<DocumentState, DocumentData> Init() =>
        Ok(DocumentState.Draft, DocumentData.New(title, reviewer));

    /// <summary>
    /// Every event, in every state: the state enter call of Review, the allowed requests, the review's time-out, and a
    /// refusal for any request the state does not allow. Other messages are ignored.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The document's state.</param>
    /// <param name="data">The document's data.</param>
    /// <remarks>
    /// Rows are tried top to bottom, so the specific ones come before the general ones: the postponed publish before
    /// the refusal, the refusal last. A call must always get a reply (now, or later through its kept From): the last
    /// routing row makes sure no request is left unanswered.
    /// </remarks>
    protected override EventResult<DocumentState, DocumentData> HandleEvent(StateEvent e, DocumentState state, DocumentData data) =>
        (e.Kind, e.Content, state) switch
        {
            // Step 2: a state enter call runs each time the document enters a state, never for an event that keeps it
            // where it is. Only Review has something to do on entry (step 3 adds its time-out there).
            (EventKind.Enter, _, DocumentState.Review) => EnterReview(data),
            (EventKind.Enter, _, _) => KeepStateAndData(),

            // Step 1: the routes. Each reply names where the document went.
            (EventKind.Call, Submit, DocumentState.Draft) => Move(e, state, DocumentState.Review, data),
            (EventKind.Call, Approve, DocumentState.Review) => EndReview(e.From, DocumentState.Approved, data),
            (EventKind.Call, Reject(var reason), DocumentState.Review) => EndReview(e.From, DocumentState.Rejected, data with { Rejection = reason }),
            (EventKind.Call, Revise, DocumentState.Rejected) => Move(e, state, DocumentState.Draft, data with { Rejection = null }),
            (EventKind.Call, Publish, DocumentState.Approved) => Move(e, state, DocumentState.Published, data),
            (EventKind.Call, CurrentState, _) => KeepStateAndData(StateAction.Reply(e.From!, state)),

            // Step 2: a reassigned review enters Review again (repeat_state): the enter call runs once more and
            // notifies the new reviewer, though the state does not change.
            (EventKind.Call, Reassign(var next), DocumentState.Review) =>
                RepeatState(data with { Reviewer = next }, StateAction.Reply(e.From!, new Moved(state, state))),

            // Step 3: the review's state time-out fired: nobody decided, back to draft.
            (EventKind.StateTimeout, ReviewExpired, DocumentState.Review) => EndReview(null, DocumentState.Draft, data),

            // Step 4: a publish during review is kept aside by the runtime and handled again, oldest first, after the
            // next state change, by whatever row matches there: published once approved, refused if rejected or expired.
            (EventKind.Call, Publish, DocumentState.Review) => KeepStateAndData(StateAction.Postpone()),

            // Step 5: a caller waiting for the verdict gets no reply now; its From is kept in the data and answered
            // when the review ends (EndReview).
            (EventKind.Call, AwaitVerdict, DocumentState.Review) =>
                KeepState(data with { AwaitingVerdict = data.AwaitingVerdict.Add(e.From!) }),

            // Step 1: any other request is refused with a reply naming the state and the request; nothing changes.
            (EventKind.Call, RoutingEvent refused, _) => KeepStateAndData(StateAction.Reply(e.From!, new Refused(state, refused.Name))),

            // A stray message or cast changes nothing (and, being an event, does not touch the state time-out).
            _ => KeepStateAndData(),
        };

    // Steps 2 and 3: on each entry into review, tell the reviewer, and start a full review period. A state time-out
    // is cancelled by the runtime when the state changes, so leaving review (any way) stops the clock by itself.
    private EventResult<DocumentState, DocumentData> EnterReview(DocumentData data)
    {
        notifier.ReviewRequested(data.Reviewer, data.Title);
        return KeepStateAndData(StateAction.StateTimeout(reviewTimeout, new ReviewExpired()));
    }

    // Step 1: a move answers its caller with where the document went.
    private static EventResult<DocumentState, DocumentData> Move(StateEvent e, DocumentState from, DocumentState to, DocumentData data) =>
        NextState(to, data, StateAction.Reply(e.From!, new Moved(from, to)));

    // Step 5: leaving review (approved, rejected or expired) answers, with the same verdict, the caller that ended it if
    // any (the time-out has none) and every caller waiting for the verdict, through the Froms kept in the data; the
    // list is cleared, so that each From is answered once.
    private static EventResult<DocumentState, DocumentData> EndReview(From? caller, DocumentState to, DocumentData data)
    {
        var verdict = new Moved(DocumentState.Review, to);
        var answered = caller is null ? data.AwaitingVerdict : data.AwaitingVerdict.Add(caller);
        return NextState(to, data with { AwaitingVerdict = [] }, [.. answered.Select(from => StateAction.Reply(from, verdict))]);
    }
}
