using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace GenServers.Hidden;

public sealed class StartSuite
{
    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public async Task Init_runs_exactly_once_on_the_server_and_StartAsync_waits_for_it(CancellationToken cancellationToken)
    {
        var callersThread = Environment.CurrentManagedThreadId;
        var initThread = -1;
        var initMayFinish = new TaskCompletionSource();
        var probe = new Probe(init: () =>
        {
            initThread = Environment.CurrentManagedThreadId;
            initMayFinish.Task.Wait(TimeSpan.FromSeconds(10));
            return ["init"];
        });

        var starting = GenServer.StartAsync(probe);
        Assert.That(starting.IsCompleted, Is.False, "StartAsync completed before Init had finished");
        initMayFinish.SetResult();
        var server = await starting.WaitAsync(cancellationToken);
        await server.CallAsync("a").WaitAsync(cancellationToken);
        var reply = await server.CallAsync("b").WaitAsync(cancellationToken);

        Assert.That(initThread, Is.Not.EqualTo(callersThread), "Init ran on the caller's thread");
        Assert.That(probe.InitRuns, Is.EqualTo(1), "Init runs once, however many messages follow");
        Assert.That(reply, Is.EqualTo(new[] { "init", "call a", "call b" }),
            "Step 1: the calls must start from the state Init returned, with no second Init in between");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public void A_failing_Init_fails_StartAsync_with_the_very_exception_and_is_not_retried(CancellationToken cancellationToken)
    {
        var error = new FormatException("cannot read the configuration");
        var probe = new Probe(init: () => throw error);

        var thrown = Assert.ThrowsAsync<FormatException>(async () => await GenServer.StartAsync(probe).WaitAsync(cancellationToken),
            "Step 1: StartAsync must fail with the exception Init threw (a FormatException here)");

        Assert.That(thrown, Is.SameAs(error), "Step 1: StartAsync must fail with the very exception Init threw, not a wrapper or a copy");
        Assert.That(probe.InitRuns, Is.EqualTo(1), "Step 1: a failing Init must run once: StartAsync does not retry it");
        Assert.That(probe.Handled, Is.Empty, "Step 1: a server whose Init failed must handle nothing");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public void A_failing_Init_never_hands_out_a_server(CancellationToken cancellationToken)
    {
        var probe = new Probe(init: () => throw new InvalidOperationException("no"));

        var starting = GenServer.StartAsync(probe);

        Assert.That(async () => await starting.WaitAsync(cancellationToken), Throws.InvalidOperationException,
            "Step 1: StartAsync must fail with the exception Init threw");
        Assert.That(starting.IsFaulted, Is.True, "StartAsync's task must fail, not complete with a dead server");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 1)]
    public async Task A_server_is_alive_until_it_ends(CancellationToken cancellationToken)
    {
        var server = await GenServer.StartAsync(new Probe()).WaitAsync(cancellationToken);

        Assert.That(server.IsAlive, Is.True, "Step 1: IsAlive must be true while the server runs");
        Assert.That(server.Completion.IsCompleted, Is.False, "Step 1: Completion must not complete while the server runs");
        await server.StopAsync().WaitAsync(cancellationToken);
        Assert.That(server.IsAlive, Is.False, "Step 1: IsAlive must be false once the server has been stopped");
        Assert.That(server.Completion.IsCompletedSuccessfully, Is.True,
            "Step 1: a stopped server's Completion must complete successfully: a normal end is not a fault");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Servers_keep_separate_state(CancellationToken cancellationToken)
    {
        var first = await GenServer.StartAsync(new Probe(init: () => ["first"])).WaitAsync(cancellationToken);
        var second = await GenServer.StartAsync(new Probe(init: () => ["second"])).WaitAsync(cancellationToken);

        first.Cast("x");
        second.Send("y");

        Assert.That(await first.CallAsync("?").WaitAsync(cancellationToken), Is.EqualTo(new[] { "first", "cast x", "call ?" }),
            "Step 3: the first server's state must hold only its own Init, cast and call: servers share no state");
        Assert.That(await second.CallAsync("?").WaitAsync(cancellationToken), Is.EqualTo(new[] { "second", "info y", "call ?" }),
            "Step 3: the second server's state must hold only its own Init, message and call: servers share no state");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 3)]
    public async Task Arguments_are_checked_at_the_boundary(CancellationToken cancellationToken)
    {
        Assert.That(() => GenServer.StartAsync<int, int, int, int>(null!), Throws.ArgumentNullException,
            "Step 3: a null callback module must be refused with ArgumentNullException (see README, step 1)");

        var probe = new Probe();
        var server = await GenServer.StartAsync(probe).WaitAsync(cancellationToken);
        Assert.That(() => server.Send(null!), Throws.ArgumentNullException, "Step 3: Send(null) must throw ArgumentNullException in the caller");
        Assert.That(async () => await server.CallAsync("negative", TimeSpan.FromMilliseconds(-5)).WaitAsync(cancellationToken),
            Throws.InstanceOf<ArgumentOutOfRangeException>(),
            "Step 3: a negative timeout must be refused with ArgumentOutOfRangeException (see README, step 2)");

        var reply = await server.CallAsync("after").WaitAsync(cancellationToken);
        Assert.That(reply, Is.EqualTo(new[] { "call after" }), "a call rejected for its timeout must not be sent");
    }

    [Test]
    [CancelAfter(10000)]
    [Property("Step", 1)]
    public async Task StartAsync_does_not_run_the_starters_code_on_the_server(CancellationToken cancellationToken)
    {
        // If StartAsync's continuation ran on the server's loop, the loop could not take the cast below until the
        // continuation returned: the wait would time out.
        var initMayFinish = new TaskCompletionSource();
        var probe = new Probe(init: () =>
        {
            initMayFinish.Task.Wait(TimeSpan.FromSeconds(10)); // so that StartAsync is surely awaiting when Init ends
            return [];
        });
        var handled = new TaskCompletionSource();
        probe.OnHandled = entry =>
        {
            if (entry == "cast ping")
            {
                handled.TrySetResult();
            }
        };

        var continuation = GenServer.StartAsync(probe).ContinueWith(
            started =>
            {
                var server = started.Result;
                GlobalQueue.Post(() => server.Cast("ping"));
                return handled.Task.Wait(TimeSpan.FromSeconds(5));
            },
            cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        initMayFinish.SetResult();
        var sawIt = await continuation.WaitAsync(cancellationToken);

        Assert.That(sawIt, Is.True, "code awaiting StartAsync ran on the server's own loop and blocked it");
    }
}
