using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Otp;

namespace StateMachines.Tests;

/// <summary>
/// What every test needs: a node on a fake clock (time moves only when the test calls <see cref="Advance"/>) and a
/// notifier that writes down who was asked to review what.
/// </summary>
internal sealed class TestNode : IDisposable
{
    /// <summary>The title of the tests' documents.</summary>
    public const string Title = "Quarterly report";

    /// <summary>The first reviewer of the tests' documents.</summary>
    public const string Reviewer = "ada";

    /// <summary>How long the tests' reviews may stay undecided.</summary>
    public static readonly TimeSpan ReviewTimeout = TimeSpan.FromHours(48);

    /// <summary>The smallest step of time the tests take: one millisecond.</summary>
    public static readonly TimeSpan Instant = TimeSpan.FromMilliseconds(1);

    public TestNode()
    {
        Node = new Node(Clock);
    }

    public FakeTimeProvider Clock { get; } = new();

    public Node Node { get; }

    /// <summary>Every review request the routers of this test made.</summary>
    public ReviewDesk Desk { get; } = new();

    /// <summary>Starts a router for <see cref="Title"/>, reviewed by <see cref="Reviewer"/>, in draft.</summary>
    public Task<Pid> StartAsync(int step) =>
        Waiting.For(Document.StartAsync(Node, Title, Reviewer, Desk, ReviewTimeout), step, "Document.StartAsync to return the router's pid");

    /// <summary>Starts a router and submits its document, which is then in review (and its reviewer notified).</summary>
    public async Task<Pid> InReviewAsync(int step)
    {
        var document = await StartAsync(step);
        var submitted = await Waiting.For(Document.SubmitAsync(Node, document), step, "the reply to SubmitAsync on a new draft");
        if (submitted is not Moved(DocumentState.Draft, DocumentState.Review))
        {
            NUnit.Framework.Assert.Fail($"Step {step}: a draft, submitted, goes to review (step 1); SubmitAsync replied {submitted} (see README, step 1).");
        }

        await ProbeAsync(document, step, "the router, once in review");
        return document;
    }

    /// <summary>
    /// The router's state and data, read with <c>Sys.GetStateAsync</c>: a system message, answered between two events
    /// without running a callback or touching a timer. Its answer also proves that every message sent before it, and
    /// the state enter call that followed, have been handled.
    /// </summary>
    public Task<(DocumentState State, DocumentData Data)> ProbeAsync(Pid document, int step, string what = "the router to answer a probe") =>
        Waiting.For(Sys.GetStateAsync<(DocumentState, DocumentData)>(Node, document), step, what);

    /// <summary>Moves the fake clock; timers due by then fire before this returns.</summary>
    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void Dispose() => Node.Dispose();
}
