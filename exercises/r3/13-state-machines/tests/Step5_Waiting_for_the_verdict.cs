using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace StateMachines.Tests;

/// <summary>Step 5: a call answered from a later state: the caller's From is kept in the data and answered when the review ends.</summary>
public sealed class Step5_Waiting_for_the_verdict
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_verdict_call_during_review_is_answered_when_the_review_ends()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 5);

        var verdict = Document.VerdictAsync(test.Node, document);
        var (_, waiting) = await test.ProbeAsync(document, 5, "the router, after the verdict call");
        Waiting.StillWaiting(verdict, 5, "a verdict call during review gets no reply until the review ends");
        Assert.That(waiting.AwaitingVerdict, Has.Count.EqualTo(1),
            "Step 5: the verdict caller's From (e.From) is kept in the data, in AwaitingVerdict (see README, step 5).");
        await Waiting.For(Document.StateAsync(test.Node, document), 5, "the reply to StateAsync while a verdict call waits");
        Waiting.StillWaiting(verdict, 5, "other calls are answered while the verdict caller waits");

        await Waiting.For(Document.ApproveAsync(test.Node, document), 5, "the reply to ApproveAsync");
        var answer = await Waiting.For(verdict, 5, "the verdict, once the document is approved");
        var (_, after) = await test.ProbeAsync(document, 5);

        Assert.That(answer, Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Approved)),
            "Step 5: leaving review answers every kept From with where the review went: Moved(Review, Approved) " +
            "(a StateAction.Reply(from, ...) per waiting caller) (see README, step 5).");
        Assert.That(after.AwaitingVerdict, Is.Empty, "Step 5: a From is answered once: clear AwaitingVerdict when the review ends (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Every_waiting_caller_hears_how_the_review_ended()
    {
        using var test = new TestNode();
        var rejected = await test.InReviewAsync(step: 5);
        var expired = await test.InReviewAsync(step: 5);

        var onRejected = Enumerable.Range(0, 3).Select(_ => Document.VerdictAsync(test.Node, rejected)).ToArray();
        var onExpired = Enumerable.Range(0, 2).Select(_ => Document.VerdictAsync(test.Node, expired)).ToArray();
        await test.ProbeAsync(rejected, 5, "the first router, after three verdict calls");
        await test.ProbeAsync(expired, 5, "the second router, after two verdict calls");

        await Waiting.For(Document.RejectAsync(test.Node, rejected, "no"), 5, "the reply to RejectAsync");
        test.Advance(TestNode.ReviewTimeout);

        var rejections = await Waiting.For(Task.WhenAll(onRejected), 5, "the three verdicts of the rejected review");
        var expiries = await Waiting.For(Task.WhenAll(onExpired), 5, "the two verdicts of the expired review (the time-out has no caller, but the waiting ones do)");
        Assert.That(rejections, Is.All.EqualTo(new Moved(DocumentState.Review, DocumentState.Rejected)),
            "Step 5: every waiting caller hears the verdict: Moved(Review, Rejected) (see README, step 5).");
        Assert.That(expiries, Is.All.EqualTo(new Moved(DocumentState.Review, DocumentState.Draft)),
            "Step 5: an expired review answers the waiting callers too: Moved(Review, Draft) (see README, step 5).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Outside_review_a_verdict_call_is_refused_at_once()
    {
        using var test = new TestNode();
        var document = await test.StartAsync(step: 5);

        var inDraft = await Waiting.For(Document.VerdictAsync(test.Node, document), 5, "the reply to VerdictAsync in Draft (there is no review to wait for)");
        await Waiting.For(Document.SubmitAsync(test.Node, document), 5, "the reply to SubmitAsync");
        await Waiting.For(Document.ApproveAsync(test.Node, document), 5, "the reply to ApproveAsync");
        var inApproved = await Waiting.For(Document.VerdictAsync(test.Node, document), 5, "the reply to VerdictAsync in Approved");

        Assert.That((inDraft, inApproved), Is.EqualTo((new Refused(DocumentState.Draft, "verdict"), new Refused(DocumentState.Approved, "verdict"))),
            "Step 5: with no review under way, a verdict call is refused at once, like any request its state does not allow (see README, step 5).");
    }
}
