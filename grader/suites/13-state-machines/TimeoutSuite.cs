using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>Step 3 in full: the review's state time-out at random lengths, restarted only by entries, cancelled by leaving.</summary>
[Property("Step", 3)]
public sealed class TimeoutSuite
{
    [Test]
    [Repeat(5)]
    [CancelAfter(10_000)]
    public async Task A_review_of_any_length_expires_exactly_on_time()
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(2, 10_000_000));
        using var test = new HiddenNode(timeout);
        var document = await test.InReviewAsync();

        var before = timeout - HiddenNode.Instant;
        var first = TimeSpan.FromMilliseconds(random.Next(0, (int)before.TotalMilliseconds));
        test.Advance(first);
        await test.ProbeAsync(document, 3);
        test.Advance(before - first);
        Assert.That((await test.ProbeAsync(document, 3)).State, Is.EqualTo(DocumentState.Review), $"Step 3: {timeout} review, 1 ms before its end.");
        test.Advance(HiddenNode.Instant);
        var (state, data) = await test.ProbeAsync(document, 3);
        Assert.That(state, Is.EqualTo(DocumentState.Draft), $"Step 3: a {timeout} review expires after exactly {timeout} (see README, step 3).");
        Assert.That((data.Reviewer, data.Rejection, data.AwaitingVerdict.Count), Is.EqualTo(("ada", (string?)null, 0)), "Step 3: an expiry keeps the data.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_expired_document_stays_in_draft_and_expires_no_more()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        test.Advance(test.ReviewTimeout);
        await test.ProbeAsync(document, 3);
        test.Advance(test.ReviewTimeout * 5);

        Assert.That((await test.ProbeAsync(document, 3)).State, Is.EqualTo(DocumentState.Draft), "Step 3: one time-out, one expiry.");
        await test.ExpectAsync(Document.SubmitAsync(test.Node, document), new Moved(DocumentState.Draft, DocumentState.Review), 3,
            "submit after the expiry");
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(2), "Step 2: the new entry notifies.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Stray_messages_casts_and_calls_at_random_times_never_move_the_deadline()
    {
        var random = Seeded.Random();
        using var test = new HiddenNode(TimeSpan.FromSeconds(1000));
        var document = await test.InReviewAsync();
        var elapsed = TimeSpan.Zero;

        while (elapsed < test.ReviewTimeout - TimeSpan.FromSeconds(2))
        {
            var step = TimeSpan.FromSeconds(random.Next(1, 100));
            if (elapsed + step >= test.ReviewTimeout)
            {
                break;
            }

            test.Advance(step);
            elapsed += step;
            switch (random.Next(5))
            {
                case 0: test.Node.Send(document, "noise"); break;
                case 1: StateMachine.Cast(test.Node, document, "noise"); break;
                case 2: await Waiting.For(Document.StateAsync(test.Node, document), 3, "StateAsync"); break;
                case 3: await Waiting.For(Document.SubmitAsync(test.Node, document), 3, "a refused submit"); break;
                default: await Waiting.For(Document.RejectAsync(test.Node, await test.StartAsync("other"), "x"), 3, "a call to another document"); break;
            }

            Assert.That((await test.ProbeAsync(document, 3)).State, Is.EqualTo(DocumentState.Review), $"Step 3: still in review after {elapsed}.");
        }

        test.Advance(test.ReviewTimeout - elapsed);
        Assert.That((await test.ProbeAsync(document, 3)).State, Is.EqualTo(DocumentState.Draft),
            "Step 3: the review expires reviewTimeout after it began, whatever came in between (a state time-out) (see README, step 3).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_review_ended_just_before_its_time_out_stays_ended()
    {
        using var test = new HiddenNode();
        var approved = await test.InReviewAsync();
        var rejected = await test.InReviewAsync();
        test.Advance(test.ReviewTimeout - HiddenNode.Instant);

        await test.ExpectAsync(Document.ApproveAsync(test.Node, approved), new Moved(DocumentState.Review, DocumentState.Approved), 3, "approve at the last moment");
        await test.ExpectAsync(Document.RejectAsync(test.Node, rejected, "late"), new Moved(DocumentState.Review, DocumentState.Rejected), 3, "reject at the last moment");
        await test.ExpectAsync(Document.ReviseAsync(test.Node, rejected), new Moved(DocumentState.Rejected, DocumentState.Draft), 3, "revise");
        await test.ProbeAsync(approved, 3);
        test.Advance(test.ReviewTimeout);

        Assert.That((await test.ProbeAsync(approved, 3)).State, Is.EqualTo(DocumentState.Approved), "Step 3: leaving review cancels the time-out.");
        Assert.That((await test.ProbeAsync(rejected, 3)).State, Is.EqualTo(DocumentState.Draft), "Step 3: and a later draft is not touched by it.");
        await test.ExpectAsync(Document.PublishAsync(test.Node, approved), new Moved(DocumentState.Approved, DocumentState.Published), 1, "publish");
        test.Advance(test.ReviewTimeout);
        Assert.That((await test.ProbeAsync(approved, 3)).State, Is.EqualTo(DocumentState.Published), "Step 3: Published has no time-out.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_review_reassigned_at_random_times_expires_one_full_period_after_the_last_reassignment()
    {
        var random = Seeded.Random();
        using var test = new HiddenNode(TimeSpan.FromSeconds(100));
        var document = await test.InReviewAsync();

        for (var i = 0; i < 5; i++)
        {
            test.Advance(TimeSpan.FromSeconds(random.Next(1, 99)));
            await test.ExpectAsync(Document.ReassignAsync(test.Node, document, $"r{i}"), new Moved(DocumentState.Review, DocumentState.Review), 3, $"reassignment {i}");
            await test.ProbeAsync(document, 3);
        }

        test.Advance(test.ReviewTimeout - HiddenNode.Instant);
        Assert.That((await test.ProbeAsync(document, 3)).State, Is.EqualTo(DocumentState.Review), "Step 3: each repeated entry restarts the review's time-out.");
        test.Advance(HiddenNode.Instant);
        Assert.That((await test.ProbeAsync(document, 3)).State, Is.EqualTo(DocumentState.Draft), "Step 3: one full period after the last entry, it expires.");
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(6), "Step 2: one submit and five reassignments: six notifications.");
    }
}
