using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace CrcServer.Hidden;

/// <summary>The client API against a model, with many clients, crashes and restarts.</summary>
public sealed class BankSuite
{
    [Test]
    [CancelAfter(5000)]
    [Property("Step", 4)]
    public void Opening_with_no_balance_is_refused_by_name()
    {
        Assert.That(async () => await Bank.OpenAsync(null!),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentNullException.ParamName)).EqualTo("openingBalance"),
            "Step 4: OpenAsync(null) must throw ArgumentNullException naming openingBalance");
    }

    /// <summary>A policy that never gives up within a test whose clock does not move.</summary>
    private static readonly RestartPolicy Patient = new(1_000, TimeSpan.FromHours(1));

    private static Task<Bank> OpenAsync(string opening, CancellationToken cancellationToken) =>
        Bank.OpenAsync(opening, Patient, new FakeTimeProvider()).WaitAsync(cancellationToken);

    private static string StatementOf(IEnumerable<(string Kind, decimal Amount)> lines, decimal balance)
    {
        var text = new StringBuilder();
        foreach (var (kind, amount) in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{kind} {amount:0.00}\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"balance {balance:0.00}\n").ToString();
    }

    [Test]
    [CancelAfter(10_000)]
    [Repeat(3)]
    [Property("Step", 4)]
    public async Task A_random_sequence_of_operations_matches_a_model(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var opening = random.Amount(50_000);
        var bank = await OpenAsync(opening.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var balance = opening;
        var lines = new List<(string, decimal)>();

        for (var i = 0; i < 150; i++)
        {
            var amount = random.Amount(30_000);
            switch (random.Next(5))
            {
                case 0:
                    balance += amount;
                    lines.Add(("deposit", amount));
                    Assert.That(await bank.DepositAsync(amount).WaitAsync(cancellationToken), Is.EqualTo(balance),
                        "Step 4: DepositAsync must return the new balance");
                    break;
                case 1:
                    balance += amount;
                    lines.Add(("deposit", amount));
                    bank.Deposit(amount);
                    break;
                case 2 when amount > balance:
                    var refused = Assert.ThrowsAsync<InsufficientFundsException>(async () => await bank.WithdrawAsync(amount).WaitAsync(cancellationToken),
                        "Step 4: a withdrawal larger than the balance must throw InsufficientFundsException in the caller");
                    Assert.That(refused?.Balance, Is.EqualTo(balance),
                        "Step 4: the InsufficientFundsException must carry the balance from the server's reply");
                    Assert.That(refused?.Requested, Is.EqualTo(amount), "Step 4: the InsufficientFundsException must carry the amount requested");
                    break;
                case 2:
                    balance -= amount;
                    lines.Add(("withdrawal", amount));
                    Assert.That(await bank.WithdrawAsync(amount).WaitAsync(cancellationToken), Is.EqualTo(balance),
                        "Step 4: WithdrawAsync must return the new balance");
                    break;
                case 3:
                    Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(balance),
                        "Step 4: BalanceAsync must return the balance after every deposit and withdrawal before it");
                    break;
                default:
                    Assert.That(await bank.StatementAsync().WaitAsync(cancellationToken), Is.EqualTo(StatementOf(lines, balance)),
                        "Step 4: StatementAsync must return the core's statement: every transaction, then the balance");
                    break;
            }
        }

        Assert.That(await bank.StatementAsync().WaitAsync(cancellationToken), Is.EqualTo(StatementOf(lines, balance)),
            "Step 4: the final statement must list every transaction, then the balance");
        Assert.That(bank.Restarts, Is.Zero, "Step 4: valid deposits and refused withdrawals must never crash the server: no restart");
        await bank.StopAsync().WaitAsync(cancellationToken);
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Many_concurrent_clients_lose_no_deposit(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var bank = await OpenAsync("0", cancellationToken);
        var amounts = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, 50).Select(_ => random.Amount()).ToArray()).ToArray();

        var replies = await Task.WhenAll(amounts.Select(mine => Task.Run(async () =>
        {
            var seen = new List<decimal>();
            foreach (var amount in mine)
            {
                seen.Add(await bank.DepositAsync(amount));
            }

            return seen;
        }, cancellationToken))).WaitAsync(cancellationToken);

        var total = amounts.SelectMany(a => a).Sum();
        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(total),
            "Step 4: no deposit may be lost: the balance must be the sum of every client's deposits");
        var all = replies.SelectMany(r => r).ToList();
        Assert.That(all, Is.Unique, "each deposit saw its own balance: one message at a time");
        Assert.That(all.Max(), Is.EqualTo(total), "Step 4: the last deposit handled must reply the total");
        foreach (var mine in replies)
        {
            Assert.That(mine, Is.Ordered.Ascending.And.Unique, "a client's own deposits are handled in its order");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task Concurrent_withdrawals_never_overdraw(CancellationToken cancellationToken)
    {
        var bank = await OpenAsync("10.00", cancellationToken);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            try
            {
                await bank.WithdrawAsync(1m);
                return true;
            }
            catch (InsufficientFundsException)
            {
                return false;
            }
        }, cancellationToken))).WaitAsync(cancellationToken);

        Assert.That(outcomes.Count(ok => ok), Is.EqualTo(10), "Step 4: exactly 10 withdrawals of 1 fit in 10.00: the others must be refused");
        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.Zero,
            "Step 4: ten withdrawals of 1 must empty the 10.00 account, never overdraw it");
        Assert.That(bank.Restarts, Is.Zero, "refusals are replies, never crashes");
    }

    [Test]
    [CancelAfter(10_000)]
    [Repeat(3)]
    [Property("Step", 5)]
    public async Task Crash_and_restart_cycles_with_random_bad_input_always_return_to_the_opening_state(CancellationToken cancellationToken)
    {
        var random = Seeded.Random();
        var opening = random.Amount(5_000);
        var openingText = opening.ToString(CultureInfo.InvariantCulture);
        var bank = await OpenAsync(openingText, cancellationToken);
        var restarts = 0;

        for (var cycle = 0; cycle < 12; cycle++)
        {
            // Some good work first, which the crash will lose.
            var deposited = random.Amount();
            Assert.That(await bank.DepositAsync(deposited).WaitAsync(cancellationToken), Is.EqualTo(opening + deposited),
                $"Step 5: cycle {cycle}: the fresh server must start from the opening balance, then add the deposit");

            var bad = random.BadAmount();
            switch (random.Next(3))
            {
                case 0:
                    AssertCrashed(bank.DepositAsync(bad), cancellationToken);
                    break;
                case 1:
                    AssertCrashed(bank.WithdrawAsync(bad), cancellationToken);
                    break;
                default:
                    bank.Deposit(bad);
                    break;
            }

            restarts++;
            Assert.That(await BalanceAfterCrashAsync(bank, cancellationToken), Is.EqualTo(opening), $"cycle {cycle}, bad amount {bad}");
            Assert.That(bank.Restarts, Is.EqualTo(restarts), "one restart per crash");
            Assert.That(await bank.StatementAsync().WaitAsync(cancellationToken), Is.EqualTo(StatementOf([], opening)),
                "the restarted account has no history: it is the opening state");
        }

        Assert.That(bank.Completion.IsCompleted, Is.False, "Step 5: restarts must keep the bank running: Completion must not complete");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task Clients_calling_during_crashes_get_a_reply_or_the_crash_and_every_crash_is_restarted_once(CancellationToken cancellationToken)
    {
        var bank = await OpenAsync("50.00", cancellationToken);
        using var stop = new CancellationTokenSource();

        var clients = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var (replies, exits) = (0, 0);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var balance = await bank.BalanceAsync();
                    Assert.That(balance, Is.EqualTo(50m), "nobody deposits: every server holds the opening balance");
                    replies++;
                }
                catch (ServerExitedException exited)
                {
                    Assert.That(exited.InnerException, Is.TypeOf<ArgumentOutOfRangeException>(), "the only crashes are the bad deposits");
                    exits++;
                }
            }

            return (replies, exits);
        }, cancellationToken)).ToArray();

        for (var i = 0; i < 20; i++)
        {
            AssertCrashed(bank.DepositAsync(-1m), cancellationToken);
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients).WaitAsync(cancellationToken);
        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(50m),
            "Step 5: after the crashes the bank must run on a fresh server holding the opening balance");
        Assert.That(bank.Restarts, Is.EqualTo(20), "the caller, the watcher and the other clients may all see a crash: count it once");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task A_refusal_after_a_restart_reports_the_opening_balance(CancellationToken cancellationToken)
    {
        var bank = await OpenAsync("2.00", cancellationToken);
        await bank.DepositAsync(100m).WaitAsync(cancellationToken);
        AssertCrashed(bank.WithdrawAsync(-2m), cancellationToken);

        var refused = Assert.ThrowsAsync<InsufficientFundsException>(async () => await bank.WithdrawAsync(50m).WaitAsync(cancellationToken),
            "Step 5: after the restart, a withdrawal above the opening balance must throw InsufficientFundsException");

        Assert.That(refused?.Balance, Is.EqualTo(2m), "the 100 deposited before the crash were lost with the old server");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task A_stopped_bank_is_not_restarted_and_stopping_twice_is_harmless(CancellationToken cancellationToken)
    {
        var bank = await OpenAsync("1.00", cancellationToken);
        await bank.DepositAsync(1m).WaitAsync(cancellationToken);

        await bank.StopAsync().WaitAsync(cancellationToken);
        await bank.StopAsync().WaitAsync(cancellationToken);

        Assert.That(bank.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion), "Step 5: a stopped bank's Completion must complete successfully");
        for (var i = 0; i < 3; i++)
        {
            var exited = Assert.ThrowsAsync<ServerExitedException>(async () => await bank.DepositAsync(1m).WaitAsync(cancellationToken),
                "Step 5: a call to a stopped bank must fail with ServerExitedException, not restart it");
            Assert.That(exited?.InnerException, Is.Null, "a normal stop is not a crash");
        }

        Assert.That(() => bank.Deposit(1m), Throws.Nothing, "a cast to a stopped bank is dropped");
        Assert.That(async () => await bank.StatementAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 5: StatementAsync on a stopped bank must fail with ServerExitedException");
        Assert.That(bank.Restarts, Is.Zero, "Step 5: a normal stop is not a crash: nothing must restart");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task Stopping_after_a_crash_stops_the_restarted_server(CancellationToken cancellationToken)
    {
        var bank = await OpenAsync("1.00", cancellationToken);
        AssertCrashed(bank.DepositAsync(0m), cancellationToken);

        await bank.StopAsync().WaitAsync(cancellationToken);

        Assert.That(bank.Completion.Status, Is.EqualTo(TaskStatus.RanToCompletion),
            "Step 5: stopping after a crash must end the bank normally, restarted server included");
        Assert.That(async () => await bank.BalanceAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "Step 5: once StopAsync has completed no server runs: a call must fail with ServerExitedException");
    }

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 4)]
    public async Task A_call_sent_before_the_stop_is_answered(CancellationToken cancellationToken)
    {
        var bank = await OpenAsync("0", cancellationToken);
        var pending = bank.DepositAsync(3m);
        bank.Deposit(4m);

        await bank.StopAsync().WaitAsync(cancellationToken);

        Assert.That(await pending.WaitAsync(cancellationToken), Is.EqualTo(3m), "a call sent before the stop is answered");
    }

    [TestCase("abc")]
    [TestCase("-1")]
    [TestCase("1.234")]
    [TestCase("")]
    [Property("Step", 4)]
    public void Opening_with_a_bad_balance_fails_with_FormatException(string opening)
    {
        Assert.That(async () => await Bank.OpenAsync(opening, Patient, new FakeTimeProvider()), Throws.TypeOf<FormatException>(),
            "Step 4: a bad opening balance must fail OpenAsync with the core's FormatException");
    }

    [Test]
    [Property("Step", 4)]
    public void Opening_with_null_fails_at_once() =>
        Assert.That(async () => await Bank.OpenAsync(null!), Throws.ArgumentNullException,
            "Step 4: OpenAsync(null) must throw ArgumentNullException");

    [Test]
    [CancelAfter(10_000)]
    [Property("Step", 5)]
    public async Task Two_banks_are_independent(CancellationToken cancellationToken)
    {
        var first = await OpenAsync("1", cancellationToken);
        var second = await OpenAsync("2", cancellationToken);

        await first.DepositAsync(10m).WaitAsync(cancellationToken);
        AssertCrashed(second.DepositAsync(-1m), cancellationToken);

        Assert.That(await first.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(11m),
            "Step 5: a crash in one bank must not touch another: the first keeps its deposit");
        Assert.That(await second.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(2m),
            "Step 5: the crashed bank must restart in its own opening state");
        Assert.That((first.Restarts, second.Restarts), Is.EqualTo((0, 1)), "Step 5: only the crashed bank counts a restart");
    }

    private static void AssertCrashed(Task<decimal> call, CancellationToken cancellationToken) =>
        Assert.That(async () => await call.WaitAsync(cancellationToken),
            Throws.TypeOf<ServerExitedException>().With.InnerException.TypeOf<ArgumentOutOfRangeException>(),
            "bad input crashes the server, and its caller hears of the crash");

    /// <summary>
    /// The balance, once a crash has been dealt with. After a bad cast, the first call may still reach the old server,
    /// queued behind the cast, and fail with the crash; the call after that reaches the new one.
    /// </summary>
    private static async Task<decimal> BalanceAfterCrashAsync(Bank bank, CancellationToken cancellationToken)
    {
        try
        {
            return await bank.BalanceAsync().WaitAsync(cancellationToken);
        }
        catch (ServerExitedException exited) when (exited.InnerException is ArgumentOutOfRangeException)
        {
            return await bank.BalanceAsync().WaitAsync(cancellationToken);
        }
    }
}
