using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace CrcServer.Tests;

/// <summary>Step 4: the Bank, a client API of plain methods over a server kept by a Restarter.</summary>
public sealed class Step4_A_client_API
{
    [Test]
    [CancelAfter(2000)]
    public async Task A_bank_opens_with_its_opening_balance(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("12.50").WaitAsync(cancellationToken);

        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(12.50m),
            "Step 4: BalanceAsync of a new bank returns its opening balance");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Deposit_and_withdraw_return_the_new_balance(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("10.00").WaitAsync(cancellationToken);

        Assert.That(await bank.DepositAsync(5m).WaitAsync(cancellationToken), Is.EqualTo(15m),
            "DepositAsync calls the server and turns its Balance reply into a decimal.");
        Assert.That(await bank.WithdrawAsync(2.50m).WaitAsync(cancellationToken), Is.EqualTo(12.50m),
            "Step 4: WithdrawAsync returns the new balance, as a decimal");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_refused_withdrawal_throws_InsufficientFundsException_and_the_bank_runs_on(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("3.00").WaitAsync(cancellationToken);

        var refused = Assert.ThrowsAsync<InsufficientFundsException>(
            async () => await bank.WithdrawAsync(5m).WaitAsync(cancellationToken),
            "Turn the InsufficientFunds reply into an InsufficientFundsException, thrown in the caller.");

        Assert.That(refused?.Balance, Is.EqualTo(3m),
            "Step 4: the exception's Balance is the balance the withdrawal was refused on");
        Assert.That(refused?.Requested, Is.EqualTo(5m),
            "Step 4: the exception's Requested is the amount of the refused withdrawal");
        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(3m),
            "The server did not crash, and the account is unchanged.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task The_statement_lists_every_transaction_then_the_balance(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("1.00").WaitAsync(cancellationToken);
        await bank.DepositAsync(2m).WaitAsync(cancellationToken);
        await bank.WithdrawAsync(0.50m).WaitAsync(cancellationToken);

        Assert.That(await bank.StatementAsync().WaitAsync(cancellationToken),
            Is.EqualTo("deposit 2.00\nwithdrawal 0.50\nbalance 2.50\n"),
            "Step 4: StatementAsync returns the server's statement: each transaction, oldest first, then the balance");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_fire_and_forget_deposit_is_seen_by_the_next_call(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("0").WaitAsync(cancellationToken);

        bank.Deposit(4m);
        bank.Deposit(6m);

        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(10m),
            "Deposit casts to the server; a call sent after it is handled after it.");
    }

    [Test]
    [CancelAfter(2000)]
    public void Opening_with_a_bad_balance_fails_with_FormatException(CancellationToken cancellationToken)
    {
        Assert.That(async () => await Bank.OpenAsync("twelve").WaitAsync(cancellationToken), Throws.TypeOf<FormatException>(),
            "There is no known good state to start from: the first start's failure is the caller's.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_stopped_bank_completes_and_refuses_calls(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("1.00").WaitAsync(cancellationToken);

        await bank.StopAsync().WaitAsync(cancellationToken);

        Assert.That(bank.Completion.IsCompletedSuccessfully, Is.True, "After StopAsync, Completion has completed successfully.");
        Assert.That(async () => await bank.BalanceAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "No server runs after a stop: a call fails with ServerExitedException.");
    }

    [Test]
    [CancelAfter(2000)]
    public void A_restarter_refuses_a_null_start_function_with_ArgumentNullException(CancellationToken cancellationToken)
    {
        Assert.ThrowsAsync<ArgumentNullException>(
            async () => await Restarter<AccountCall, AccountReply, AccountCast>.StartAsync(null!).WaitAsync(cancellationToken),
            "Restarter.StartAsync(null) must throw ArgumentNullException: without a start function there is nothing to " +
            "start, now or at a restart (see README, step 4).");
    }

    [Test]
    [CancelAfter(5000)]
    public async Task A_call_gives_up_after_the_timeout_it_was_given(CancellationToken cancellationToken)
    {
        var clock = new ClockThatTellsWhenATimerStarts();
        using var busy = new BusyServer();
        var restarter = await Restarter<string, string, string>.StartAsync(
            () => GenServer.StartAsync(busy, clock), timeProvider: clock).WaitAsync(cancellationToken);

        try
        {
            var calling = restarter.CallAsync("are you there?", TimeSpan.FromSeconds(1));
            await clock.TimerStarted.WaitAsync(cancellationToken); // the call is waiting for its reply
            clock.Advance(TimeSpan.FromSeconds(1));

            var timedOut = Assert.ThrowsAsync<TimeoutException>(async () => await calling.WaitAsync(cancellationToken),
                "The server did not reply within the 1 second the call was given: CallAsync should pass its timeout on " +
                "to the server's CallAsync, which then throws TimeoutException (see README, step 4).");
            Assert.That(timedOut?.Message, Does.Contain("1000"),
                "The TimeoutException says how long the call waited: 1000 ms, the timeout it was given, not the default.");
        }
        finally
        {
            busy.Release();
        }

        Assert.That(await restarter.CallAsync("still there?").WaitAsync(cancellationToken), Is.EqualTo("yes"),
            "A call that timed out is not a crash: the same server runs on and answers the next call.");
        Assert.That(restarter.Restarts, Is.Zero, "A timeout is not a crash: nothing was restarted.");
        await restarter.StopAsync().WaitAsync(cancellationToken);
    }

    /// <summary>A fake clock that says when a timer is started on it, so that a test moves time only once a call waits.</summary>
    private sealed class ClockThatTellsWhenATimerStarts : FakeTimeProvider
    {
        private readonly TaskCompletionSource _timerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerStarted => _timerStarted.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timerStarted.TrySetResult();
            return timer;
        }
    }

    /// <summary>A server too busy to reply: its first call holds it until the test releases it.</summary>
    private sealed class BusyServer : IGenServer<int, string, string, string>, IDisposable
    {
        /// <summary>
        /// How long the server stays busy at most: longer than the test may run (the test releases it when it ends),
        /// and still a bound, so that a server nobody releases gives its thread back.
        /// </summary>
        private static readonly TimeSpan BusyAtMost = TimeSpan.FromSeconds(10);

        private readonly ManualResetEventSlim _released = new();

        public void Release() => _released.Set();

        public void Dispose() => _released.Dispose();

        public int Init() => 0;

        public (string Reply, int State) HandleCall(string request, int state)
        {
            _released.Wait(BusyAtMost);
            return ("yes", state + 1);
        }

        public int HandleCast(string request, int state) => state;

        public int HandleInfo(object message, int state) => state;
    }
}
