using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Otp;

namespace StateMachines.Hidden;

/// <summary>Random walks through the machine, with the clock moving, checked step by step against a model of the README.</summary>
public sealed class ModelSuite
{
    [Test]
    [Repeat(4)]
    [CancelAfter(30_000)]
    [Property("Step", 5)]
    public async Task A_random_walk_matches_the_model()
    {
        var random = Seeded.Random();
        using var test = new HiddenNode(TimeSpan.FromSeconds(random.Next(10, 1000)));
        var document = await test.StartAsync("Walk", "r0");
        var model = new Model(test.ReviewTimeout);

        for (var i = 0; i < 150; i++)
        {
            var operation = random.Next(10);
            var what = $"operation {i} ({operation}) in {model.State}";
            switch (operation)
            {
                case 0:
                    await Check(Document.SubmitAsync(test.Node, document), model.Submit(), what);
                    break;
                case 1:
                    await Check(Document.ApproveAsync(test.Node, document), model.End(DocumentState.Approved, "approve", null), what);
                    break;
                case 2:
                    var reason = $"reason {i}";
                    await Check(Document.RejectAsync(test.Node, document, reason), model.End(DocumentState.Rejected, "reject", reason), what);
                    break;
                case 3:
                    await Check(Document.ReviseAsync(test.Node, document), model.Revise(), what);
                    break;
                case 4:
                    var publish = Document.PublishAsync(test.Node, document);
                    if (model.Publish() is { } published)
                    {
                        await Check(publish, published, what);
                    }
                    else
                    {
                        model.Postponed.Add(publish);
                    }

                    break;
                case 5:
                    var reviewer = $"r{i}";
                    await Check(Document.ReassignAsync(test.Node, document, reviewer), model.Reassign(reviewer), what);
                    break;
                case 6:
                    var verdict = Document.VerdictAsync(test.Node, document);
                    if (model.State == DocumentState.Review)
                    {
                        model.Verdicts.Add(verdict);
                    }
                    else
                    {
                        await Check(verdict, new Refused(model.State, "verdict"), what);
                    }

                    break;
                case 7:
                    Assert.That(await Waiting.For(Document.StateAsync(test.Node, document), 1, what), Is.EqualTo(model.State), $"{what}: StateAsync");
                    break;
                default:
                    var by = random.Next(3) switch
                    {
                        0 when model.Left > TimeSpan.Zero => model.Left,
                        1 when model.Left > HiddenNode.Instant => model.Left - HiddenNode.Instant,
                        _ => TimeSpan.FromMilliseconds(random.Next(1, (int)(test.ReviewTimeout.TotalMilliseconds / 2))),
                    };
                    test.Advance(by);
                    model.Advance(by);
                    break;
            }

            // Everything the model says was answered must have been answered so, and the rest must still wait.
            foreach (var (task, expected) in model.TakeAnswered())
            {
                Assert.That(await Waiting.For(task, 4, $"a reply answered by {what}"), Is.EqualTo(expected), $"{what}: a deferred reply");
            }

            var (state, data) = await test.ProbeAsync(document, 1, what);
            Assert.That((state, data.Reviewer, data.Rejection, data.AwaitingVerdict.Count),
                Is.EqualTo((model.State, model.Reviewer, model.Rejection, model.Verdicts.Count)), $"{what}: state and data");
            Assert.That(test.Desk.Requests, Is.EqualTo(model.Notifications), $"{what}: notifications");
            Assert.That(model.Postponed.Concat(model.Verdicts).Any(t => t.IsCompleted), Is.False, $"{what}: a call that should wait was answered");
        }
    }

    private static async Task Check(Task<RouteResult> request, RouteResult expected, string what)
    {
        var reply = await Waiting.For(request, 1, what);
        Assert.That(reply, Is.EqualTo(expected), what);
    }

    /// <summary>The README's rules, as plain code: no process, no clock, just the state, the data and who waits.</summary>
    private sealed class Model(TimeSpan reviewTimeout)
    {
        private readonly List<(Task<RouteResult>, RouteResult)> _answered = [];
        private TimeSpan _now;
        private TimeSpan _deadline;

        public DocumentState State { get; private set; } = DocumentState.Draft;

        public string Reviewer { get; private set; } = "r0";

        public string? Rejection { get; private set; }

        public List<string> Notifications { get; } = [];

        public List<Task<RouteResult>> Postponed { get; } = [];

        public List<Task<RouteResult>> Verdicts { get; } = [];

        /// <summary>How long until the review expires (zero outside review).</summary>
        public TimeSpan Left => State == DocumentState.Review ? _deadline - _now : TimeSpan.Zero;

        public RouteResult Submit()
        {
            if (State != DocumentState.Draft)
            {
                return new Refused(State, "submit");
            }

            State = DocumentState.Review;
            EnterReview();
            return new Moved(DocumentState.Draft, DocumentState.Review);
        }

        public RouteResult Revise()
        {
            if (State != DocumentState.Rejected)
            {
                return new Refused(State, "revise");
            }

            State = DocumentState.Draft;
            Rejection = null;
            return new Moved(DocumentState.Rejected, DocumentState.Draft);
        }

        public RouteResult Reassign(string reviewer)
        {
            if (State != DocumentState.Review)
            {
                return new Refused(State, "reassign");
            }

            Reviewer = reviewer;
            EnterReview();
            return new Moved(DocumentState.Review, DocumentState.Review);
        }

        /// <summary>A publish: its reply now, or null when it is postponed.</summary>
        public RouteResult? Publish()
        {
            switch (State)
            {
                case DocumentState.Review:
                    return null;
                case DocumentState.Approved:
                    State = DocumentState.Published;
                    return new Moved(DocumentState.Approved, DocumentState.Published);
                default:
                    return new Refused(State, "publish");
            }
        }

        /// <summary>Approve or reject: the review ends, the waiting callers hear it, the postponed publishes come back.</summary>
        public RouteResult End(DocumentState to, string request, string? reason)
        {
            if (State != DocumentState.Review)
            {
                return new Refused(State, request);
            }

            Rejection = reason ?? Rejection;
            return LeaveReview(to);
        }

        public void Advance(TimeSpan by)
        {
            _now += by;
            if (State == DocumentState.Review && _now >= _deadline)
            {
                LeaveReview(DocumentState.Draft);
            }
        }

        public List<(Task<RouteResult> Task, RouteResult Expected)> TakeAnswered()
        {
            var answered = _answered.ToList();
            _answered.Clear();
            return answered;
        }

        private void EnterReview()
        {
            Notifications.Add($"{Reviewer}: Walk");
            _deadline = _now + reviewTimeout;
        }

        private Moved LeaveReview(DocumentState to)
        {
            var verdict = new Moved(DocumentState.Review, to);
            State = to;
            _answered.AddRange(Verdicts.Select(v => (v, (RouteResult)verdict)));
            Verdicts.Clear();
            foreach (var publish in Postponed)
            {
                _answered.Add((publish, Publish()!)); // retried oldest first, in the state the review ended in
            }

            Postponed.Clear();
            return verdict;
        }
    }
}
