using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Tests;

/// <summary>Step 2: a state enter call: entering review notifies the reviewer, once per entry, a repeated entry included.</summary>
public sealed class Step2_Entering_review
{
    private const string AdaAsked = "ada: " + TestNode.Title;

    [Test]
    [CancelAfter(10_000)]
    public async Task Entering_review_notifies_the_reviewer_once()
    {
        using var test = new TestNode();
        var document = await test.StartAsync(step: 2);
        await test.ProbeAsync(document, 2);
        Assert.That(test.Desk.Requests, Is.Empty,
            "Step 2: a new draft asks nobody for a review (the enter call at start is Draft's, which does nothing) (see README, step 2).");

        await Waiting.For(Document.SubmitAsync(test.Node, document), 2, "the reply to SubmitAsync");
        await test.ProbeAsync(document, 2, "the router, after the submit and its state enter call");

        Assert.That(test.Desk.Requests, Is.EqualTo(new[] { AdaAsked }),
            "Step 2: entering review calls notifier.ReviewRequested(reviewer, title) once, from the state enter call " +
            "(StateEnter => true; an EventKind.Enter event in Review) (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Events_that_keep_the_document_in_review_or_take_it_elsewhere_notify_nobody()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 2);

        await Waiting.For(Document.StateAsync(test.Node, document), 2, "the reply to StateAsync in review");
        await Waiting.For(Document.SubmitAsync(test.Node, document), 2, "the reply to a refused SubmitAsync in review");
        test.Node.Send(document, "a stray message");
        StateMachine.Cast(test.Node, document, "a stray cast");
        await test.ProbeAsync(document, 2, "the router, after events that keep it in review");
        Assert.That(test.Desk.Requests, Is.EqualTo(new[] { AdaAsked }),
            "Step 2: an event that keeps the state (a call answered in review, a refused submit, a stray message) is not an " +
            "entry: no new notification (notify in the enter call, not in every event's handler) (see README, step 2).");

        await Waiting.For(Document.ApproveAsync(test.Node, document), 2, "the reply to ApproveAsync");
        await Waiting.For(Document.PublishAsync(test.Node, document), 2, "the reply to PublishAsync");
        await test.ProbeAsync(document, 2, "the router, once published");
        Assert.That(test.Desk.Requests, Is.EqualTo(new[] { AdaAsked }),
            "Step 2: entering Approved or Published asks nobody for a review: only Review's enter call notifies (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Each_new_entry_into_review_notifies_again()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 2);

        await Waiting.For(Document.RejectAsync(test.Node, document, "too long"), 2, "the reply to RejectAsync");
        await Waiting.For(Document.ReviseAsync(test.Node, document), 2, "the reply to ReviseAsync");
        await Waiting.For(Document.SubmitAsync(test.Node, document), 2, "the reply to SubmitAsync on the revised draft");
        await test.ProbeAsync(document, 2, "the router, back in review");

        Assert.That(test.Desk.Requests, Is.EqualTo(new[] { AdaAsked, AdaAsked }),
            "Step 2: every entry into review is a new enter call, so the reviewer is asked again (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_reassigned_review_is_entered_again_and_the_new_reviewer_is_notified()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 2);

        var reassigned = await Waiting.For(Document.ReassignAsync(test.Node, document, "bob"), 2, "the reply to ReassignAsync");
        var (state, data) = await test.ProbeAsync(document, 2, "the router, after the reassignment and its enter call");

        Assert.That(reassigned, Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Review)),
            $"Step 2: a reassignment repeats the state: Moved(Review, Review); got {reassigned} (see README, step 2).");
        Assert.That((state, data.Reviewer), Is.EqualTo((DocumentState.Review, "bob")),
            $"Step 2: the new reviewer is kept in the data, and the document stays in review; the probe saw {(state, data)} (see README, step 2).");
        Assert.That(test.Desk.Requests, Is.EqualTo(new[] { AdaAsked, "bob: " + TestNode.Title }),
            "Step 2: RepeatState(data with the new reviewer, ...) runs Review's enter call again, which notifies bob; " +
            "KeepState would not (see README, step 2).");
    }
}
