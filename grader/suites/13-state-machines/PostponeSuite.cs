using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>Step 4 in full: postponed publishes through reassignments, many at once, and in every way a review can end.</summary>
[Property("Step", 4)]
public sealed class PostponeSuite
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_reassignment_is_no_state_change_so_a_postponed_publish_keeps_waiting()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var publish = Document.PublishAsync(test.Node, document);
        await test.ProbeAsync(document, 4);

        await test.ExpectAsync(Document.ReassignAsync(test.Node, document, "bob"), new Moved(DocumentState.Review, DocumentState.Review), 2, "reassign");
        await test.ProbeAsync(document, 4);
        Waiting.StillWaiting(publish, 4, "a repeated state retries no postponed event: the publish waits on through a reassignment");

        await test.ExpectAsync(Document.ApproveAsync(test.Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 4, "approve");
        Assert.That(await Waiting.For(publish, 4, "the postponed publish"), Is.EqualTo(new Moved(DocumentState.Approved, DocumentState.Published)), "Step 4: after the approval the postponed publish should come back and publish the document");
    }

    [Test]
    [Repeat(3)]
    [CancelAfter(10_000)]
    public async Task Of_many_postponed_publishes_the_oldest_publishes_and_the_rest_are_refused_in_Published()
    {
        var random = Seeded.Random();
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var count = random.Next(2, 12);
        var publishes = new Task<RouteResult>[count];
        for (var i = 0; i < count; i++)
        {
            publishes[i] = Document.PublishAsync(test.Node, document);
            await test.ProbeAsync(document, 4);
        }

        Assert.That(publishes.Any(p => p.IsCompleted), Is.False, "Step 4: every publish in review waits.");
        Assert.That((await test.ProbeAsync(document, 4)).State, Is.EqualTo(DocumentState.Review), "Step 4: postponing changes nothing.");
        await test.ExpectAsync(Document.ApproveAsync(test.Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 4, "approve");

        var replies = await Waiting.For(Task.WhenAll(publishes), 4, $"the {count} postponed publishes");
        Assert.That(replies[0], Is.EqualTo(new Moved(DocumentState.Approved, DocumentState.Published)), "Step 4: the oldest publishes.");
        Assert.That(replies.Skip(1), Is.All.EqualTo(new Refused(DocumentState.Published, "publish")), "Step 4: the others are refused in Published.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_postponed_publish_is_handled_before_a_request_sent_after_the_approval()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var publish = Document.PublishAsync(test.Node, document);
        await test.ProbeAsync(document, 4);

        var approve = Document.ApproveAsync(test.Node, document);
        var later = Document.PublishAsync(test.Node, document);

        Assert.That(await Waiting.For(approve, 4, "approve"), Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Approved)), "Step 4: the approval should be answered even with a publish postponed");
        Assert.That(await Waiting.For(publish, 4, "the postponed publish"), Is.EqualTo(new Moved(DocumentState.Approved, DocumentState.Published)),
            "Step 4: the postponed publish comes back before any message still in the mailbox (see README, step 4).");
        Assert.That(await Waiting.For(later, 4, "the later publish"), Is.EqualTo(new Refused(DocumentState.Published, "publish")),
            "Step 4: the publish sent after the approval comes after the postponed one.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_postponed_publish_refused_after_an_expiry_is_not_kept_for_the_next_review()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var publish = Document.PublishAsync(test.Node, document);
        await test.ProbeAsync(document, 4);
        test.Advance(test.ReviewTimeout);

        Assert.That(await Waiting.For(publish, 4, "the postponed publish after the expiry"), Is.EqualTo(new Refused(DocumentState.Draft, "publish")), "Step 4: a publish postponed in review should be refused in Draft once the review expires");
        await test.ExpectAsync(Document.SubmitAsync(test.Node, document), new Moved(DocumentState.Draft, DocumentState.Review), 1, "submit again");
        await test.ExpectAsync(Document.ApproveAsync(test.Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 1, "approve");
        Assert.That((await test.ProbeAsync(document, 4)).State, Is.EqualTo(DocumentState.Approved),
            "Step 4: a postponed event is handled once: the refused publish does not come back to publish the next approval.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Publishes_from_many_callers_at_once_during_review_make_exactly_one_publication()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var publishes = new Task<RouteResult>[40];
        Parallel.For(0, publishes.Length, i => publishes[i] = Document.PublishAsync(test.Node, document)); // each call is sent before it returns
        await test.ProbeAsync(document, 4, "the router, after forty publish calls");
        Assert.That(publishes.Any(p => p.IsCompleted), Is.False, "Step 4: every publish in review waits.");

        await test.ExpectAsync(Document.ApproveAsync(test.Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 4, "approve");
        var replies = await Waiting.For(Task.WhenAll(publishes), 4, "the forty postponed publishes");

        Assert.That(replies.Count(r => r == new Moved(DocumentState.Approved, DocumentState.Published)), Is.EqualTo(1), "Step 4: one publication.");
        Assert.That(replies.Count(r => r == new Refused(DocumentState.Published, "publish")), Is.EqualTo(39), "Step 4: the rest refused in Published.");
    }
}
