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

        Assert.That(async () => await bank.Completion.WaitAsync(cancellationToken), Throws.TypeOf<TooManyRestartsException>(),
            "The third crash within 10 seconds is one too many: Completion should fail with TooManyRestartsException.");
        Assert.That(bank.Restarts, Is.EqualTo(2), "The crash that was one too many is not restarted.");
        Assert.That(async () => await bank.BalanceAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "After giving up, no server runs.");
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
            Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(5m));
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
