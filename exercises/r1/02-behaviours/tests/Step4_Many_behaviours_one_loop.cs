using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Behaviours.Tests;

/// <summary>Step 4: the loop never changes when a behaviour is added, and a behaviour that throws crashes its server.</summary>
public sealed class Step4_Many_behaviours_one_loop
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>A behaviour the server has never seen: it keeps the words it is sent and replies how many it has.</summary>
    private sealed class WordList : IBehaviour<ImmutableList<string>, string, int>
    {
        public ImmutableList<string> Init() => ImmutableList<string>.Empty;

        public (int Reply, ImmutableList<string> State) Handle(string request, ImmutableList<string> state)
        {
            var words = state.Add(request);
            return (words.Count, words);
        }
    }

    /// <summary>A behaviour that crashes on the request "boom", or in Init when asked to.</summary>
    private sealed class Fragile(Exception? crashInInit = null) : IBehaviour<int, string, int>
    {
        public int Init() => crashInInit is null ? 0 : throw crashInInit;

        public (int Reply, int State) Handle(string request, int state) =>
            request == "boom" ? throw new InvalidOperationException("boom") : (state + 1, state + 1);
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_counter_and_a_stack_run_on_two_servers_at_once(CancellationToken cancellationToken)
    {
        var counter = LoopServer.Start(new CounterBehaviour());
        var stack = LoopServer.Start(new StackBehaviour<string>());

        await counter.CallAsync(new CounterRequest.Increment(2), Timeout).WaitAsync(cancellationToken);
        await stack.CallAsync(new StackRequest<string>.Push("a"), Timeout).WaitAsync(cancellationToken);
        await stack.CallAsync(new StackRequest<string>.Push("b"), Timeout).WaitAsync(cancellationToken);
        await counter.CallAsync(new CounterRequest.Increment(2), Timeout).WaitAsync(cancellationToken);

        Assert.That(await counter.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(4),
            "Each server keeps its own behaviour's state.");
        Assert.That(await stack.CallAsync(new StackRequest<string>.Pop(), Timeout).WaitAsync(cancellationToken),
            Is.EqualTo(StackReply<string>.Of("b")),
            "Step 4: the stack's server kept its own state: Pop replies with the last item pushed");
        counter.Stop();
        stack.Stop();
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_behaviour_the_server_has_never_seen_runs_on_it_unchanged(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new WordList());

        await server.CallAsync("behaviours", Timeout).WaitAsync(cancellationToken);
        var count = await server.CallAsync("plug in", Timeout).WaitAsync(cancellationToken);

        Assert.That(count, Is.EqualTo(2),
            "The loop must work for any IBehaviour: nothing in it may know about counters or stacks.");
        server.Stop();
    }

    [Test]
    [CancelAfter(2000)]
    public void A_crash_in_Handle_ends_the_server_with_that_exception(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new Fragile());
        _ = server.CallAsync("boom", Timeout);

        var crash = Assert.ThrowsAsync<InvalidOperationException>(async () => await server.Completion.WaitAsync(cancellationToken),
            "Do not catch the behaviour's exception: let it leave the loop and fault Completion.");
        Assert.That(crash?.Message, Is.EqualTo("boom"),
            "Step 4: Completion fails with the behaviour's own exception, its message unchanged");
        Assert.That(server.IsAlive, Is.False, "Step 4: a crashed server is no longer alive");
    }

    [Test]
    [CancelAfter(2000)]
    public void The_caller_whose_request_crashed_the_server_gets_ServerExitedException(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new Fragile());

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await server.CallAsync("boom", Timeout).WaitAsync(cancellationToken),
            "The server crashed while handling the call: the caller must hear about it, not wait for the timeout.");
        Assert.That(exited?.InnerException, Is.TypeOf<InvalidOperationException>(),
            "Keep the crash's exception as the InnerException: it says why the server ended.");
        Assert.That(exited?.Message, Is.Not.Empty,
            "A ServerExitedException says in its message what happened; the message was empty (see README, step 4).");
    }

    [Test]
    [CancelAfter(2000)]
    public void A_crash_in_Init_ends_the_server_and_fails_its_calls(CancellationToken cancellationToken)
    {
        var error = new ArgumentException("bad configuration");
        var server = LoopServer.Start(new Fragile(crashInInit: error));

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await server.CallAsync("hello", Timeout).WaitAsync(cancellationToken),
            "A server whose Init threw never handles a request: its calls fail with ServerExitedException.");
        Assert.That(exited?.InnerException, Is.SameAs(error), "The inner exception is the one Init threw.");
        Assert.That(server.Completion.IsFaulted, Is.True, "Step 4: a crash in Init faults Completion");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_crash_in_one_server_leaves_the_other_running(CancellationToken cancellationToken)
    {
        var fragile = LoopServer.Start(new Fragile());
        var counter = LoopServer.Start(new CounterBehaviour());

        Assert.ThrowsAsync<ServerExitedException>(async () => await fragile.CallAsync("boom", Timeout).WaitAsync(cancellationToken),
            "Step 4: the call whose request crashed the fragile server fails with ServerExitedException");
        var count = await counter.CallAsync(new CounterRequest.Increment(1), Timeout).WaitAsync(cancellationToken);

        Assert.That(count, Is.EqualTo(1), "Servers share nothing: one crashing does not touch another.");
        Assert.That(counter.IsAlive, Is.True,
            "Step 4: the counter's server is still alive after another server crashed");
        counter.Stop();
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_negative_timeout_is_refused_before_anything_is_sent(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new CounterBehaviour());

        Assert.That(
            async () => await server.CallAsync(new CounterRequest.Increment(1), TimeSpan.FromSeconds(-1))
                .WaitAsync(cancellationToken),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("negative"),
            "A timeout of -1 s must throw ArgumentOutOfRangeException whose message says the timeout is negative "
            + "(see README, step 4).");

        try
        {
            await server.CallAsync(new CounterRequest.Increment(10), TimeSpan.Zero, new FakeTimeProvider())
                .WaitAsync(cancellationToken);
        }
        catch (TimeoutException)
        {
            // Either outcome is right: a zero timeout gives the server no time, unless it was quicker still.
        }

        var count = await server.CallAsync(new CounterRequest.Get(), System.Threading.Timeout.InfiniteTimeSpan)
            .WaitAsync(cancellationToken);
        Assert.That(count, Is.EqualTo(10),
            $"Expected 10: the refused Increment(1) is never sent, a zero timeout is not negative and its Increment(10) "
            + $"is handled, and Timeout.InfiniteTimeSpan waits for the reply; the count was {count} (see README, step 4).");
        server.Stop();
    }
}
