using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace CrcServer.Hidden;

/// <summary>The given GenServer (a copy of exercise 04's), which the exercise's code runs on.</summary>
public sealed class ServerSuite
{
    /// <summary>A counter: calls "get", "add:N", "ignore", "crash"; casts add; infos are recorded.</summary>
    private sealed class Counter(Func<int>? init = null) : IGenServer<int, string, int, int>
    {
        public ConcurrentQueue<object> Infos { get; } = new();

        public int Init() => init is null ? 0 : init();

        public (int Reply, int State) HandleCall(string request, int state) => request switch
        {
            "get" => (state, state),
            "crash" => throw new InvalidOperationException("crash on call"),
            _ when request.StartsWith("add:", StringComparison.Ordinal) => Add(state, int.Parse(request[4..])),
            _ => throw new ArgumentException(request),
        };

        public int HandleCast(int request, int state) =>
            request < 0 ? throw new ArgumentOutOfRangeException(nameof(request)) : state + request;

        public int HandleInfo(object message, int state)
        {
            Infos.Enqueue(message);
            return state;
        }

        private static (int, int) Add(int state, int n) => (state + n, state + n);
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public async Task Calls_casts_and_infos_are_handled_in_the_order_they_were_sent(CancellationToken cancellationToken)
    {
        var counter = new Counter(() => 10);
        var server = await GenServer.StartAsync(counter).WaitAsync(cancellationToken);

        server.Cast(1);
        server.Send("info-1");
        var afterAdd = server.CallAsync("add:5");
        server.Cast(100);
        server.Send(42);

        Assert.That(await afterAdd.WaitAsync(cancellationToken), Is.EqualTo(16),
            "Step 2: the given GenServer must handle the cast before the call: 10 + 1 + 5");
        Assert.That(await server.CallAsync("get").WaitAsync(cancellationToken), Is.EqualTo(116),
            "Step 2: the state must include every cast sent before this call: 10 + 1 + 5 + 100");
        Assert.That(counter.Infos, Is.EqualTo(new object[] { "info-1", 42 }), "Step 2: messages sent with Send must reach HandleInfo, in order");
        Assert.That(server.IsAlive, Is.True, "Step 2: the server must still run after handling its mailbox");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public void A_failing_Init_fails_the_start_with_its_exception(CancellationToken cancellationToken)
    {
        var error = new FormatException("bad init");

        var thrown = Assert.ThrowsAsync<FormatException>(
            async () => await GenServer.StartAsync(new Counter(() => throw error)).WaitAsync(cancellationToken),
            "Step 1: the given GenServer.StartAsync must fail with the exception Init threw");

        Assert.That(thrown, Is.SameAs(error), "Step 1: StartAsync must fail with Init's very exception, not a wrapper");
        Assert.That(() => GenServer.StartAsync<int, string, int, int>(null!), Throws.ArgumentNullException,
            "Step 1: StartAsync(null) must throw ArgumentNullException");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public async Task Init_runs_before_StartAsync_completes(CancellationToken cancellationToken)
    {
        var ran = 0;
        await GenServer.StartAsync(new Counter(() => Interlocked.Increment(ref ran))).WaitAsync(cancellationToken);

        Assert.That(Volatile.Read(ref ran), Is.EqualTo(1), "Step 1: Init must have run exactly once when StartAsync completes");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task A_crash_in_a_call_fails_that_call_and_every_later_one(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Counter()).WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await server.CallAsync("crash").WaitAsync(cancellationToken),
            "Step 3: a call whose HandleCall throws must fail with ServerExitedException");
        Assert.That(exited?.InnerException, Is.TypeOf<InvalidOperationException>(),
            "Step 3: the ServerExitedException must carry the crash as its InnerException");
        Assert.That(exited?.InnerException?.Message, Is.EqualTo("crash on call"), "Step 3: the crash inside must be HandleCall's own exception");
        Assert.That(server.IsAlive, Is.False, "Step 3: a crashed server must not be alive");
        Assert.That(server.Completion.IsFaulted, Is.True, "Step 3: a crashed server's Completion must be faulted");

        Assert.That(exited?.Message, Is.Not.Empty, "Step 3: the ServerExitedException must have a message");
        var later = Assert.ThrowsAsync<ServerExitedException>(async () => await server.CallAsync("get").WaitAsync(cancellationToken),
            "Step 3: a call to a crashed server must fail with ServerExitedException");
        Assert.That(later?.Message, Is.Not.Empty, "Step 3: that ServerExitedException must have a message too");
        Assert.That(later?.InnerException, Is.TypeOf<InvalidOperationException>(), "a later call also says why the server ended");
        Assert.That(() => server.Cast(1), Throws.Nothing, "Step 3: a cast to a crashed server must be dropped without an error");
        Assert.That(() => server.Send("x"), Throws.Nothing, "Step 3: a message to a crashed server must be dropped without an error");
        await server.StopAsync().WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Calls_queued_behind_a_crash_fail_without_waiting_for_their_timeout(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var server = await GenServer.StartAsync(new Counter(), time).WaitAsync(cancellationToken);

        server.Cast(-1);
        var queued = Enumerable.Range(0, 10).Select(_ => server.CallAsync("get")).ToArray();

        foreach (var call in queued)
        {
            Assert.That(async () => await call.WaitAsync(cancellationToken),
                Throws.TypeOf<ServerExitedException>().With.InnerException.TypeOf<ArgumentOutOfRangeException>(),
                "Step 3: each call queued behind a crash must fail at once with ServerExitedException, the crash inside");
        }

        Assert.That(async () => await server.Completion.WaitAsync(cancellationToken), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 3: a bad cast must crash the server: Completion fails with ArgumentOutOfRangeException");
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(3)]
    [Property("Step", 4)]
    public async Task A_call_times_out_on_the_servers_clock_and_the_server_runs_on(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var timeout = TimeSpan.FromMilliseconds(random.Next(2, 20_000));
        var time = new FakeTimeProvider();
        var blocking = new Blocking();
        var server = await GenServer.StartAsync(blocking, time).WaitAsync(cancellationToken);

        var waiting = server.CallAsync("block", timeout);
        await blocking.Entered.Task.WaitAsync(cancellationToken);
        time.Advance(timeout - TimeSpan.FromMilliseconds(1));
        Assert.That(waiting.IsCompleted, Is.False, $"the call gave up before its timeout of {timeout}");
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.That(async () => await waiting.WaitAsync(cancellationToken),
            Throws.TypeOf<TimeoutException>().With.Message.Contains(timeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.CurrentCulture)),
            "Step 4: the call must fail with a TimeoutException whose message gives its timeout in milliseconds");
        blocking.Release.TrySetResult();
        Assert.That(await server.CallAsync("get").WaitAsync(cancellationToken), Is.EqualTo(1),
            "a timeout does not end the server, and the late reply is dropped");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task The_default_call_timeout_is_five_seconds(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var blocking = new Blocking();
        var server = await GenServer.StartAsync(blocking, time).WaitAsync(cancellationToken);

        var waiting = server.CallAsync("block");
        await blocking.Entered.Task.WaitAsync(cancellationToken);
        time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.That(waiting.IsCompleted, Is.False, "Step 4: with no timeout given, a call must wait 5 s on the server's clock");
        time.Advance(TimeSpan.FromTicks(1));

        Assert.That(async () => await waiting.WaitAsync(cancellationToken), Throws.TypeOf<TimeoutException>(),
            "Step 4: with no timeout given, a call must fail with TimeoutException after 5 s");
        blocking.Release.TrySetResult();
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public async Task Stop_handles_what_was_sent_before_then_ends_normally(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Counter()).WaitAsync(cancellationToken);
        var pending = server.CallAsync("add:3");
        for (var i = 0; i < 10_000; i++)
        {
            server.Cast(1);
        }

        await server.StopAsync().WaitAsync(cancellationToken);

        Assert.That(server.IsAlive, Is.False, "StopAsync completes once the server has ended, not before");
        Assert.That(await pending.WaitAsync(cancellationToken), Is.EqualTo(3), "Step 4: a call sent before StopAsync must still get its reply");
        Assert.That(server.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 4: a stopped server's Completion must complete successfully");
        Assert.That(server.IsAlive, Is.False, "Step 4: a stopped server must not be alive");
        var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await server.CallAsync("get").WaitAsync(cancellationToken),
            "Step 4: a call to a stopped server must fail with ServerExitedException");
        Assert.That(exited?.InnerException, Is.Null, "a normal stop has no crash to report");
        await server.StopAsync().WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public async Task Many_concurrent_callers_each_get_their_own_reply(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Counter()).WaitAsync(cancellationToken);

        var replies = await Task.WhenAll(Enumerable.Range(1, 200).Select(_ => Task.Run(() => server.CallAsync("add:1"), cancellationToken)))
            .WaitAsync(cancellationToken);

        Assert.That(replies.Order(), Is.EqualTo(Enumerable.Range(1, 200)), "every add saw a distinct state");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public async Task Send_refuses_null(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Counter()).WaitAsync(cancellationToken);
        Assert.That(() => server.Send(null!), Throws.ArgumentNullException, "Step 2: Send(null) must throw ArgumentNullException");
        await server.StopAsync().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A server whose "block" call waits until the test releases it (bounded, so a failing test cannot hang the run):
    /// the only way a GenServer of this exercise can fail to answer in time. State counts the calls handled.
    /// </summary>
    private sealed class Blocking : IGenServer<int, string, int, int>
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Init() => 0;

        public (int Reply, int State) HandleCall(string request, int state)
        {
            if (request == "block")
            {
                Entered.TrySetResult();
                Release.Task.Wait(TimeSpan.FromSeconds(5));
                return (state + 1, state + 1);
            }

            return (state, state);
        }

        public int HandleCast(int request, int state) => state;

        public int HandleInfo(object message, int state) => state;
    }
}
