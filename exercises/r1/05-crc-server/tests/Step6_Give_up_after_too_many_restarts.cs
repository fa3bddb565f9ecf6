using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace CrcServer.Tests;

/// <summary>Step 6: restart intensity. Crashing again and again is not a passing problem: give up.</summary>
public sealed class Step6_Give_up_after_too_many_restarts
{
    private static readonly RestartPolicy TwoInTenSeconds = new(2, TimeSpan.FromSeconds(10));

    private static void Crash(Bank bank, CancellationToken cancellationToken) =>
        Assert.That(async () => await bank.WithdrawAsync(-1m).WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "A negative amount should crash the server.");

    [Test]
    [CancelAfter(2000)]
    public async Task One_crash_too_many_within_the_period_gives_up(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var bank = await Bank.OpenAsync("5.00", TwoInTenSeconds, time).WaitAsync(cancellationToken);

        Crash(bank, cancellationToken);
        Crash(bank, cancellationToken);
        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(5m), "Two restarts are allowed.");

        Crash(bank, cancellationToken);

        var gaveUp = Assert.ThrowsAsync<TooManyRestartsException>(async () => await bank.Completion.WaitAsync(cancellationToken),
            "The third crash within 10 seconds is one too many: Completion should fail with TooManyRestartsException.");
        Assert.That(gaveUp?.Policy, Is.EqualTo(TwoInTenSeconds),
            "The TooManyRestartsException carries the policy that was exceeded, the one the bank was opened with.");
        Assert.That(gaveUp?.Message, Does.Contain("2 restarts"),
            "The TooManyRestartsException's message says how many restarts the policy allowed (see README, step 6).");
        Assert.That(gaveUp?.InnerException, Is.TypeOf<ArgumentOutOfRangeException>(),
            "The last crash, the one that was too many, goes inside the TooManyRestartsException (see README, step 6).");
        Assert.That(bank.Restarts, Is.EqualTo(2), "The crash that was one too many is not restarted.");
        Assert.That(async () => await bank.BalanceAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "After giving up, no server runs.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_restart_stops_counting_once_it_is_a_whole_period_old(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var bank = await Bank.OpenAsync("5.00", TwoInTenSeconds, time).WaitAsync(cancellationToken);
        Crash(bank, cancellationToken);
        Crash(bank, cancellationToken);
        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(5m), "Two restarts are allowed.");

        time.Advance(TwoInTenSeconds.Period); // both restarts are now exactly a whole period old
        Crash(bank, cancellationToken);

        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(5m),
            "Restarts exactly one period old no longer count: this crash is restarted (see README, step 6).");
        Assert.That(bank.Restarts, Is.EqualTo(3), "Three crashes, three restarts: none was one too many.");
        Assert.That(bank.Completion.IsCompleted, Is.False, "The bank has not given up.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Giving_up_is_final_even_once_the_period_has_passed(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var bank = await Bank.OpenAsync("5.00", TwoInTenSeconds, time).WaitAsync(cancellationToken);
        for (var i = 0; i < 3; i++)
        {
            Crash(bank, cancellationToken);
        }

        Assert.ThrowsAsync<TooManyRestartsException>(async () => await bank.Completion.WaitAsync(cancellationToken),
            "The third crash within 10 seconds is one too many: Completion should fail with TooManyRestartsException.");
        time.Advance(TimeSpan.FromSeconds(20));

        Assert.That(async () => await bank.BalanceAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "The bank gave up: no later call may restart the server, even once the restarts are a whole period old " +
            "(see README, step 6).");
        Assert.That(bank.Restarts, Is.EqualTo(2), "Nothing is restarted after giving up.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_restart_that_fails_to_start_counts_as_one_more_crash(CancellationToken cancellationToken)
    {
        // The first start opens the account; every restart finds the opening balance spoiled, so its Init fails.
        var starts = 0;
        var time = new FakeTimeProvider();
        var restarter = await Restarter<AccountCall, AccountReply, AccountCast>.StartAsync(
            () => GenServer.StartAsync(new AccountServer(Interlocked.Increment(ref starts) == 1 ? "5.00" : "spoiled"), time),
            TwoInTenSeconds, time).WaitAsync(cancellationToken);

        restarter.Cast(new AccountCast.Deposit(-1m)); // crashes the first server

        var gaveUp = Assert.ThrowsAsync<TooManyRestartsException>(async () => await restarter.Completion.WaitAsync(cancellationToken),
            "A restart whose start fails is one more crash: restart again, within the same limit, and give up when the " +
            "limit is reached (see README, step 6).");
        Assert.That(gaveUp?.InnerException, Is.TypeOf<FormatException>(),
            "The last crash was the failed start of the last restart: its FormatException goes inside.");
        Assert.That(restarter.Restarts, Is.EqualTo(2), "Two restarts were allowed, and both were tried.");
        Assert.That(async () => await restarter.CallAsync(new AccountCall.GetBalance()).WaitAsync(cancellationToken),
            Throws.TypeOf<ServerExitedException>(),
            "After giving up no server runs: a call fails with ServerExitedException.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Crashes_spread_out_in_time_are_restarted_every_time(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var bank = await Bank.OpenAsync("5.00", TwoInTenSeconds, time).WaitAsync(cancellationToken);

        for (var i = 1; i <= 6; i++)
        {
            Crash(bank, cancellationToken);
            Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(5m),
                $"Step 6: after crash {i}, spread out in time, a fresh server answers with the opening balance");
            time.Advance(TimeSpan.FromSeconds(6));
        }

        Assert.That(bank.Restarts, Is.EqualTo(6),
            "Measure the period on the TimeProvider: a restart older than the period no longer counts.");
        Assert.That(bank.Completion.IsCompleted, Is.False, "The bank has not given up.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task The_default_policy_allows_three_restarts_within_five_seconds(CancellationToken cancellationToken)
    {
        var time = new FakeTimeProvider();
        var bank = await Bank.OpenAsync("5.00", timeProvider: time).WaitAsync(cancellationToken);

        for (var i = 0; i < 3; i++)
        {
            Crash(bank, cancellationToken);
        }

        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(5m), "Three restarts are allowed.");
        Crash(bank, cancellationToken);
        Assert.That(async () => await bank.Completion.WaitAsync(cancellationToken), Throws.TypeOf<TooManyRestartsException>(),
            "With no policy given, use RestartPolicy.Default: Elixir's 3 restarts in 5 seconds.");
    }
}
