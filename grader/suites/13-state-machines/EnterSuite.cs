using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>Step 2 in full: one notification per entry into review, repeated entries included, and none otherwise.</summary>
[Property("Step", 2)]
public sealed class EnterSuite
{
    [Test]
    [CancelAfter(10_000)]
    public async Task A_chain_of_reassignments_notifies_each_reviewer_once_in_order()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync("Budget", "ada");

        foreach (var next in new[] { "bob", "cy", "ada", "ada" })
        {
            await test.ExpectAsync(Document.ReassignAsync(test.Node, document, next), new Moved(DocumentState.Review, DocumentState.Review), 2, $"reassign to {next}");
            var (state, data) = await test.ProbeAsync(document, 2);
            Assert.That((state, data.Reviewer), Is.EqualTo((DocumentState.Review, next)), "Step 2: the new reviewer is kept, in review.");
        }

        Assert.That(test.Desk.Requests, Is.EqualTo(new[] { "ada: Budget", "bob: Budget", "cy: Budget", "ada: Budget", "ada: Budget" }),
            "Step 2: every reassignment repeats the state, and each repeated entry notifies, even the same reviewer again (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task An_expired_review_submitted_again_notifies_again_and_keeps_the_reassigned_reviewer()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync("Budget", "ada");
        await test.ExpectAsync(Document.ReassignAsync(test.Node, document, "bob"), new Moved(DocumentState.Review, DocumentState.Review), 2, "reassign");
        await test.ProbeAsync(document, 2);

        test.Advance(test.ReviewTimeout);
        Assert.That((await test.ProbeAsync(document, 3)).State, Is.EqualTo(DocumentState.Draft), "Step 3: the review expired.");
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(2), "Step 2: entering Draft notifies nobody.");

        await test.ExpectAsync(Document.SubmitAsync(test.Node, document), new Moved(DocumentState.Draft, DocumentState.Review), 1, "submit again");
        await test.ProbeAsync(document, 2);
        Assert.That(test.Desk.Requests, Is.EqualTo(new[] { "ada: Budget", "bob: Budget", "bob: Budget" }),
            "Step 2: a new entry notifies the reviewer the data holds now (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Many_calls_in_review_make_no_new_entry()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        var calls = new Task[30];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = (i % 3) switch
            {
                0 => Document.StateAsync(test.Node, document),
                1 => Document.SubmitAsync(test.Node, document),
                _ => Document.ReviseAsync(test.Node, document),
            };
        }

        await Waiting.For(Task.WhenAll(calls).ContinueWith(_ => true, TaskScheduler.Default), 2, "thirty calls in review");
        await test.ProbeAsync(document, 2);
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(1), "Step 2: only entries notify (see README, step 2).");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task The_state_enter_call_at_start_and_every_other_state_notify_nobody()
    {
        using var test = new HiddenNode();
        foreach (var state in new[] { DocumentState.Draft, DocumentState.Approved, DocumentState.Rejected, DocumentState.Published })
        {
            var document = await test.InStateAsync(state);
            await test.ProbeAsync(document, 2);
        }

        Assert.That(test.Desk.Requests, Has.Count.EqualTo(3), "Step 2: only the three documents that went through review were announced.");
    }
}
