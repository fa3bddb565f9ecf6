using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Tests;

/// <summary>Step 3: a state time-out: a review left undecided expires back to draft; leaving review cancels it.</summary>
public sealed class Step3_Review_time_out
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_review_nobody_decides_expires_back_to_draft_on_time()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 3);

        test.Advance(TestNode.ReviewTimeout - TestNode.Instant);
        var early = await test.ProbeAsync(document, 3, "the router, 1 ms before its review time-out");
        test.Advance(TestNode.Instant);
        var late = await test.ProbeAsync(document, 3, "the router, when its review time-out has run out");

        Assert.That(early.State, Is.EqualTo(DocumentState.Review),
            "Step 3: 1 ms before the review time-out the document is still in review (see README, step 3).");
        Assert.That(late.State, Is.EqualTo(DocumentState.Draft),
            "Step 3: a review undecided for reviewTimeout goes back to Draft: Review's enter call sets " +
            "StateAction.StateTimeout(reviewTimeout, ...), and its EventKind.StateTimeout event moves to Draft (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Calls_and_stray_messages_during_review_do_not_restart_its_clock()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 3);

        test.Advance(TestNode.ReviewTimeout / 2);
        await Waiting.For(Document.StateAsync(test.Node, document), 3, "the reply to StateAsync in review");
        await Waiting.For(Document.SubmitAsync(test.Node, document), 3, "the reply to a refused SubmitAsync in review");
        test.Node.Send(document, "a stray message");
        await test.ProbeAsync(document, 3);
        test.Advance(TestNode.ReviewTimeout / 2);
        var (state, _) = await test.ProbeAsync(document, 3, "the router, a full review period after the submit");

        Assert.That(state, Is.EqualTo(DocumentState.Draft),
            "Step 3: a review expires reviewTimeout after it began, whatever events came meanwhile: a state time-out " +
            "(StateAction.StateTimeout) is not restarted by events, an event time-out (EventTimeout) would be (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Leaving_review_cancels_its_time_out()
    {
        using var test = new TestNode();
        var approved = await test.InReviewAsync(step: 3);
        var rejected = await test.InReviewAsync(step: 3);

        await Waiting.For(Document.ApproveAsync(test.Node, approved), 3, "the reply to ApproveAsync");
        await Waiting.For(Document.RejectAsync(test.Node, rejected, "no"), 3, "the reply to RejectAsync");
        test.Advance(TestNode.ReviewTimeout * 2);
        var first = await test.ProbeAsync(approved, 3, "the approved router, long after its review's time-out");
        var second = await test.ProbeAsync(rejected, 3, "the rejected router, long after its review's time-out");

        Assert.That((first.State, second.State), Is.EqualTo((DocumentState.Approved, DocumentState.Rejected)),
            "Step 3: a review that ended (approved or rejected) does not expire later: a state change cancels the state " +
            "time-out; match the time-out's event in Review only (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_entry_into_review_gets_a_full_review_period()
    {
        using var test = new TestNode();
        var resubmitted = await test.InReviewAsync(step: 3);
        var reassigned = await test.InReviewAsync(step: 3);

        test.Advance(TestNode.ReviewTimeout / 2);
        await Waiting.For(Document.RejectAsync(test.Node, resubmitted, "no"), 3, "the reply to RejectAsync");
        await Waiting.For(Document.ReviseAsync(test.Node, resubmitted), 3, "the reply to ReviseAsync");
        await Waiting.For(Document.SubmitAsync(test.Node, resubmitted), 3, "the reply to SubmitAsync on the revised draft");
        await Waiting.For(Document.ReassignAsync(test.Node, reassigned, "bob"), 3, "the reply to ReassignAsync");
        await test.ProbeAsync(resubmitted, 3);
        await test.ProbeAsync(reassigned, 3);

        test.Advance(TestNode.ReviewTimeout - TestNode.Instant);
        var early = (await test.ProbeAsync(resubmitted, 3)).State;
        var earlyReassigned = (await test.ProbeAsync(reassigned, 3)).State;
        test.Advance(TestNode.Instant);
        var late = (await test.ProbeAsync(resubmitted, 3)).State;
        var lateReassigned = (await test.ProbeAsync(reassigned, 3)).State;

        Assert.That(early, Is.EqualTo(DocumentState.Review),
            "Step 3: a document submitted again gets a full review period from its new entry into review (see README, step 3).");
        Assert.That(earlyReassigned, Is.EqualTo(DocumentState.Review),
            "Step 3: a reassigned review gets a full period too: the repeated enter call sets the state time-out again, " +
            "which restarts it (see README, step 3).");
        Assert.That((late, lateReassigned), Is.EqualTo((DocumentState.Draft, DocumentState.Draft)),
            "Step 3: and each expires exactly reviewTimeout after its last entry into review (see README, step 3).");
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(4),
            "Step 3: two documents, each entered review twice: four notifications (see README, step 2).");
    }
}
