using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>Step 1 in full: every request in every state, what is left unchanged by a refusal, stray messages, arguments.</summary>
[Property("Step", 1)]
public sealed class RoutingSuite
{
    private static readonly string[] Requests = ["submit", "approve", "reject", "revise", "publish", "reassign", "verdict"];

    /// <summary>Which (state, request) pairs are refused at once: all but the moves of the README's table and the two that wait.</summary>
    public static IEnumerable<TestCaseData> RefusedPairs()
    {
        var allowed = new HashSet<(DocumentState, string)>
        {
            (DocumentState.Draft, "submit"),
            (DocumentState.Review, "approve"), (DocumentState.Review, "reject"), (DocumentState.Review, "reassign"),
            (DocumentState.Review, "publish"), (DocumentState.Review, "verdict"),
            (DocumentState.Rejected, "revise"),
            (DocumentState.Approved, "publish"),
        };
        foreach (var state in Enum.GetValues<DocumentState>())
        {
            foreach (var request in Requests)
            {
                if (!allowed.Contains((state, request)))
                {
                    yield return new TestCaseData(state, request).SetName($"{request} is refused in {state}");
                }
            }
        }
    }

    [TestCaseSource(nameof(RefusedPairs))]
    [CancelAfter(10_000)]
    public async Task A_request_is_refused_with_the_state_and_its_name_and_nothing_changes(DocumentState state, string request)
    {
        using var test = new HiddenNode();
        var document = await test.InStateAsync(state);
        var before = await test.ProbeAsync(document, 1);
        var notified = test.Desk.Requests.Count;

        var reply = await Waiting.For(Send(test, document, request), 1, $"the reply to {request} in {state}");
        var after = await test.ProbeAsync(document, 1);
        var asked = await Waiting.For(Document.StateAsync(test.Node, document), 1, "the reply to StateAsync");

        Assert.That(reply, Is.EqualTo(new Refused(state, request)), $"Step 1: {request} in {state} is refused, naming both (see README, step 1).");
        Assert.That(reply.ToString(), Does.Contain(request).And.Contain(state.ToString()), "Step 1: the refusal names the request and the state.");
        Assert.That(Snapshot(after), Is.EqualTo(Snapshot(before)), "Step 1: a refusal changes neither the state nor the data (see README, step 1).");
        Assert.That(asked, Is.EqualTo(state), "Step 1: the router goes on after a refusal, in the same state (see README, step 1).");
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(notified), "Step 2: a refusal is no entry into review (see README, step 2).");
    }

    [TestCase(DocumentState.Draft)]
    [TestCase(DocumentState.Review)]
    [TestCase(DocumentState.Approved)]
    [TestCase(DocumentState.Rejected)]
    [TestCase(DocumentState.Published)]
    [CancelAfter(10_000)]
    public async Task Stray_messages_and_casts_are_ignored_in_every_state(DocumentState state)
    {
        using var test = new HiddenNode();
        var document = await test.InStateAsync(state);
        var before = await test.ProbeAsync(document, 1);

        test.Node.Send(document, "noise");
        test.Node.Send(document, 42);
        StateMachine.Cast(test.Node, document, "noise");
        StateMachine.Cast(test.Node, document, new object());
        var after = await test.ProbeAsync(document, 1, "the router, after stray messages and casts");
        var asked = await Waiting.For(Document.StateAsync(test.Node, document), 1, "the reply to StateAsync after stray messages");

        Assert.That((Snapshot(after), asked), Is.EqualTo((Snapshot(before), state)),
            "Step 1: any other message is ignored and changes nothing (see README, step 1).");
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(state is DocumentState.Draft ? 0 : 1), "Step 2: a stray message is no entry into review.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StateAsync_answers_the_state_in_every_state_and_changes_nothing()
    {
        using var test = new HiddenNode();
        foreach (var state in Enum.GetValues<DocumentState>())
        {
            var document = await test.InStateAsync(state);
            var before = await test.ProbeAsync(document, 1);
            Assert.That(await Waiting.For(Document.StateAsync(test.Node, document), 1, "StateAsync"), Is.EqualTo(state), $"Step 1: StateAsync in {state}.");
            Assert.That(await Waiting.For(Document.StateAsync(test.Node, document), 1, "StateAsync again"), Is.EqualTo(state), $"Step 1: StateAsync again in {state}.");
            Assert.That(Snapshot(await test.ProbeAsync(document, 1)), Is.EqualTo(Snapshot(before)), $"Step 1: StateAsync changes nothing in {state}.");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Documents_are_independent_machines()
    {
        using var test = new HiddenNode();
        var first = await test.StartAsync("one", "ada");
        var second = await test.StartAsync("two", "bob");

        await test.ExpectAsync(Document.SubmitAsync(test.Node, first), new Moved(DocumentState.Draft, DocumentState.Review), 1, "submit the first");
        await test.ExpectAsync(Document.SubmitAsync(test.Node, second), new Moved(DocumentState.Draft, DocumentState.Review), 1, "submit the second");
        await test.ExpectAsync(Document.RejectAsync(test.Node, second, "why"), new Moved(DocumentState.Review, DocumentState.Rejected), 1, "reject the second");
        await test.ExpectAsync(Document.ApproveAsync(test.Node, first), new Moved(DocumentState.Review, DocumentState.Approved), 1, "approve the first");
        var a = await test.ProbeAsync(first, 1);
        var b = await test.ProbeAsync(second, 1);

        Assert.That((a.State, a.Data.Title, a.Data.Reviewer, a.Data.Rejection), Is.EqualTo((DocumentState.Approved, "one", "ada", (string?)null)), "Step 1: the first document, approved, should keep its own title and reviewer and no rejection");
        Assert.That((b.State, b.Data.Title, b.Data.Reviewer, b.Data.Rejection), Is.EqualTo((DocumentState.Rejected, "two", "bob", (string?)"why")), "Step 1: the second document, rejected, should keep its own title, reviewer and reason");
        Assert.That(test.Desk.Requests, Is.EquivalentTo(new[] { "ada: one", "bob: two" }), "Step 2: each router tells its own reviewer about its own title.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task A_second_rejection_replaces_the_reason_and_a_revision_clears_it()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();
        await test.ExpectAsync(Document.RejectAsync(test.Node, document, "first"), new Moved(DocumentState.Review, DocumentState.Rejected), 1, "reject");
        Assert.That((await test.ProbeAsync(document, 1)).Data.Rejection, Is.EqualTo("first"), "Step 1: a rejection should keep its reason in DocumentData.Rejection");
        await test.ExpectAsync(Document.RejectAsync(test.Node, document, "again"), new Refused(DocumentState.Rejected, "reject"), 1, "reject a rejected document");
        Assert.That((await test.ProbeAsync(document, 1)).Data.Rejection, Is.EqualTo("first"), "Step 1: a refused rejection keeps the first reason.");
        await test.ExpectAsync(Document.ReviseAsync(test.Node, document), new Moved(DocumentState.Rejected, DocumentState.Draft), 1, "revise");
        await test.ExpectAsync(Document.SubmitAsync(test.Node, document), new Moved(DocumentState.Draft, DocumentState.Review), 1, "submit again");
        Assert.That((await test.ProbeAsync(document, 1)).Data.Rejection, Is.Null, "Step 1: revised, the rejection is gone, and a new review starts clean.");
        await test.ExpectAsync(Document.RejectAsync(test.Node, document, "second"), new Moved(DocumentState.Review, DocumentState.Rejected), 1, "reject again");
        Assert.That((await test.ProbeAsync(document, 1)).Data.Rejection, Is.EqualTo("second"), "Step 1: a second rejection, after a revision, should keep its own reason");
        await test.ExpectAsync(Document.ApproveAsync(test.Node, document), new Refused(DocumentState.Rejected, "approve"), 1, "approve a rejected document");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task StartAsync_checks_each_argument_and_starts_nothing_when_one_is_wrong()
    {
        using var test = new HiddenNode();
        var day = TimeSpan.FromDays(1);

        Assert.That(() => Document.StartAsync(null!, "t", "r", test.Desk, day), Throws.ArgumentNullException, "no node");
        Assert.That(() => Document.StartAsync(test.Node, null!, "r", test.Desk, day), Throws.ArgumentNullException, "a null title");
        Assert.That(() => Document.StartAsync(test.Node, "", "r", test.Desk, day), Throws.ArgumentException, "an empty title");
        Assert.That(() => Document.StartAsync(test.Node, "t", null!, test.Desk, day), Throws.ArgumentNullException, "a null reviewer");
        Assert.That(() => Document.StartAsync(test.Node, "t", "", test.Desk, day), Throws.ArgumentException, "an empty reviewer");
        Assert.That(() => Document.StartAsync(test.Node, "t", "r", null!, day), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("notifier"), "no notifier");
        Assert.That(() => Document.StartAsync(test.Node, "t", "r", test.Desk, TimeSpan.Zero), Throws.TypeOf<ArgumentOutOfRangeException>(), "a zero time-out");
        Assert.That(() => Document.StartAsync(test.Node, "t", "r", test.Desk, -day), Throws.TypeOf<ArgumentOutOfRangeException>(), "a negative time-out");
        Assert.That(test.Node.Processes(), Is.Empty, "Step 1: a refused start starts nothing.");

        var tiny = await Waiting.For(Document.StartAsync(test.Node, "t", "r", test.Desk, HiddenNode.Instant), 1, "a start with a 1 ms review time-out");
        Assert.That(await Waiting.For(Document.StateAsync(test.Node, tiny), 1, "StateAsync"), Is.EqualTo(DocumentState.Draft), "Step 1: the smallest review time-out is allowed.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RejectAsync_and_ReassignAsync_check_their_argument_before_sending()
    {
        using var test = new HiddenNode();
        var document = await test.InReviewAsync();

        Assert.That(() => Document.RejectAsync(test.Node, document, null!), Throws.ArgumentNullException, "a null reason");
        Assert.That(() => Document.RejectAsync(test.Node, document, ""), Throws.ArgumentException.With.Property("ParamName").EqualTo("reason"), "an empty reason");
        Assert.That(() => Document.ReassignAsync(test.Node, document, null!), Throws.ArgumentNullException, "a null reviewer");
        Assert.That(() => Document.ReassignAsync(test.Node, document, ""), Throws.ArgumentException.With.Property("ParamName").EqualTo("reviewer"), "an empty reviewer");

        var (state, data) = await test.ProbeAsync(document, 1);
        Assert.That((state, data.Reviewer, data.Rejection), Is.EqualTo((DocumentState.Review, "ada", (string?)null)), "Step 1: nothing was sent.");
        Assert.That(test.Desk.Requests, Has.Count.EqualTo(1), "Step 1: no reassignment was sent.");
    }

    private static Task<RouteResult> Send(HiddenNode test, Pid document, string request) => request switch
    {
        "submit" => Document.SubmitAsync(test.Node, document),
        "approve" => Document.ApproveAsync(test.Node, document),
        "reject" => Document.RejectAsync(test.Node, document, "no"),
        "revise" => Document.ReviseAsync(test.Node, document),
        "publish" => Document.PublishAsync(test.Node, document),
        "reassign" => Document.ReassignAsync(test.Node, document, "zed"),
        "verdict" => Document.VerdictAsync(test.Node, document),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    private static (DocumentState, string, string, string?, int) Snapshot((DocumentState State, DocumentData Data) probe) =>
        (probe.State, probe.Data.Title, probe.Data.Reviewer, probe.Data.Rejection, probe.Data.AwaitingVerdict.Count);
}
