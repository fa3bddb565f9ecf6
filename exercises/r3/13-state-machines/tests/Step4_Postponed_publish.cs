using System.Threading.Tasks;
using NUnit.Framework;

namespace StateMachines.Tests;

/// <summary>Step 4: postponing: a publish asked for during a review waits, and is handled again once the review ends.</summary>
public sealed class Step4_Postponed_publish
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_publish_during_review_waits_and_is_carried_out_once_approved()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 4);

        var publish = Document.PublishAsync(test.Node, document);
        await test.ProbeAsync(document, 4, "the router, after the publish request");
        Waiting.StillWaiting(publish, 4,
            "a publish during review is postponed (StateAction.Postpone()): its caller gets no reply until the review ends");
        var state = await Waiting.For(Document.StateAsync(test.Node, document), 4,
            "the reply to StateAsync while a publish waits (a postponed event does not block the machine)");
        Assert.That(state, Is.EqualTo(DocumentState.Review), "Step 4: the postponed publish leaves the document in review (see README, step 4).");

        var approved = await Waiting.For(Document.ApproveAsync(test.Node, document), 4, "the reply to ApproveAsync");
        var published = await Waiting.For(publish, 4, "the postponed publish's reply, once the document is approved");
        var last = await Waiting.For(Document.StateAsync(test.Node, document), 4, "the reply to StateAsync after the approval");

        Assert.That(approved, Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Approved)), "Step 4: the approval itself is answered as in step 1 (see README, step 4).");
        Assert.That(published, Is.EqualTo(new Moved(DocumentState.Approved, DocumentState.Published)),
            "Step 4: once approved, the runtime hands the postponed publish to the machine again, and Approved's row publishes " +
            "the document: Moved(Approved, Published) (see README, step 4).");
        Assert.That(last, Is.EqualTo(DocumentState.Published),
            "Step 4: the postponed publish is handled before any later message: the document is published (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_postponed_publish_is_refused_when_the_review_ends_in_rejection_or_expiry()
    {
        using var test = new TestNode();
        var rejected = await test.InReviewAsync(step: 4);
        var expired = await test.InReviewAsync(step: 4);

        var publishRejected = Document.PublishAsync(test.Node, rejected);
        var publishExpired = Document.PublishAsync(test.Node, expired);
        await test.ProbeAsync(rejected, 4, "the first router, after the publish request");
        await test.ProbeAsync(expired, 4, "the second router, after the publish request");
        Waiting.StillWaiting(publishRejected, 4, "a publish during review waits for the review to end");

        await Waiting.For(Document.RejectAsync(test.Node, rejected, "no"), 4, "the reply to RejectAsync");
        test.Advance(TestNode.ReviewTimeout);

        Assert.That(await Waiting.For(publishRejected, 4, "the postponed publish's reply, once the document is rejected"),
            Is.EqualTo(new Refused(DocumentState.Rejected, "publish")),
            "Step 4: a postponed event is handled again in the new state, by that state's rows: a rejected document refuses " +
            "to be published (see README, step 4).");
        Assert.That(await Waiting.For(publishExpired, 4, "the postponed publish's reply, once the review expired"),
            Is.EqualTo(new Refused(DocumentState.Draft, "publish")),
            "Step 4: an expired review is a state change too: the postponed publish is refused in Draft (see README, step 4).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Postponed_publishes_are_handled_again_oldest_first()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 4);

        var first = Document.PublishAsync(test.Node, document);
        await test.ProbeAsync(document, 4, "the router, after the first publish request");
        var second = Document.PublishAsync(test.Node, document);
        await test.ProbeAsync(document, 4, "the router, after the second publish request");
        Waiting.StillWaiting(first, 4, "each publish during review is postponed");
        Waiting.StillWaiting(second, 4, "each publish during review is postponed");

        await Waiting.For(Document.ApproveAsync(test.Node, document), 4, "the reply to ApproveAsync");

        Assert.That(await Waiting.For(first, 4, "the first postponed publish's reply"), Is.EqualTo(new Moved(DocumentState.Approved, DocumentState.Published)),
            "Step 4: the oldest postponed publish comes back first and publishes the approved document (see README, step 4).");
        Assert.That(await Waiting.For(second, 4, "the second postponed publish's reply"), Is.EqualTo(new Refused(DocumentState.Published, "publish")),
            "Step 4: the second comes back in Published, where a publish is refused (see README, step 4).");
    }
}
