using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace GenServers.Tests;

/// <summary>Step 1: start a server; Init runs on it, and the starter waits until it has.</summary>
public sealed class Step1_Start_and_init
{
    [Test]
    [CancelAfter(2000)]
    public async Task StartAsync_returns_a_running_server_once_Init_has_run(CancellationToken cancellationToken)
    {
        var initRuns = 0;
        var recorder = new Recorder(init: () =>
        {
            Interlocked.Increment(ref initRuns);
            return [];
        });

        var server = await GenServer.StartAsync(recorder).WaitAsync(cancellationToken);

        Assert.That(Volatile.Read(ref initRuns), Is.EqualTo(1), "Init runs exactly once, before StartAsync's task completes.");
        Assert.That(server.IsAlive, Is.True, "A server that has started is alive.");
        Assert.That(server.Completion.IsCompleted, Is.False, "Completion completes only when the server ends.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Init_runs_on_the_server_and_StartAsync_waits_for_it(CancellationToken cancellationToken)
    {
        var callersThread = Environment.CurrentManagedThreadId;
        var initMayFinish = new TaskCompletionSource();
        var recorder = new Recorder(init: () =>
        {
            if (Environment.CurrentManagedThreadId == callersThread)
            {
                throw new InvalidOperationException(
                    "Init ran on the caller's thread, inside StartAsync: run it on the server's loop (Task.Run).");
            }

            initMayFinish.Task.Wait(TimeSpan.FromSeconds(10)); // bounded, so that a wrong StartAsync cannot hang the server
            return ["initialised"];
        });

        var starting = GenServer.StartAsync(recorder);
        Assert.That(starting.IsCompleted, Is.False,
            "StartAsync returned (or failed) before Init finished: it must wait for Init, which runs on the server.");

        initMayFinish.SetResult();
        var server = await starting.WaitAsync(cancellationToken);
        Assert.That(server.IsAlive, Is.True, "Step 1: the server StartAsync returned is alive");
    }

    [Test]
    [CancelAfter(2000)]
    public void A_failing_Init_makes_StartAsync_fail_with_its_exception(CancellationToken cancellationToken)
    {
        var recorder = new Recorder(init: () => throw new ArgumentException("bad configuration"));

        var error = Assert.ThrowsAsync<ArgumentException>(
            async () => await GenServer.StartAsync(recorder).WaitAsync(cancellationToken),
            "When Init throws, the server does not start: StartAsync fails with Init's own exception " +
            "(gen_server:start returns {error, Reason}).");
        Assert.That(error?.Message, Is.EqualTo("bad configuration"),
            "Step 1: StartAsync fails with the very exception Init threw, its message unchanged");
    }

    [Test]
    [CancelAfter(2000)]
    public void A_null_callback_module_is_refused_with_ArgumentNullException(CancellationToken cancellationToken)
    {
        Assert.ThrowsAsync<ArgumentNullException>(
            async () => await GenServer.StartAsync((Recorder)null!).WaitAsync(cancellationToken),
            "StartAsync(null) must fail with ArgumentNullException before starting anything, not with whatever " +
            "the loop throws when it calls Init on null (see README, step 1).");
    }
}
