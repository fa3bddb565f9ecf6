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
public sealed class DocumentRouter(string title, string reviewer, IReviewerNotifier notifier, TimeSpan reviewTimeout)
    : StateMachine<DocumentState, DocumentData>
{
    // The constructor's arguments, for the callbacks to use (title and reviewer in Init, the notifier in step 2,
    // the review time-out in step 3).
    private readonly string _title = title;
    private readonly string _reviewer = reviewer;
    private readonly IReviewerNotifier _notifier = notifier;
    private readonly TimeSpan _reviewTimeout = reviewTimeout;

    // TODO Step 2: turn state enter calls on: => true. From then on HandleEvent gets an EventKind.Enter event after every
    //              state change (and once at start): give it rows, or the last row must take it.

    /// <summary>
    /// State enter calls: when true, the machine gets an <see cref="EventKind.Enter"/> event each time it enters a state
    /// (and once at start). Review's enter call needs them (step 2).
    /// </summary>
    protected override bool StateEnter => false;

    /// <summary>Starts in <see cref="DocumentState.Draft"/> with <see cref="DocumentData.New"/>.</summary>
    protected override StateMachineInit<DocumentState, DocumentData> Init()
    {
        // TODO Step 1: return Ok(DocumentState.Draft, DocumentData.New(_title, _reviewer)).
        throw new NotImplementedException("Step 1: implement DocumentRouter.Init (see README, step 1).");
    }

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
            // Rows are tried top to bottom: the specific ones first, the refusal and the catch-all last.
            // TODO Step 2: (EventKind.Enter, _, DocumentState.Review) => EnterReview(data),
            //              (EventKind.Enter, _, _) => KeepStateAndData(),
            // TODO Step 1: the moves of the README's table, each a row (EventKind.Call, <request>, <state>), e.g.
            //              (EventKind.Call, Submit, DocumentState.Draft) => Move(e, state, DocumentState.Review, data),
            //              Approve in Review => EndReview(e.From, DocumentState.Approved, data),
            //              Reject(var reason) in Review => EndReview(e.From, DocumentState.Rejected, data with { Rejection = reason }),
            //              Revise in Rejected => Move(..., data with { Rejection = null }), Publish in Approved => Move(...).
            // TODO Step 1: (EventKind.Call, CurrentState, _) => KeepStateAndData(StateAction.Reply(e.From!, state)),
            // TODO Step 2: Reassign(var next) in Review => RepeatState(data with { Reviewer = next },
            //              StateAction.Reply(e.From!, new Moved(state, state))): the enter call runs again.
            // TODO Step 3: (EventKind.StateTimeout, ReviewExpired, DocumentState.Review) => EndReview(null, DocumentState.Draft, data),
            // TODO Step 4: (EventKind.Call, Publish, DocumentState.Review) => KeepStateAndData(StateAction.Postpone()),
            // TODO Step 5: (EventKind.Call, AwaitVerdict, DocumentState.Review) =>
            //              KeepState(data with { AwaitingVerdict = data.AwaitingVerdict.Add(e.From!) }): no reply now.
            // TODO Step 1: (EventKind.Call, RoutingEvent refused, _) =>
            //              KeepStateAndData(StateAction.Reply(e.From!, new Refused(state, refused.Name))),
            // TODO Step 1: then _ => KeepStateAndData() for stray messages and casts, in place of this line:
            _ => throw new NotImplementedException("Step 1: implement DocumentRouter.HandleEvent (see README, steps 1 to 5)."),
        };

    // Steps 2 and 3: on each entry into review, tell the reviewer, and start a full review period.
    private EventResult<DocumentState, DocumentData> EnterReview(DocumentData data)
    {
        // TODO Step 2: _notifier.ReviewRequested(data.Reviewer, data.Title), then return KeepStateAndData().
        // TODO Step 3: return KeepStateAndData(StateAction.StateTimeout(_reviewTimeout, new ReviewExpired())) instead:
        //              a state time-out, which events in review do not restart and leaving review cancels.
        throw new NotImplementedException("Step 2: implement DocumentRouter.EnterReview (see README, step 2).");
    }

    // Step 1: a move answers its caller with where the document went.
    private static EventResult<DocumentState, DocumentData> Move(StateEvent e, DocumentState from, DocumentState to, DocumentData data)
    {
        // TODO Step 1: return NextState(to, data, StateAction.Reply(e.From!, new Moved(from, to))).
        throw new NotImplementedException("Step 1: implement DocumentRouter.Move (see README, step 1).");
    }

    // Leaving review (approved, rejected or expired): answers, with the same verdict, the caller that ended it if any
    // (the time-out has none) and (step 5) every caller waiting for the verdict.
    private static EventResult<DocumentState, DocumentData> EndReview(From? caller, DocumentState to, DocumentData data)
    {
        // TODO Step 1: var verdict = new Moved(DocumentState.Review, to); return NextState(to, data, ...) with a
        //              StateAction.Reply(caller, verdict) when caller is not null, and no action when it is.
        // TODO Step 5: answer the kept Froms too: the Froms to answer are data.AwaitingVerdict, plus the caller when
        //              there is one (data.AwaitingVerdict.Add(caller)); make a StateAction.Reply(from, verdict) of each
        //              (Select; [.. actions] makes the array), and return the data with AwaitingVerdict = [] so that
        //              each is answered once.
        throw new NotImplementedException("Step 1: implement DocumentRouter.EndReview (see README, steps 1 and 5).");
    }
}
