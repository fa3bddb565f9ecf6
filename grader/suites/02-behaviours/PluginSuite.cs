using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Behaviours.Hidden;

/// <summary>
/// The point of the exercise: the loop is generic. The learner's counter and stack on the learner's server, checked
/// against models, and behaviours the learner has never seen, of other shapes, run on the same server unchanged.
/// </summary>
[Property("Step", 4)]
public sealed class PluginSuite
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private abstract record KvRequest;

    private sealed record Put(string Key, int Value) : KvRequest;

    private sealed record Fetch(string Key) : KvRequest;

    private sealed record Delete(string Key) : KvRequest;

    /// <summary>A key-value store: a reference-type state, a nullable reply.</summary>
    private sealed class KeyValueStore : IBehaviour<ImmutableDictionary<string, int>, KvRequest, int?>
    {
        public ImmutableDictionary<string, int> Init() => ImmutableDictionary<string, int>.Empty;

        public (int? Reply, ImmutableDictionary<string, int> State) Handle(KvRequest request, ImmutableDictionary<string, int> state) =>
            request switch
            {
                Put put => (state.TryGetValue(put.Key, out var old) ? old : null, state.SetItem(put.Key, put.Value)),
                Fetch fetch => (state.TryGetValue(fetch.Key, out var value) ? value : null, state),
                Delete delete => (state.TryGetValue(delete.Key, out var gone) ? gone : null, state.Remove(delete.Key)),
                _ => throw new ArgumentOutOfRangeException(nameof(request)),
            };
    }

    /// <summary>Value-type requests, string replies, a state that is a mutable object threaded by identity.</summary>
    private sealed class Journal : IBehaviour<List<int>, int, string>
    {
        private List<int>? _lastReturned;

        public int WrongStates { get; private set; }

        public List<int> Init() => _lastReturned = new List<int>();

        public (string Reply, List<int> State) Handle(int request, List<int> state)
        {
            if (!ReferenceEquals(state, _lastReturned))
            {
                WrongStates++;
            }

            // A new list each time: the next Handle must be given exactly this one.
            var next = new List<int>(state) { request };
            _lastReturned = next;
            return (string.Join(",", next), next);
        }
    }

    [Test]
    [CancelAfter(10000)]
    [Repeat(3)]
    public async Task The_stack_on_the_server_follows_a_random_sequence_of_requests(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var server = LoopServer.Start(new StackBehaviour<int>());
        var model = new Stack<int>();

        for (var i = 0; i < 200; i++)
        {
            StackRequest<int> request;
            StackReply<int> expected;
            switch (random.Next(3))
            {
                case 0:
                    var item = random.Next(1000);
                    request = new StackRequest<int>.Push(item);
                    model.Push(item);
                    expected = StackReply<int>.Of(item);
                    break;
                case 1:
                    request = new StackRequest<int>.Pop();
                    expected = model.TryPop(out var popped) ? StackReply<int>.Of(popped) : StackReply<int>.Empty;
                    break;
                default:
                    request = new StackRequest<int>.Peek();
                    expected = model.TryPeek(out var top) ? StackReply<int>.Of(top) : StackReply<int>.Empty;
                    break;
            }

            Assert.That(await server.CallAsync(request, Timeout).WaitAsync(cancellationToken), Is.EqualTo(expected),
                $"reply to {request} (request {i})");
        }

        server.Stop();
        await server.Completion.WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(10000)]
    public async Task The_counter_on_the_server_follows_requests_sent_without_waiting(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var initial = random.Next(-100, 100);
        var server = LoopServer.Start(new CounterBehaviour(initial));
        var expected = new List<int>();
        var calls = new List<Task<int>>();
        var model = initial;

        // All sent before any reply is awaited: the server must handle them in the order they were sent.
        for (var i = 0; i < 200; i++)
        {
            var by = random.Next(0, 100);
            var up = random.Next(2) == 0;
            model += up ? by : -by;
            expected.Add(model);
            calls.Add(server.CallAsync(up ? new CounterRequest.Increment(by) : new CounterRequest.Decrement(by), Timeout));
        }

        Assert.That(await Task.WhenAll(calls).WaitAsync(cancellationToken), Is.EqualTo(expected),
            "Step 4: calls sent without waiting are handled in the order they were sent, each reply the count it made");
        server.Stop();
    }

    [Test]
    [CancelAfter(10000)]
    public async Task Many_callers_pushing_at_once_lose_no_item(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new StackBehaviour<int>());

        await Task.WhenAll(Enumerable.Range(0, 300)
            .Select(i => Task.Run(() => server.CallAsync(new StackRequest<int>.Push(i), Timeout), cancellationToken)))
            .WaitAsync(cancellationToken);

        var popped = new List<int>();
        while (true)
        {
            var reply = await server.CallAsync(new StackRequest<int>.Pop(), Timeout).WaitAsync(cancellationToken);
            if (reply.IsEmpty)
            {
                break;
            }

            popped.Add(reply.Item);
        }

        Assert.That(popped, Is.EquivalentTo(Enumerable.Range(0, 300)),
            "Step 4: every item pushed by the concurrent callers is on the stack once: none lost or repeated");
        server.Stop();
    }

    [Test]
    [CancelAfter(10000)]
    [Repeat(3)]
    public async Task A_key_value_store_written_here_runs_on_the_server_unchanged(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var server = LoopServer.Start(new KeyValueStore());
        var model = new Dictionary<string, int>();
        string[] keys = ["a", "b", "c", "d"];

        for (var i = 0; i < 150; i++)
        {
            var key = keys[random.Next(keys.Length)];
            KvRequest request;
            int? expected = model.TryGetValue(key, out var current) ? current : null;
            switch (random.Next(3))
            {
                case 0:
                    var value = random.Next(100);
                    request = new Put(key, value);
                    model[key] = value;
                    break;
                case 1:
                    request = new Fetch(key);
                    break;
                default:
                    request = new Delete(key);
                    model.Remove(key);
                    break;
            }

            Assert.That(await server.CallAsync(request, Timeout).WaitAsync(cancellationToken), Is.EqualTo(expected),
                $"reply to {request} (request {i})");
        }

        server.Stop();
        await server.Completion.WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(5000)]
    public async Task The_server_gives_Handle_exactly_the_state_the_last_Handle_returned(CancellationToken cancellationToken)
    {
        var journal = new Journal();
        var server = LoopServer.Start(journal);

        string reply = "";
        foreach (var n in new[] { 3, 1, 4, 1, 5 })
        {
            reply = await server.CallAsync(n, Timeout).WaitAsync(cancellationToken);
        }

        Assert.That(reply, Is.EqualTo("3,1,4,1,5"), "Step 4: each Handle gets the state the previous Handle returned");
        Assert.That(journal.WrongStates, Is.Zero, "the state object Init or Handle returned is the one the next Handle gets");
        server.Stop();
    }

    [Test]
    [CancelAfter(5000)]
    public async Task Three_different_behaviours_run_side_by_side_and_a_crash_in_one_spares_the_others(CancellationToken cancellationToken)
    {
        var counter = LoopServer.Start(new CounterBehaviour());
        var stack = LoopServer.Start(new StackBehaviour<string>());
        var store = LoopServer.Start(new KeyValueStore());

        await counter.CallAsync(new CounterRequest.Increment(3), Timeout).WaitAsync(cancellationToken);
        await stack.CallAsync(new StackRequest<string>.Push("x"), Timeout).WaitAsync(cancellationToken);
        await store.CallAsync(new Put("k", 9), Timeout).WaitAsync(cancellationToken);

        // A null request is a bug in the caller: the stack behaviour throws, and only the stack's server crashes.
        Assert.ThrowsAsync<ServerExitedException>(async () => await stack.CallAsync(null!, Timeout).WaitAsync(cancellationToken),
            "Step 4: the caller whose request crashed the stack's server gets ServerExitedException");
        Assert.ThrowsAsync<ArgumentNullException>(async () => await stack.Completion.WaitAsync(cancellationToken),
            "Step 4: the stack's server crashes: Completion fails with the behaviour's ArgumentNullException");

        Assert.That(await counter.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(3),
            "Step 4: a crash in the stack's server leaves the counter's server and its state untouched");
        Assert.That(await store.CallAsync(new Fetch("k"), Timeout).WaitAsync(cancellationToken), Is.EqualTo(9),
            "Step 4: a crash in the stack's server leaves the store's server and its state untouched");
        Assert.That(counter.IsAlive && store.IsAlive, Is.True,
            "Step 4: the counter's and the store's servers are still alive after the stack's server crashed");
        counter.Stop();
        store.Stop();
    }
}
