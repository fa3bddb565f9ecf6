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
    protected override bool StateEnter => false;

    /// <summary>Starts in <see cref="DocumentState.Draft"/> with <see cref="DocumentData.New"/>.</summary>
    protected override StateMachineInit<DocumentState, DocumentData> Init() =>
        throw new NotImplementedException("Step 1: implement DocumentRouter.Init (see README, step 1).");

    /// <summary>
    /// Every event, in every state: the state enter call of Review, the allowed requests, the review's time-out, and a
    /// refusal for any request the state does not allow. Other messages are ignored.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="state">The document's state.</param>
    /// <param name="data">The document's data.</param>
    protected override EventResult<DocumentState, DocumentData> HandleEvent(StateEvent e, DocumentState state, DocumentData data) =>
        throw new NotImplementedException("Step 1: implement DocumentRouter.HandleEvent (see README, steps 1 to 5).");
}
