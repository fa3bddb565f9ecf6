using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>Step 5 in full: kept Froms through reassignments, with postponed publishes, from many callers, answered once.</summary>
[Property("Step", 5)]
public sealed class VerdictSuite
{
    [Test]
    [CancelAfter(10_000)]
    public async Task Waiting_callers_stay_through_a_reassignment_and_hear_the_verdict_once()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var verdict = Document.VerdictAsync(test.Node, document);
        await test.ProbeAsync(document, 5);

        await test.ExpectAsync(Document.ReassignAsync(test.Node, document, "bob"), new Moved(DocumentState.Review, DocumentState.Review), 2, "reassign");
        var (_, data) = await test.ProbeAsync(document, 5);
        Waiting.StillWaiting(verdict, 5, "a reassignment is no verdict: the caller waits on");
        Assert.That(data.AwaitingVerdict, Has.Count.EqualTo(1), "Step 5: the kept From survives the repeated state.");

        await test.ExpectAsync(Document.RejectAsync(test.Node, document, "no"), new Moved(DocumentState.Review, DocumentState.Rejected), 5, "reject");
        Assert.That(await Waiting.For(verdict, 5, "the verdict"), Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Rejected)), "Step 5: the waiting verdict caller should hear that the review ended in rejection");
        Assert.That((await test.ProbeAsync(document, 5)).Data.AwaitingVerdict, Is.Empty, "Step 5: answered once, then forgotten.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_callers_of_one_review_are_not_answered_again_by_the_next()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var first = Document.VerdictAsync(test.Node, document);
        await test.ProbeAsync(document, 5);
        test.Advance(test.ReviewTimeout);
        Assert.That(await Waiting.For(first, 5, "the verdict of the expired review"), Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Draft)), "Step 5: a verdict caller should hear Moved(Review, Draft) when the review expires");

        await test.ExpectAsync(Document.SubmitAsync(test.Node, document), new Moved(DocumentState.Draft, DocumentState.Review), 1, "submit again");
        var second = Document.VerdictAsync(test.Node, document);
        var (_, data) = await test.ProbeAsync(document, 5);
        Assert.That(data.AwaitingVerdict, Has.Count.EqualTo(1), "Step 5: only the new caller waits; the first was cleared when answered.");
        await test.ExpectAsync(Document.ApproveAsync(test.Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 5, "approve");
        Assert.That(await Waiting.For(second, 5, "the verdict of the second review"), Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Approved)), "Step 5: the caller of the second review should hear its approval");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Verdicts_and_a_postponed_publish_are_all_answered_by_one_approval()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var before = Document.VerdictAsync(test.Node, document);
        var publish = Document.PublishAsync(test.Node, document);
        var after = Document.VerdictAsync(test.Node, document);
        var (_, data) = await test.ProbeAsync(document, 5);
        Assert.That(data.AwaitingVerdict, Has.Count.EqualTo(2), "Step 5: two kept Froms; the publish is postponed, not kept in the data.");

        await test.ExpectAsync(Document.ApproveAsync(test.Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 5, "approve");

        Assert.That(await Waiting.For(before, 5, "the first verdict"), Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Approved)), "Step 5: the verdict caller before the publish should hear the approval");
        Assert.That(await Waiting.For(after, 5, "the second verdict"), Is.EqualTo(new Moved(DocumentState.Review, DocumentState.Approved)), "Step 5: the verdict caller after the publish should hear the approval too");
        Assert.That(await Waiting.For(publish, 4, "the postponed publish"), Is.EqualTo(new Moved(DocumentState.Approved, DocumentState.Published)), "Step 5: the publish postponed between the two verdict calls should come back and publish");
        Assert.That((await test.ProbeAsync(document, 5)).State, Is.EqualTo(DocumentState.Published), "Step 5: one approval with a publish postponed should leave the document published");
    }

    [Test]
    [Repeat(3)]
    [CancelAfter(10_000)]
    public async Task Any_number_of_callers_from_many_threads_each_hear_the_verdict()
    {
        var random = Seeded.Random();
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var verdicts = new Task<RouteResult>[random.Next(1, 60)];
        Parallel.For(0, verdicts.Length, i => verdicts[i] = Document.VerdictAsync(test.Node, document));
        var (_, data) = await test.ProbeAsync(document, 5);
        Assert.That(data.AwaitingVerdict, Has.Count.EqualTo(verdicts.Length), "Step 5: every caller is kept.");

        var end = random.Next(3);
        var expected = end switch
        {
            0 => new Moved(DocumentState.Review, DocumentState.Approved),
            1 => new Moved(DocumentState.Review, DocumentState.Rejected),
            _ => new Moved(DocumentState.Review, DocumentState.Draft),
        };
        switch (end)
        {
            case 0: await test.ExpectAsync(Document.ApproveAsync(test.Node, document), expected, 5, "approve"); break;
            case 1: await test.ExpectAsync(Document.RejectAsync(test.Node, document, "no"), expected, 5, "reject"); break;
            default: test.Advance(test.ReviewTimeout); break;
        }

        var replies = await Waiting.For(Task.WhenAll(verdicts), 5, $"the {verdicts.Length} verdicts");
        Assert.That(replies, Is.All.EqualTo(expected), $"Step 5: all {verdicts.Length} callers hear {expected}.");
        Assert.That((await test.ProbeAsync(document, 5)).Data.AwaitingVerdict, Is.Empty, "Step 5: once the review ends every kept caller is answered and the list cleared");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_verdict_call_is_refused_in_every_state_but_review()
    {
        using var test = new HiddenNode();
        foreach (var state in new[] { DocumentState.Draft, DocumentState.Approved, DocumentState.Rejected, DocumentState.Published })
        {
            var document = await test.InStateAsync(state);
            await test.ExpectAsync(Document.VerdictAsync(test.Node, document), new Refused(state, "verdict"), 5, $"verdict in {state}");
            Assert.That((await test.ProbeAsync(document, 5)).Data.AwaitingVerdict, Is.Empty, $"Step 5: a refused verdict call is not kept ({state}).");
        }
    }
}
