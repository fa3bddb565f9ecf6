using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>A node on a fake clock, a recording notifier, and the moves every suite needs, each checked on the way.</summary>
internal sealed class HiddenNode : IDisposable
{
    public const string Title = "Annual plan";

    public static readonly TimeSpan Instant = TimeSpan.FromMilliseconds(1);

    public HiddenNode(TimeSpan? reviewTimeout = null)
    {
        ReviewTimeout = reviewTimeout ?? TimeSpan.FromDays(3);
        Node = new Node(Clock);
    }

    public TimeSpan ReviewTimeout { get; }

    public FakeTimeProvider Clock { get; } = new();

    public Node Node { get; }

    public Desk Desk { get; } = new();

    public Task<Pid> StartAsync(string title = Title, string reviewer = "ada") =>
        Waiting.For(Document.StartAsync(Node, title, reviewer, Desk, ReviewTimeout), 1, "Document.StartAsync to return the router's pid");

    public async Task<Pid> InReviewAsync(string title = Title, string reviewer = "ada")
    {
        var document = await StartAsync(title, reviewer);
        await ExpectAsync(Document.SubmitAsync(Node, document), new Moved(DocumentState.Draft, DocumentState.Review), 1, "submit a new draft");
        await ProbeAsync(document, 1);
        return document;
    }

    /// <summary>A document in <paramref name="state"/>, reached by the routes of step 1.</summary>
    public async Task<Pid> InStateAsync(DocumentState state)
    {
        if (state == DocumentState.Draft)
        {
            return await StartAsync();
        }

        var document = await InReviewAsync();
        switch (state)
        {
            case DocumentState.Approved:
                await ExpectAsync(Document.ApproveAsync(Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 1, "approve");
                break;
            case DocumentState.Rejected:
                await ExpectAsync(Document.RejectAsync(Node, document, "no"), new Moved(DocumentState.Review, DocumentState.Rejected), 1, "reject");
                break;
            case DocumentState.Published:
                await ExpectAsync(Document.ApproveAsync(Node, document), new Moved(DocumentState.Review, DocumentState.Approved), 1, "approve");
                await ExpectAsync(Document.PublishAsync(Node, document), new Moved(DocumentState.Approved, DocumentState.Published), 1, "publish");
                break;
        }

        await ProbeAsync(document, 1);
        return document;
    }

    public async Task ExpectAsync(Task<RouteResult> request, RouteResult expected, int step, string what)
    {
        var reply = await Waiting.For(request, step, $"the reply to {what}");
        Assert.That(reply, Is.EqualTo(expected), $"Step {step}: {what} replies {expected}; got {reply} (see README, step {step}).");
    }

    public Task<(DocumentState State, DocumentData Data)> ProbeAsync(Pid document, int step, string what = "the router to answer a probe") =>
        Waiting.For(Sys.GetStateAsync<(DocumentState, DocumentData)>(Node, document), step, what);

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void Dispose() => Node.Dispose();
}
