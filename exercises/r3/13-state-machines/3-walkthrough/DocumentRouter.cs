using System;
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
    protected override EventResult<DocumentState, DocumentData> HandleEvent(StateEvent e, DocumentState state, DocumentData data) =>
        (e.Kind, e.Content, state) switch
        {
            // A state enter call runs each time the document enters a state, never for an event that keeps it where it is.
            (EventKind.Enter, _, DocumentState.Review) => EnterReview(data),
            (EventKind.Enter, _, _) => KeepStateAndData(),

            // The routes. Each reply names where the document went.
            (EventKind.Call, Submit, DocumentState.Draft) => Move(e, state, DocumentState.Review, data),
            (EventKind.Call, Approve, DocumentState.Review) => EndReview(e.From, DocumentState.Approved, data),
            (EventKind.Call, Reject(var reason), DocumentState.Review) => EndReview(e.From, DocumentState.Rejected, data with { Rejection = reason }),
            (EventKind.Call, Revise, DocumentState.Rejected) => Move(e, state, DocumentState.Draft, data with { Rejection = null }),
            (EventKind.Call, Publish, DocumentState.Approved) => Move(e, state, DocumentState.Published, data),
            (EventKind.Call, CurrentState, _) => KeepStateAndData(StateAction.Reply(e.From!, state)),

            // Gap, step 2: a reassignment keeps the new reviewer (data with { Reviewer = next }) and enters Review again
            // although the state does not change: RepeatState(...), with the reply new Moved(state, state). KeepState
            // would run no enter call, and the new reviewer would never hear of the document.
            (EventKind.Call, Reassign, DocumentState.Review) =>
                throw new NotImplementedException("Step 2: implement DocumentRouter.HandleEvent for Reassign in Review (see README, step 2)."),

            // Gap, step 3: the review's state time-out fired (once EnterReview sets it): nobody decided, so the review
            // ends back in Draft. EndReview(null, ...): a time-out has no caller to answer.
            (EventKind.StateTimeout, ReviewExpired, DocumentState.Review) =>
                throw new NotImplementedException("Step 3: implement DocumentRouter.HandleEvent for the review's time-out (see README, step 3)."),

            // Gap, step 4: a publish in review is too early to decide. Postpone it (StateAction.Postpone(), no reply):
            // the runtime hands it back after the next state change, where the rows above and below decide.
            (EventKind.Call, Publish, DocumentState.Review) =>
                throw new NotImplementedException("Step 4: implement DocumentRouter.HandleEvent for Publish in Review (see README, step 4)."),

            // Gap, step 5: a verdict caller gets no reply now. Keep its From (e.From!) in data.AwaitingVerdict with
            // KeepState; EndReview answers it when the review ends.
            (EventKind.Call, AwaitVerdict, DocumentState.Review) =>
                throw new NotImplementedException("Step 5: implement DocumentRouter.HandleEvent for AwaitVerdict in Review (see README, step 5)."),

            // Gap, step 1: any request left here is not allowed in this state. Refuse it with a reply,
            // StateAction.Reply(e.From!, new Refused(state, refused.Name)), and change nothing (KeepStateAndData).
            (EventKind.Call, RoutingEvent, _) =>
                throw new NotImplementedException("Step 1: implement DocumentRouter.HandleEvent for a refused request (see README, step 1)."),

            // A stray message or cast changes nothing (and, being an event, does not touch the state time-out).
            _ => KeepStateAndData(),
        };

    // On each entry into review, tell the reviewer, and start a full review period.
    private EventResult<DocumentState, DocumentData> EnterReview(DocumentData data)
    {
        notifier.ReviewRequested(data.Reviewer, data.Title);

        // Gap, step 3: a review must not last for ever. Return KeepStateAndData with
        // StateAction.StateTimeout(reviewTimeout, new ReviewExpired()): a state time-out, which events in review do not
        // restart and which the runtime cancels when the document leaves review.
        _ = reviewTimeout;
        return KeepStateAndData();
    }

    // A move answers its caller with where the document went.
    private static EventResult<DocumentState, DocumentData> Move(StateEvent e, DocumentState from, DocumentState to, DocumentData data) =>
        NextState(to, data, StateAction.Reply(e.From!, new Moved(from, to)));

    // Leaving review (approved, rejected or expired) answers the caller that ended it, if any (the time-out has none).
    private static EventResult<DocumentState, DocumentData> EndReview(From? caller, DocumentState to, DocumentData data)
    {
        var verdict = new Moved(DocumentState.Review, to);

        // Gap, step 5: the callers waiting for the verdict must hear it too. Answer every From in data.AwaitingVerdict
        // as well as the caller (data.AwaitingVerdict.Add(caller) when there is one), and return the data with
        // AwaitingVerdict = []: each kept From is answered once.
        StateAction[] replies = caller is null ? [] : [StateAction.Reply(caller, verdict)];
        return NextState(to, data, replies);
    }
}
