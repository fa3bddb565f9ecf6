using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace CrcServer.Tests;

/// <summary>Step 5: after a crash, start a fresh server in the known good state.</summary>
public sealed class Step5_Turn_it_off_and_on_again
{
    /// <summary>
    /// How long to wait for a restart that no call asks for. A restart takes microseconds; a second is plenty even on a
    /// slow machine, and short enough that a restarter that never restarts fails with a message instead of a timeout.
    /// </summary>
    private static readonly TimeSpan RestartWithin = TimeSpan.FromSeconds(1);

    /// <summary>The balance, asked for right after the caller saw a crash: it must come from a fresh server.</summary>
    private static async Task<decimal> BalanceAfterACrashAsync(Bank bank, CancellationToken cancellationToken)
    {
        try
        {
            return await bank.BalanceAsync().WaitAsync(cancellationToken);
        }
        catch (ServerExitedException)
        {
            Assert.Fail("The call made after a crash reached the dead server. Calls must go to a fresh server: restart " +
                "the crashed one (if the watcher has not done it yet) before calling.");
            throw;
        }
    }

    [Test]
    [CancelAfter(2000)]
    public async Task The_caller_whose_request_crashed_the_server_gets_ServerExitedException(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("10.00").WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await bank.WithdrawAsync(-1m).WaitAsync(cancellationToken),
            "A restart must not hide the crash from the caller who caused it.");

        Assert.That(exited?.InnerException, Is.TypeOf<ArgumentOutOfRangeException>(),
            "Step 5: the ServerExitedException carries the crash (the core's ArgumentOutOfRangeException) inside");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task After_a_crash_the_next_call_reaches_a_fresh_server_in_the_opening_state(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("10.00").WaitAsync(cancellationToken);
        await bank.DepositAsync(5m).WaitAsync(cancellationToken);

        Assert.ThrowsAsync<ServerExitedException>(async () => await bank.DepositAsync(-1m).WaitAsync(cancellationToken),
            "Step 5: a deposit of -1 crashes the server, and its caller gets ServerExitedException");
        var balance = await BalanceAfterACrashAsync(bank, cancellationToken);

        Assert.That(balance, Is.EqualTo(10m),
            "The new server starts from the opening balance: the deposit made before the crash is lost with the old server.");
        Assert.That(await bank.StatementAsync().WaitAsync(cancellationToken), Is.EqualTo("balance 10.00\n"),
            "Step 5: the fresh server's statement has no transaction, only the opening balance");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Each_restart_is_counted(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("10.00").WaitAsync(cancellationToken);
        Assert.That(bank.Restarts, Is.Zero, "Nothing has crashed yet.");

        Assert.ThrowsAsync<ServerExitedException>(async () => await bank.WithdrawAsync(0m).WaitAsync(cancellationToken),
            "Step 5: a withdrawal of 0 crashes the server, and its caller gets ServerExitedException");
        await BalanceAfterACrashAsync(bank, cancellationToken);
        Assert.That(bank.Restarts, Is.EqualTo(1), "Step 5: one crash, one restart");

        Assert.ThrowsAsync<ServerExitedException>(async () => await bank.DepositAsync(-3m).WaitAsync(cancellationToken),
            "Step 5: a deposit of -3 crashes the restarted server too, and its caller gets ServerExitedException");
        await BalanceAfterACrashAsync(bank, cancellationToken);
        Assert.That(bank.Restarts, Is.EqualTo(2), "Count one restart per crash, however many parties noticed it.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_crash_nobody_calls_about_is_restarted_too(CancellationToken cancellationToken)
    {
        var starts = 0;
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarter = await Restarter<AccountCall, AccountReply, AccountCast>.StartAsync(async () =>
        {
            var server = await GenServer.StartAsync(new AccountServer("8.00"));
            if (Interlocked.Increment(ref starts) == 2)
            {
                restarted.TrySetResult();
            }

            return server;
        }).WaitAsync(cancellationToken);

        restarter.Cast(new AccountCast.Deposit(-1m)); // crashes the server, and nobody waits for a reply

        // A broken restarter fails its Completion (then show why); one that does not watch never restarts.
        try
        {
            await Task.WhenAny(restarted.Task, restarter.Completion).WaitAsync(RestartWithin, cancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No restart within {RestartWithin.TotalSeconds} s of a crash: the restarter should watch the " +
                "server's Completion and restart it after a crash, even when no call notices the crash.");
        }

        if (restarter.Completion.IsFaulted)
        {
            await restarter.Completion;
        }

        Assert.That(restarter.Restarts, Is.EqualTo(1),
            "Step 5: the crash of the cast was restarted once, by watching the server's Completion");
        Assert.That(await restarter.CallAsync(new AccountCall.GetBalance()).WaitAsync(cancellationToken),
            Is.EqualTo(new AccountReply.Balance(8m)),
            "Step 5: the restarted server opened the account again from the opening balance");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_refused_withdrawal_is_not_a_crash_and_is_not_restarted(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("1.00").WaitAsync(cancellationToken);
        await bank.DepositAsync(1m).WaitAsync(cancellationToken);

        Assert.ThrowsAsync<InsufficientFundsException>(async () => await bank.WithdrawAsync(100m).WaitAsync(cancellationToken),
            "Step 5: a withdrawal beyond the balance throws InsufficientFundsException in the caller");

        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(2m),
            "The deposit is still there: the server was never restarted.");
        Assert.That(bank.Restarts, Is.Zero,
            "Step 5: a refused withdrawal is a reply, not a crash: nothing was restarted");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Stopping_during_a_restart_stops_the_server_being_started(CancellationToken cancellationToken)
    {
        // Every restart waits for the test's go-ahead before it starts its server, so the test can stop the
        // restarter while a restart is under way.
        var starts = 0;
        var restarting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var goAhead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var servers = new ConcurrentQueue<Server<AccountCall, AccountReply, AccountCast>>();
        var restarter = await Restarter<AccountCall, AccountReply, AccountCast>.StartAsync(async () =>
        {
            if (Interlocked.Increment(ref starts) > 1)
            {
                restarting.TrySetResult();
                await goAhead.Task;
            }

            var server = await GenServer.StartAsync(new AccountServer("8.00"));
            servers.Enqueue(server);
            return server;
        }).WaitAsync(cancellationToken);

        restarter.Cast(new AccountCast.Deposit(-1m)); // crashes the server: a restart begins, and waits
        try
        {
            await restarting.Task.WaitAsync(RestartWithin, cancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Step 5: no restart began within {RestartWithin.TotalSeconds} s of a crash: the restarter should watch " +
                "the server's Completion and call the start function again after a crash (see README, step 5).");
        }

        var stopping = restarter.StopAsync();
        goAhead.TrySetResult();
        await stopping.WaitAsync(cancellationToken);

        Assert.That(servers, Has.Count.EqualTo(2),
            "StopAsync was called while the restart was starting a server: it must wait for that start to finish.");
        Assert.That(servers.Where(server => server.IsAlive), Is.Empty,
            "StopAsync must stop the server that was being started when it was called, and complete only once that " +
            "server has ended: nothing may run after StopAsync (see README, step 5).");
        Assert.That(restarter.Completion.IsCompletedSuccessfully, Is.True, "After StopAsync, Completion has completed successfully.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_normal_stop_is_not_restarted(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("1.00").WaitAsync(cancellationToken);

        await bank.StopAsync().WaitAsync(cancellationToken);
        await bank.Completion.WaitAsync(cancellationToken);

        Assert.That(async () => await bank.BalanceAsync().WaitAsync(cancellationToken), Throws.TypeOf<ServerExitedException>(),
            "A server that was stopped on purpose stays stopped.");
        Assert.That(bank.Restarts, Is.Zero, "Step 5: a normal stop is not a crash: nothing was restarted");
    }
}
