using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace ResponseTuples.Hidden;

/// <summary>Replies and deferred replies against a model, in random mixes and from many callers at once.</summary>
public sealed class ReplySuite
{
    [Test]
    [CancelAfter(30_000)]
    [Property("Step", 2)]
    public async Task A_random_mix_of_deliveries_polls_and_status_matches_a_model()
    {
        var random = Seeded.Random();
        using var test = new TestNode();
        // No history: a loaded one is step 5's (ContinueSuite mixes a random history with deliveries).
        var session = await test.StartAsync(step: 1, HistoryStore.Empty);
        var unread = new List<string>();
        long delivered = 0;
        Task<IReadOnlyList<string>>? waiting = null;

        for (var i = 0; i < 200; i++)
        {
            switch (random.Next(4))
            {
                case 0 or 1:
                    var message = $"m{i}";
                    var number = await Waiting.For(Session.DeliverAsync(test.Node, session, message), 1, $"deliver {i}");
                    Assert.That(number, Is.EqualTo(++delivered), $"Step 1: operation {i}: a delivery replies with the next sequence number.");
                    if (waiting is not null)
                    {
                        Assert.That(await Waiting.For(waiting, 2, $"the waiting poll, answered by delivery {i}"), Is.EqualTo(new[] { message }), $"Step 2: operation {i}: a delivery answers the waiting poll with GenServer.Reply(poller, [message]).");
                        waiting = null;
                    }
                    else
                    {
                        unread.Add(message);
                    }

                    break;
                case 2:
                    var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);
                    if (unread.Count > 0)
                    {
                        Assert.That(await Waiting.For(poll, 1, $"poll {i}"), Is.EqualTo(unread), $"Step 1: operation {i}: a poll replies with every unread message, oldest first, and takes them.");
                        unread.Clear();
                    }
                    else
                    {
                        if (waiting is not null)
                        {
                            Assert.That(await Waiting.For(waiting, 2, $"the replaced poll, at poll {i}"), Is.Empty, $"Step 2: operation {i}: a second poll ends the waiting one with an empty list.");
                        }

                        waiting = poll;
                    }

                    break;
                default:
                    var status = await Waiting.For(Session.StatusAsync(test.Node, session), 1, $"status {i}");
                    Assert.That(status, Is.EqualTo(new SessionStatus("ada", delivered, unread.Count, waiting is not null)), $"Step 2: operation {i}: the status counts the deliveries and the unread messages, and shows whether a poll waits.");
                    break;
            }
        }
    }

    [Test]
    [CancelAfter(30_000)]
    [Property("Step", 1)]
    public async Task Concurrent_deliveries_get_distinct_numbers_and_every_message_is_polled_once()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 1);
        const int senders = 8, each = 50;

        var numbers = await Waiting.For(Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
        {
            var got = new List<long>();
            for (var i = 0; i < each; i++)
            {
                got.Add(await Session.DeliverAsync(test.Node, session, $"{s}:{i}"));
            }

            return got;
        }))), 1, "every delivery of eight concurrent senders");
        var polled = await Waiting.For(Session.PollAsync(test.Node, session), 1, "the poll after all deliveries");

        Assert.That(numbers.SelectMany(n => n), Is.EquivalentTo(Enumerable.Range(1, senders * each).Select(n => (long)n)),
            "Each delivery gets its own number, 1 to N, whatever the interleaving.");
        Assert.That(polled, Is.EquivalentTo(Enumerable.Range(0, senders).SelectMany(s => Enumerable.Range(0, each).Select(i => $"{s}:{i}"))), "Step 1: the final poll returns every delivered message, each exactly once.");
        for (var s = 0; s < senders; s++)
        {
            var fromSender = polled.Where(m => m.StartsWith($"{s}:", System.StringComparison.Ordinal)).ToList();
            Assert.That(fromSender, Is.EqualTo(Enumerable.Range(0, each).Select(i => $"{s}:{i}")), $"sender {s}'s messages stay in order");
        }
    }

    [Test]
    [CancelAfter(30_000)]
    [Property("Step", 2)]
    public async Task Many_status_callers_are_answered_while_a_poll_waits()
    {
        using var test = new TestNode();
        var session = await test.StartAsync(step: 2);
        var poll = Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan);

        var statuses = await Waiting.For(Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Session.StatusAsync(test.Node, session)))), 2,
            "twenty status calls while a poll waits");

        Assert.That(statuses, Has.All.EqualTo(new SessionStatus("ada", 0, 0, true)), "Step 2: every status call is answered while a poll waits, and shows that poll waiting.");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "x"), 2, "deliver");
        Assert.That(await Waiting.For(poll, 2, "the waiting poll"), Is.EqualTo(new[] { "x" }), "Step 2: the next delivery answers the waiting poll with that message.");
    }

    [Test]
    [CancelAfter(30_000)]
    [Property("Step", 2)]
    public async Task A_chain_of_polls_leaves_only_the_last_one_waiting()
    {
        var random = Seeded.Random();
        using var test = new TestNode();
        var session = await test.StartAsync(step: 2);
        var count = random.Next(2, 10);

        var polls = Enumerable.Range(0, count).Select(_ => Session.PollAsync(test.Node, session, Timeout.InfiniteTimeSpan)).ToList();
        for (var i = 0; i < count - 1; i++)
        {
            Assert.That(await Waiting.For(polls[i], 2, $"replaced poll {i} of {count}"), Is.Empty, $"poll {i} was replaced by the next one");
        }

        await Waiting.For(Session.DeliverAsync(test.Node, session, "last"), 2, "deliver");
        Assert.That(await Waiting.For(polls[^1], 2, "the last poll"), Is.EqualTo(new[] { "last" }), "Step 2: only the last poll of the chain still waits, and the delivery answers it.");
        await Waiting.For(Session.DeliverAsync(test.Node, session, "after"), 2, "deliver");
        var status = await Waiting.For(Session.StatusAsync(test.Node, session), 2, "status");
        Assert.That(status, Is.EqualTo(new SessionStatus("ada", 2, 1, false)), "After the deferred reply, a new message is unread again.");
    }
}
