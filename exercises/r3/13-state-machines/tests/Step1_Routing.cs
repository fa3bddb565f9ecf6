using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Tests;

/// <summary>Step 1: the routes from state to state, and a refusal with a reply for every request a state does not allow.</summary>
public sealed class Step1_Routing
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_new_document_is_a_draft_with_its_title_and_reviewer()
    {
        using var test = new TestNode();
        var document = await test.StartAsync(step: 1);

        var state = await Waiting.For(Document.StateAsync(test.Node, document), 1, "the reply to StateAsync");
        var (_, data) = await test.ProbeAsync(document, 1);

        Assert.That(state, Is.EqualTo(DocumentState.Draft), "Step 1: a new document starts in Draft: Init returns Ok(DocumentState.Draft, ...) (see README, step 1).");
        Assert.That((data.Title, data.Reviewer, data.Rejection, data.AwaitingVerdict.Count), Is.EqualTo((TestNode.Title, TestNode.Reviewer, (string?)null, 0)),
            $"Step 1: Init's data is DocumentData.New(title, reviewer); got {data} (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_document_goes_from_draft_through_review_and_approval_to_published()
    {
        using var test = new TestNode();
        var document = await test.StartAsync(step: 1);

        var submitted = await Waiting.For(Document.SubmitAsync(test.Node, document), 1, "the reply to SubmitAsync");
        var inReview = await Waiting.For(Document.StateAsync(test.Node, document), 1, "the reply to StateAsync after a submit");
        var approved = await Waiting.For(Document.ApproveAsync(test.Node, document), 1, "the reply to ApproveAsync");
        var published = await Waiting.For(Document.PublishAsync(test.Node, document), 1, "the reply to PublishAsync");
        var last = await Waiting.For(Document.StateAsync(test.Node, document), 1, "the reply to StateAsync after a publish");

        Assert.That(submitted, Is.EqualTo(new Moved(DocumentState.Draft, DocumentState.Review)),
            "Step 1: a draft, submitted, goes to review, and the reply says so: Moved(Draft, Review) (see README, step 1).");
        Assert.That(inReview, Is.EqualTo(DocumentState.Review), "Step 1: StateAsync answers with the state the document is in (see README, step 1).");
        Assert.That(approved, Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Approved)),
            "Step 1: a document in review, approved, goes to Approved: Moved(Review, Approved) (see README, step 1).");
        Assert.That(published, Is.EqualTo(new Moved(DocumentState.Approved, DocumentState.Published)),
            "Step 1: an approved document, published, goes to Published: Moved(Approved, Published) (see README, step 1).");
        Assert.That(last, Is.EqualTo(DocumentState.Published), "Step 1: StateAsync answers Published at the end (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_rejected_document_keeps_the_reason_and_goes_back_to_draft_when_revised()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 1);

        var rejected = await Waiting.For(Document.RejectAsync(test.Node, document, "too long"), 1, "the reply to RejectAsync");
        var afterReject = await test.ProbeAsync(document, 1);
        var revised = await Waiting.For(Document.ReviseAsync(test.Node, document), 1, "the reply to ReviseAsync");
        var afterRevise = await test.ProbeAsync(document, 1);
        var again = await Waiting.For(Document.SubmitAsync(test.Node, document), 1, "the reply to SubmitAsync on a revised draft");

        Assert.That(rejected, Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Rejected)),
            "Step 1: a document in review, rejected, goes to Rejected: Moved(Review, Rejected) (see README, step 1).");
        Assert.That((afterReject.State, afterReject.Data.Rejection), Is.EqualTo((DocumentState.Rejected, (string?)"too long")),
            $"Step 1: a rejection keeps its reason in the data (Rejection); the probe saw {afterReject} (see README, step 1).");
        Assert.That(revised, Is.EqualTo(new Moved(DocumentState.Rejected, DocumentState.Draft)),
            "Step 1: a rejected document, revised, is a draft again: Moved(Rejected, Draft) (see README, step 1).");
        Assert.That((afterRevise.State, afterRevise.Data.Rejection), Is.EqualTo((DocumentState.Draft, (string?)null)),
            $"Step 1: revising clears the rejection (Rejection = null); the probe saw {afterRevise} (see README, step 1).");
        Assert.That(again, Is.EqualTo(new Moved(DocumentState.Draft, DocumentState.Review)),
            "Step 1: a revised draft can be submitted again (see README, step 1).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_request_the_state_does_not_allow_is_refused_with_a_reply_and_changes_nothing()
    {
        using var test = new TestNode();
        var document = await test.StartAsync(step: 1);

        await ExpectRefusedAsync(test, document, DocumentState.Draft, "approve", () => Document.ApproveAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Draft, "reject", () => Document.RejectAsync(test.Node, document, "no"));
        await ExpectRefusedAsync(test, document, DocumentState.Draft, "revise", () => Document.ReviseAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Draft, "publish", () => Document.PublishAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Draft, "reassign", () => Document.ReassignAsync(test.Node, document, "bob"));

        await Waiting.For(Document.SubmitAsync(test.Node, document), 1, "the reply to SubmitAsync");
        await ExpectRefusedAsync(test, document, DocumentState.Review, "submit", () => Document.SubmitAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Review, "revise", () => Document.ReviseAsync(test.Node, document));

        await Waiting.For(Document.RejectAsync(test.Node, document, "typos"), 1, "the reply to RejectAsync");
        await ExpectRefusedAsync(test, document, DocumentState.Rejected, "approve", () => Document.ApproveAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Rejected, "submit", () => Document.SubmitAsync(test.Node, document));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Published_is_the_end_of_the_road_where_every_request_is_refused()
    {
        using var test = new TestNode();
        var document = await test.InReviewAsync(step: 1);
        await Waiting.For(Document.ApproveAsync(test.Node, document), 1, "the reply to ApproveAsync");
        await ExpectRefusedAsync(test, document, DocumentState.Approved, "approve", () => Document.ApproveAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Approved, "submit", () => Document.SubmitAsync(test.Node, document));
        await Waiting.For(Document.PublishAsync(test.Node, document), 1, "the reply to PublishAsync");

        await ExpectRefusedAsync(test, document, DocumentState.Published, "submit", () => Document.SubmitAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Published, "approve", () => Document.ApproveAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Published, "reject", () => Document.RejectAsync(test.Node, document, "late"));
        await ExpectRefusedAsync(test, document, DocumentState.Published, "revise", () => Document.ReviseAsync(test.Node, document));
        await ExpectRefusedAsync(test, document, DocumentState.Published, "publish", () => Document.PublishAsync(test.Node, document));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_client_API_refuses_bad_arguments_before_starting_or_sending_anything()
    {
        using var test = new TestNode();
        var day = TimeSpan.FromDays(1);

        Assert.That(() => Document.StartAsync(test.Node, "", "ada", test.Desk, day), Throws.InstanceOf<ArgumentException>(),
            "Step 1: StartAsync refuses an empty title with an ArgumentException (see README, step 1).");
        Assert.That(() => Document.StartAsync(test.Node, null!, "ada", test.Desk, day), Throws.InstanceOf<ArgumentException>(),
            "Step 1: StartAsync refuses a null title with an ArgumentException (see README, step 1).");
        Assert.That(() => Document.StartAsync(test.Node, "plan", "", test.Desk, day), Throws.InstanceOf<ArgumentException>(),
            "Step 1: StartAsync refuses an empty reviewer with an ArgumentException (see README, step 1).");
        Assert.That(() => Document.StartAsync(test.Node, "plan", "ada", null!, day), Throws.ArgumentNullException,
            "Step 1: StartAsync refuses a null notifier with an ArgumentNullException (see README, step 1).");
        Assert.That(() => Document.StartAsync(test.Node, "plan", "ada", test.Desk, TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 1: StartAsync refuses a review time-out that is not more than zero with an ArgumentOutOfRangeException (see README, step 1).");
        Assert.That(test.Node.Processes(), Is.Empty,
            "Step 1: a refused StartAsync starts no router: check the arguments before StateMachine.StartAsync (see README, step 1).");

        var document = await test.InReviewAsync(step: 1);
        Assert.That(() => Document.RejectAsync(test.Node, document, ""), Throws.InstanceOf<ArgumentException>(),
            "Step 1: RejectAsync refuses an empty reason with an ArgumentException (see README, step 1).");
        Assert.That(() => Document.ReassignAsync(test.Node, document, null!), Throws.InstanceOf<ArgumentException>(),
            "Step 1: ReassignAsync refuses a null reviewer with an ArgumentException (see README, step 1).");
        var (state, data) = await test.ProbeAsync(document, 1);
        Assert.That((state, data.Reviewer), Is.EqualTo((DocumentState.Review, TestNode.Reviewer)),
            $"Step 1: a refused argument sends nothing: the document is still in review with its reviewer; the probe saw {(state, data)} (see README, step 1).");
    }

    // A refused request replies Refused(state, name), and neither the state nor the data change.
    private static async Task ExpectRefusedAsync(TestNode test, Pid document, DocumentState state, string name, Func<Task<RouteResult>> request)
    {
        var before = await test.ProbeAsync(document, 1);
        var reply = await Waiting.For(request(), 1, $"the reply to the {name} request in {state} (a refusal is a reply: every call is answered)");
        var after = await test.ProbeAsync(document, 1, $"the router, after the refused {name} request");

        Assert.That(reply, Is.EqualTo(new Refused(state, name)),
            $"Step 1: {name} is not allowed in {state}: the reply is Refused({state}, \"{name}\"), naming the state and the request; got {reply} (see README, step 1).");
        Assert.That(reply.ToString(), Is.EqualTo($"cannot {name} a document in {state}"),
            "Step 1: a refusal reads as words in a log (given/Refused.cs) (see README, step 1).");
        Assert.That((after.State, after.Data.Title, after.Data.Reviewer, after.Data.Rejection, after.Data.AwaitingVerdict.Count),
            Is.EqualTo((before.State, before.Data.Title, before.Data.Reviewer, before.Data.Rejection, before.Data.AwaitingVerdict.Count)),
            $"Step 1: a refused {name} changes nothing: before {before}, after {after} (see README, step 1).");
    }
}
