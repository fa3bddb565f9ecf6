using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace CrcServer.Hidden;

/// <summary>The restarter on its own: restarts, restart intensity on a fake clock, giving up, stopping.</summary>
public sealed class RestarterSuite
{
    /// <summary>
    /// A server whose state is its start number: call "id" replies it, call or cast "crash" crashes it.
    /// Every start is reported to <see cref="Starts"/>, so a test can await a restart nobody called for.
    /// </summary>
    private sealed class Numbered(int id) : IGenServer<int, string, int, string>
    {
        public int Init() => id;

        public (int Reply, int State) HandleCall(string request, int state) =>
            request == "crash" ? throw new InvalidOperationException($"crash of server {state}") : (state, state);

        public int HandleCast(string request, int state) =>
            request == "crash" ? throw new InvalidOperationException($"crash of server {state}") : state;

        public int HandleInfo(object message, int state) => state;
    }

    private sealed class Starter(FakeTimeProvider time, Func<int, Exception?>? failStart = null, Func<int, Task?>? gate = null)
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _entered = new();
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _finished = new();
        private int _count;

        public ConcurrentQueue<Server<string, int, string>> Servers { get; } = new();

        public int Count => Volatile.Read(ref _count);

        /// <summary>Completes when start number <paramref name="n"/> has begun.</summary>
        public Task EnteredAsync(int n) => Signal(_entered, n).Task;

        /// <summary>Completes when start number <paramref name="n"/> has finished, well or badly.</summary>
        public Task StartedAsync(int n) => Signal(_finished, n).Task;

        public async Task<Server<string, int, string>> StartAsync()
        {
            var n = Interlocked.Increment(ref _count);
            Signal(_entered, n).TrySetResult();
            try
            {
                if (gate?.Invoke(n) is { } wait)
                {
                    await wait;
                }

                if (failStart?.Invoke(n) is { } failure)
                {
                    throw failure;
                }

                var server = await GenServer.StartAsync(new Numbered(n), time);
                Servers.Enqueue(server);
                return server;
            }
            finally
            {
                Signal(_finished, n).TrySetResult();
            }
        }

        private static TaskCompletionSource Signal(ConcurrentDictionary<int, TaskCompletionSource> signals, int n) =>
            signals.GetOrAdd(n, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private static void Crash(Restarter<string, int, string> restarter, CancellationToken cancellationToken) =>
        Assert.That(async () => await restarter.CallAsync("crash").WaitAsync(cancellationToken),
            Throws.TypeOf<ServerExitedException>().With.InnerException.TypeOf<InvalidOperationException>(),
            "the call \"crash\" must fail with ServerExitedException, the server's crash inside");

    private static async Task<Restarter<string, int, string>> StartAsync(
        Starter starter, RestartPolicy policy, FakeTimeProvider time, CancellationToken cancellationToken) =>
        await Restarter<string, int, string>.StartAsync(starter.StartAsync, policy, time).WaitAsync(cancellationToken);

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 5)]
    public async Task A_crash_nobody_calls_about_is_restarted_by_the_watcher(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, RestartPolicy.Default, time, cancellationToken);

        restarter.Cast("crash");
        await starter.StartedAsync(2).WaitAsync(cancellationToken);

        Assert.That(restarter.Restarts, Is.EqualTo(1), "the restart is counted by the time the new server starts");
        Assert.That(await restarter.CallAsync("id").WaitAsync(cancellationToken), Is.EqualTo(2),
            "Step 5: after the watcher's restart, calls must reach the new server (start 2)");
        Assert.That(starter.Count, Is.EqualTo(2), "one crash, one restart");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 5)]
    public async Task Each_restart_calls_the_start_function_again(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, new RestartPolicy(100, TimeSpan.FromSeconds(1)), time, cancellationToken);

        for (var expected = 1; expected <= 10; expected++)
        {
            Assert.That(await restarter.CallAsync("id").WaitAsync(cancellationToken), Is.EqualTo(expected),
                $"Step 5: calls must reach server {expected}: one new start per crash, none otherwise");
            Assert.That(await restarter.CallAsync("id").WaitAsync(cancellationToken), Is.EqualTo(expected), "no restart without a crash");
            Crash(restarter, cancellationToken);
        }

        Assert.That(await restarter.CallAsync("id").WaitAsync(cancellationToken), Is.EqualTo(11),
            "Step 5: after 10 crashes calls must reach server 11");
        Assert.That(restarter.Restarts, Is.EqualTo(10), "Step 5: ten crashes must count ten restarts");
        Assert.That(starter.Count, Is.EqualTo(11), "Step 5: the start function must run once at the start and once per restart");
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(5)]
    [Property("Step", 6)]
    public async Task The_restart_after_one_too_many_within_the_period_is_refused(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var max = random.Next(1, 6);
        var period = TimeSpan.FromMilliseconds(random.Next(10, 60_000));
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, new RestartPolicy(max, period), time, cancellationToken);

        for (var i = 0; i < max; i++)
        {
            Crash(restarter, cancellationToken);
            Assert.That(await restarter.CallAsync("id").WaitAsync(cancellationToken), Is.EqualTo(i + 2), $"restart {i + 1} of {max} is allowed");
            time.Advance((period - TimeSpan.FromTicks(1)) / max / 2);
        }

        Crash(restarter, cancellationToken);

        var gaveUp = Assert.ThrowsAsync<TooManyRestartsException>(async () => await restarter.Completion.WaitAsync(cancellationToken),
            $"Step 6: with {max} restarts still counting, the next crash must fail Completion with TooManyRestartsException");
        Assert.That(gaveUp?.InnerException, Is.TypeOf<InvalidOperationException>(), "the crash that was one too many");
        Assert.That(gaveUp?.InnerException?.Message, Is.EqualTo($"crash of server {max + 1}"), "Step 6: the exception inside must be the last crash");
        Assert.That(gaveUp?.Policy, Is.EqualTo(new RestartPolicy(max, period)), "Step 6: TooManyRestartsException must carry the restarter's policy");
        Assert.That(restarter.Restarts, Is.EqualTo(max), "Step 6: giving up is not a restart: Restarts must stay at the policy's maximum");
        Assert.That(starter.Count, Is.EqualTo(max + 1), "no server is started after giving up");
        Assert.That(async () => await restarter.CallAsync("id").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 6: after giving up, a call must fail with ServerExitedException");
        Assert.That(() => restarter.Cast("id"), Throws.Nothing, "Step 6: after giving up, a cast must be dropped without an error");
        Assert.That(gaveUp?.Message, Does.Contain(max.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "Step 6: the message must say how many restarts the policy allowed");

        time.Advance(period * 2);
        Assert.That(async () => await restarter.CallAsync("id").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "giving up is final: once the period has passed, nothing restarts either");
        Assert.That(starter.Count, Is.EqualTo(max + 1), "Step 6: giving up is final: no server may start once the period has passed");
        Assert.That(restarter.Restarts, Is.EqualTo(max), "Step 6: giving up is final: Restarts must not change once the period has passed");
        await restarter.StopAsync().WaitAsync(cancellationToken);
        Assert.That(restarter.Completion.IsFaulted, Is.True, "stopping after giving up does not undo it");
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(3)]
    [Property("Step", 6)]
    public async Task Crashes_spread_out_over_time_are_restarted_forever(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var max = random.Next(1, 4);
        var period = TimeSpan.FromSeconds(random.Next(1, 30));
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, new RestartPolicy(max, period), time, cancellationToken);

        for (var i = 0; i < 30; i++)
        {
            Crash(restarter, cancellationToken);
            Assert.That(await restarter.CallAsync("id").WaitAsync(cancellationToken), Is.EqualTo(i + 2),
                $"Step 6: crash {i + 1} must be restarted: a restart a whole Period old no longer counts");
            // max restarts, each one max-th of a period apart: the oldest is a whole period old at the next crash.
            time.Advance(TimeSpan.FromTicks((period.Ticks + max - 1) / max));
        }

        Assert.That(restarter.Restarts, Is.EqualTo(30), "Step 6: thirty spread-out crashes must count thirty restarts");
        Assert.That(restarter.Completion.IsCompleted, Is.False, "Step 6: crashes spread out in time must never make the restarter give up");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 6)]
    public async Task A_restart_exactly_one_period_old_no_longer_counts(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, new RestartPolicy(2, TimeSpan.FromSeconds(10)), time, cancellationToken);

        Crash(restarter, cancellationToken);
        await restarter.CallAsync("id").WaitAsync(cancellationToken);
        time.Advance(TimeSpan.FromSeconds(4));
        Crash(restarter, cancellationToken);
        await restarter.CallAsync("id").WaitAsync(cancellationToken);
        time.Advance(TimeSpan.FromSeconds(6));

        // The first restart is now exactly 10 s old: only the second one counts, so one more is allowed.
        Crash(restarter, cancellationToken);
        Assert.That(await restarter.CallAsync("id").WaitAsync(cancellationToken), Is.EqualTo(4),
            "Step 6: a restart exactly one Period old no longer counts: this crash must be restarted");

        // The window slides: restarts at 4 s and 10 s are both within the last 10 s at 13 s.
        time.Advance(TimeSpan.FromSeconds(3));
        Crash(restarter, cancellationToken);
        Assert.That(async () => await restarter.Completion.WaitAsync(cancellationToken), Throws.TypeOf<TooManyRestartsException>(),
            "Step 6: two restarts in the last 10 s with a limit of 2: this crash must give up with TooManyRestartsException");
        Assert.That(restarter.Restarts, Is.EqualTo(3), "Step 6: the crash that was one too many must not count as a restart");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 6)]
    public async Task A_restart_one_tick_short_of_a_period_old_still_counts(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, new RestartPolicy(1, TimeSpan.FromSeconds(10)), time, cancellationToken);

        Crash(restarter, cancellationToken);
        await restarter.CallAsync("id").WaitAsync(cancellationToken);
        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Crash(restarter, cancellationToken);

        Assert.That(async () => await restarter.Completion.WaitAsync(cancellationToken), Throws.TypeOf<TooManyRestartsException>(),
            "Step 6: a restart one tick short of a Period old still counts: this crash must give up");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 6)]
    public async Task A_policy_of_zero_restarts_gives_up_at_the_first_crash(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, new RestartPolicy(0, TimeSpan.FromSeconds(5)), time, cancellationToken);

        restarter.Cast("crash");

        Assert.That(async () => await restarter.Completion.WaitAsync(cancellationToken), Throws.TypeOf<TooManyRestartsException>(),
            "Step 6: a policy of zero restarts must give up at the first crash with TooManyRestartsException");
        Assert.That(restarter.Restarts, Is.Zero, "Step 6: a policy of zero restarts must restart nothing");
        Assert.That(starter.Count, Is.EqualTo(1), "Step 6: with zero restarts allowed, the start function must run only once");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 6)]
    public async Task The_watcher_alone_gives_up_after_too_many_crashes(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, new RestartPolicy(3, TimeSpan.FromSeconds(5)), time, cancellationToken);

        for (var n = 2; n <= 4; n++)
        {
            restarter.Cast("crash");
            await starter.StartedAsync(n).WaitAsync(cancellationToken);
        }

        restarter.Cast("crash");

        Assert.That(async () => await restarter.Completion.WaitAsync(cancellationToken), Throws.TypeOf<TooManyRestartsException>(),
            "Step 6: the watcher alone must give up at the 4th crash within 5 s, with TooManyRestartsException");
        Assert.That(restarter.Restarts, Is.EqualTo(3), "Step 6: three restarts allowed, three counted");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 6)]
    public async Task A_restart_whose_start_fails_counts_as_a_crash_and_ends_in_giving_up(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var broken = new InvalidOperationException("cannot start again");
        var starter = new Starter(time, n => n > 1 ? broken : null);
        var restarter = await StartAsync(starter, new RestartPolicy(3, TimeSpan.FromSeconds(5)), time, cancellationToken);

        Crash(restarter, cancellationToken);

        var gaveUp = Assert.ThrowsAsync<TooManyRestartsException>(async () => await restarter.Completion.WaitAsync(cancellationToken),
            "Step 6: a restart whose start fails counts as a crash: the restarter must give up with TooManyRestartsException");
        Assert.That(gaveUp?.InnerException, Is.SameAs(broken), "Step 6: the exception inside must be the failed start's");
        Assert.That(restarter.Restarts, Is.EqualTo(3), "Step 6: each failed restart must be counted: three restarts");
        Assert.That(starter.Count, Is.EqualTo(4), "the first start and three failed restarts");
        var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await restarter.CallAsync("id").WaitAsync(cancellationToken),
            "Step 6: with no server after giving up, a call must fail with ServerExitedException");
        Assert.That(exited?.InnerException, Is.SameAs(broken), "no server: the call says why");
        Assert.That(exited?.Message, Is.Not.Empty, "Step 6: the ServerExitedException must have a message");
        await restarter.StopAsync().WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public void A_first_start_that_fails_fails_StartAsync_and_is_not_retried(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var broken = new FormatException("no good state");
        var starter = new Starter(time, _ => broken);

        var thrown = Assert.ThrowsAsync<FormatException>(async () =>
            await Restarter<string, int, string>.StartAsync(starter.StartAsync, RestartPolicy.Default, time).WaitAsync(cancellationToken),
            "Step 4: Restarter.StartAsync must fail with the exception its first start threw");

        Assert.That(thrown, Is.SameAs(broken), "Step 4: StartAsync must fail with the first start's very exception");
        Assert.That(starter.Count, Is.EqualTo(1), "Step 4: a first start that fails must not be retried");
        Assert.That(() => Restarter<string, int, string>.StartAsync(null!), Throws.ArgumentNullException,
            "Step 4: a null start function must be refused with ArgumentNullException");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 5)]
    public async Task Stop_ends_the_server_normally_and_nothing_restarts_it(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, RestartPolicy.Default, time, cancellationToken);

        await restarter.StopAsync().WaitAsync(cancellationToken);

        Assert.That(restarter.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 5: a stopped restarter's Completion must complete successfully");
        Assert.That(async () => await restarter.CallAsync("id").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 5: a normal stop is not restarted: a call must fail with ServerExitedException");
        Assert.That(starter.Count, Is.EqualTo(1), "Step 5: a normal stop must not start another server");
        Assert.That(restarter.Restarts, Is.Zero, "Step 5: a normal stop is not a crash: Restarts must stay 0");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 5)]
    public async Task Stop_waits_for_a_restart_under_way_and_stops_the_new_server(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var starter = new Starter(time, gate: n => n == 2 ? release.Task : null);
        var restarter = await StartAsync(starter, RestartPolicy.Default, time, cancellationToken);

        restarter.Cast("crash");
        await starter.EnteredAsync(2).WaitAsync(cancellationToken);
        var stopping = restarter.StopAsync();

        Assert.That(stopping.IsCompleted, Is.False, "the restart under way must finish, so its server can be stopped");
        release.SetResult();
        await stopping.WaitAsync(cancellationToken);

        Assert.That(restarter.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 5: a stop during a restart must end the restarter normally");
        Assert.That(starter.Servers.Select(server => server.IsAlive), Is.All.False, "no server outlives the stop");
        Assert.That(async () => await restarter.CallAsync("id").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 5: once StopAsync has completed no server runs: a call must fail with ServerExitedException");
        Assert.That(starter.Count, Is.EqualTo(2), "Step 5: the stop must not start another server");
    }

    [Test]
    [CancelAfter(5000)]
    [Repeat(20)]
    [Property("Step", 5)]
    public async Task Stopping_right_after_a_crash_leaves_nothing_running(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var starter = new Starter(time);
        var restarter = await StartAsync(starter, RestartPolicy.Default, time, cancellationToken);

        restarter.Cast("crash");
        await restarter.StopAsync().WaitAsync(cancellationToken);
        await starter.StartedAsync(starter.Count).WaitAsync(cancellationToken);

        Assert.That(async () => await restarter.CallAsync("id").WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "after a stop, whether or not the crash was restarted first, nothing runs and nothing restarts");
        Assert.That(starter.Servers.Select(server => server.IsAlive), Is.All.False, "Step 5: no server may still run once StopAsync has completed");
        Assert.That(restarter.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 5: a stop right after a crash must end the restarter normally");
    }

    [Test]
    [Property("Step", 6)]
    public void TooManyRestartsException_needs_its_policy() =>
        Assert.That(() => new TooManyRestartsException(null!, new InvalidOperationException()), Throws.ArgumentNullException,
            "Step 6: the given TooManyRestartsException must refuse a null policy: was given/ changed?");

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 6)]
    public void The_default_policy_is_Elixirs_three_restarts_in_five_seconds()
    {
        Assert.That(RestartPolicy.Default, Is.EqualTo(new RestartPolicy(3, TimeSpan.FromSeconds(5))),
            "Step 6: RestartPolicy.Default must be 3 restarts within 5 s, as in given/RestartPolicy.cs");
    }
}
