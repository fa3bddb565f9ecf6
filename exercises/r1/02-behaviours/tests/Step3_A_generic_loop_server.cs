using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Behaviours.Tests;

/// <summary>Step 3: one generic loop runs any behaviour: Init once, then receive, Handle, reply, over and over.</summary>
public sealed class Step3_A_generic_loop_server
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>A counter whose Init waits at a gate and tells when it has run.</summary>
    private sealed class GatedInit(ManualResetEventSlim gate) : IBehaviour<int, CounterRequest, int>
    {
        private readonly CounterBehaviour _counter = new(initialCount: 100);
        private int _inits;

        public int Inits => Volatile.Read(ref _inits);

        public int Init()
        {
            // Bounded, so that a server that wrongly runs Init inside Start still lets the test report it.
            gate.Wait(TimeSpan.FromSeconds(5));
            Interlocked.Increment(ref _inits);
            return _counter.Init();
        }

        public (int Reply, int State) Handle(CounterRequest request, int state) => _counter.Handle(request, state);
    }

    /// <summary>A counter whose Handle waits at a gate, to make a call slow on purpose.</summary>
    private sealed class GatedHandle(ManualResetEventSlim gate) : IBehaviour<int, CounterRequest, int>
    {
        private readonly CounterBehaviour _counter = new();

        public int Init() => _counter.Init();

        public (int Reply, int State) Handle(CounterRequest request, int state)
        {
            gate.Wait(TimeSpan.FromSeconds(5));
            return _counter.Handle(request, state);
        }
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_returns_the_behaviours_reply(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new CounterBehaviour());

        var reply = await server.CallAsync(new CounterRequest.Increment(2), Timeout).WaitAsync(cancellationToken);

        Assert.That(reply, Is.EqualTo(2), "The reply to a call is the reply the behaviour's Handle returned.");
        server.Stop();
    }

    [Test]
    [CancelAfter(2000)]
    public async Task The_server_keeps_the_state_from_one_request_to_the_next(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new CounterBehaviour(initialCount: 10));

        await server.CallAsync(new CounterRequest.Increment(5), Timeout).WaitAsync(cancellationToken);
        await server.CallAsync(new CounterRequest.Decrement(1), Timeout).WaitAsync(cancellationToken);
        var count = await server.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken);

        Assert.That(count, Is.EqualTo(14),
            "10 (from Init) + 5 - 1: the server must start from Init's state and keep each state Handle returns.");
        server.Stop();
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Start_returns_at_once_and_Init_runs_once_on_the_server(CancellationToken cancellationToken)
    {
        using var gate = new ManualResetEventSlim();
        var behaviour = new GatedInit(gate);

        var server = LoopServer.Start(behaviour);
        Assert.That(behaviour.Inits, Is.Zero,
            "Start waited for Init: run Init on the server's own loop (inside Task.Run), not in Start.");
        gate.Set();

        var count = await server.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken);
        await server.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken);

        Assert.That(count, Is.EqualTo(100), "The first request sees the state Init returned.");
        Assert.That(behaviour.Inits, Is.EqualTo(1), "Init runs exactly once, before the first request, never per request.");
        server.Stop();
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Stop_lets_the_server_finish_the_requests_already_sent(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new CounterBehaviour());
        var first = server.CallAsync(new CounterRequest.Increment(1), Timeout);
        var second = server.CallAsync(new CounterRequest.Increment(1), Timeout);

        server.Stop();
        await server.Completion.WaitAsync(cancellationToken);

        Assert.That(await first.WaitAsync(cancellationToken), Is.EqualTo(1),
            "Step 3: the first request sent before Stop is still handled: its reply is the count after it");
        Assert.That(await second.WaitAsync(cancellationToken), Is.EqualTo(2),
            "Requests sent before Stop are still handled, in order, before the server ends.");
        Assert.That(server.IsAlive, Is.False, "Once Completion has finished, the server is no longer alive.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_to_a_stopped_server_fails_with_ServerExitedException(CancellationToken cancellationToken)
    {
        var server = LoopServer.Start(new CounterBehaviour());
        server.Stop();
        await server.Completion.WaitAsync(cancellationToken);

        Assert.That(
            async () => await server.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken),
            Throws.TypeOf<ServerExitedException>(),
            "A stopped server will never reply: fail at once instead of waiting for the timeout.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_times_out_when_the_behaviour_does_not_reply_in_time(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        using var gate = new ManualResetEventSlim();
        var server = LoopServer.Start(new GatedHandle(gate));
        try
        {
            var calling = server.CallAsync(new CounterRequest.Increment(1), Timeout, time);
            time.Advance(Timeout);

            Assert.That(async () => await calling.WaitAsync(cancellationToken),
                Throws.TypeOf<TimeoutException>().With.Message.Not.Empty,
                "When no reply comes within the timeout (on the given TimeProvider), throw TimeoutException, "
                + "with a message saying what happened (see README, step 3).");
        }
        finally
        {
            gate.Set();
        }

        Assert.That(await server.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken), Is.EqualTo(1),
            "A call that timed out leaves the server running, and its request was still handled.");
        server.Stop();
    }

    [Test]
    public void Start_refuses_a_null_behaviour()
    {
        Assert.That(() => LoopServer.Start<int, CounterRequest, int>(null!), Throws.ArgumentNullException,
            "LoopServer.Start(null) must throw ArgumentNullException before starting anything (see README, step 3).");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_call_after_Stop_fails_at_once_even_while_earlier_requests_are_still_being_handled(
        CancellationToken cancellationToken)
    {
        using var gate = new ManualResetEventSlim();
        var server = LoopServer.Start(new GatedHandle(gate));
        var first = server.CallAsync(new CounterRequest.Increment(1), Timeout);
        try
        {
            server.Stop();

            // The gate holds the first request inside Handle, so the server cannot end yet: only a call that fails at
            // Stop, without waiting for the server to end, returns before the gate opens.
            Assert.That(async () => await server.CallAsync(new CounterRequest.Get(), Timeout).WaitAsync(cancellationToken),
                Throws.TypeOf<ServerExitedException>().With.Message.Not.Empty,
                "A call made after Stop must fail at once with ServerExitedException (with a message saying why), even "
                + "while the server is still busy with earlier requests; it waited instead (see README, step 3).");
        }
        finally
        {
            gate.Set();
        }

        Assert.That(await first.WaitAsync(cancellationToken), Is.EqualTo(1),
            "The request sent before Stop is still handled (see README, step 3).");
    }
}
