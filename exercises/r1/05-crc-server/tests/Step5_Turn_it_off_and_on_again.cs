using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace CrcServer.Tests;

/// <summary>Step 5: after a crash, start a fresh server in the known good state.</summary>
public sealed class Step5_Turn_it_off_and_on_again
{
    [Test]
    [CancelAfter(2000)]
    public async Task The_caller_whose_request_crashed_the_server_gets_ServerExitedException(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("10.00").WaitAsync(cancellationToken);

        var exited = Assert.ThrowsAsync<ServerExitedException>(
            async () => await bank.WithdrawAsync(-1m).WaitAsync(cancellationToken),
            "A restart must not hide the crash from the caller who caused it.");

        Assert.That(exited?.InnerException, Is.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    [CancelAfter(2000)]
    public async Task After_a_crash_the_next_call_reaches_a_fresh_server_in_the_opening_state(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("10.00").WaitAsync(cancellationToken);
        await bank.DepositAsync(5m).WaitAsync(cancellationToken);

        Assert.ThrowsAsync<ServerExitedException>(async () => await bank.DepositAsync(-1m).WaitAsync(cancellationToken));
        var balance = await bank.BalanceAsync().WaitAsync(cancellationToken);

        Assert.That(balance, Is.EqualTo(10m),
            "The new server starts from the opening balance: the deposit made before the crash is lost with the old server.");
        Assert.That(await bank.StatementAsync().WaitAsync(cancellationToken), Is.EqualTo("balance 10.00\n"));
    }

    [Test]
    [CancelAfter(2000)]
    public async Task Each_restart_is_counted(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("10.00").WaitAsync(cancellationToken);
        Assert.That(bank.Restarts, Is.Zero, "Nothing has crashed yet.");

        Assert.ThrowsAsync<ServerExitedException>(async () => await bank.WithdrawAsync(0m).WaitAsync(cancellationToken));
        await bank.BalanceAsync().WaitAsync(cancellationToken);
        Assert.That(bank.Restarts, Is.EqualTo(1));

        Assert.ThrowsAsync<ServerExitedException>(async () => await bank.DepositAsync(-3m).WaitAsync(cancellationToken));
        await bank.BalanceAsync().WaitAsync(cancellationToken);
        Assert.That(bank.Restarts, Is.EqualTo(2), "Count one restart per crash, however many parties noticed it.");
    }

    [Test]
    [CancelAfter(2000)]
    public async Task A_refused_withdrawal_is_not_a_crash_and_is_not_restarted(CancellationToken cancellationToken)
    {
        var bank = await Bank.OpenAsync("1.00").WaitAsync(cancellationToken);
        await bank.DepositAsync(1m).WaitAsync(cancellationToken);

        Assert.ThrowsAsync<InsufficientFundsException>(async () => await bank.WithdrawAsync(100m).WaitAsync(cancellationToken));

        Assert.That(await bank.BalanceAsync().WaitAsync(cancellationToken), Is.EqualTo(2m),
            "The deposit is still there: the server was never restarted.");
        Assert.That(bank.Restarts, Is.Zero);
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
        Assert.That(bank.Restarts, Is.Zero);
    }
}
