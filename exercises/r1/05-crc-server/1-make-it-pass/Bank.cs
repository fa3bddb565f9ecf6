using System;
using System.Threading.Tasks;

namespace CrcServer;

/// <summary>
/// The client API of a bank account that lives in a server: plain methods that hide the messages, the server and
/// its restarts. It sends <see cref="AccountCall"/>s and <see cref="AccountCast"/>s through a
/// <see cref="Restarter{TCall, TReply, TCast}"/> and turns the <see cref="AccountReply"/>s into amounts and text:
/// callers never see a message (Elixir's convention: the public functions of the module wrap <c>GenServer.call</c>).
/// </summary>
public sealed class Bank
{
    private Bank()
    {
    }

    /// <summary>How many times the account's server crashed and was restarted.</summary>
    public int Restarts => throw new NotImplementedException("Step 5: implement Bank.Restarts (see README, step 5).");

    /// <summary>
    /// Completes when the bank is done: successfully after <see cref="StopAsync"/>; faulted with
    /// <see cref="TooManyRestartsException"/> when its server crashed too often and it gave up.
    /// </summary>
    public Task Completion => throw new NotImplementedException("Step 4: implement Bank.Completion (see README, step 4).");

    /// <summary>
    /// Opens the account in an <see cref="AccountServer"/> kept running by a restarter: after a crash the account comes
    /// back with the opening balance, and nothing since.
    /// </summary>
    /// <param name="openingBalance">The opening balance as text, like "12.50".</param>
    /// <param name="policy">How many restarts within what period are allowed; <see cref="RestartPolicy.Default"/> when null.</param>
    /// <param name="timeProvider">The clock for call timeouts and the restart period; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The open bank.</returns>
    /// <exception cref="FormatException">The opening balance is not valid.</exception>
    public static Task<Bank> OpenAsync(string openingBalance, RestartPolicy? policy = null, TimeProvider? timeProvider = null) =>
        throw new NotImplementedException("Step 4: implement Bank.OpenAsync (see README, step 4).");

    /// <summary>Pays money in and waits for the new balance. Bad input crashes the server (see <see cref="WithdrawAsync"/>).</summary>
    /// <param name="amount">How much; positive, with at most two decimals.</param>
    /// <returns>The balance after the deposit.</returns>
    /// <exception cref="ServerExitedException">The amount was bad and crashed the server, or the bank is not running.</exception>
    public Task<decimal> DepositAsync(decimal amount) =>
        throw new NotImplementedException("Step 4: implement Bank.DepositAsync (see README, step 4).");

    /// <summary>Pays money in, fire and forget (a cast): nobody is told if it fails, or if it is lost during a restart.</summary>
    /// <param name="amount">How much.</param>
    public void Deposit(decimal amount) =>
        throw new NotImplementedException("Step 4: implement Bank.Deposit (see README, step 4).");

    /// <summary>Takes money out and waits for the new balance.</summary>
    /// <param name="amount">How much; positive, with at most two decimals.</param>
    /// <returns>The balance after the withdrawal.</returns>
    /// <exception cref="InsufficientFundsException">The balance is too low; the account is unchanged and the server runs on.</exception>
    /// <exception cref="ServerExitedException">
    /// The amount was bad (not positive, or more than two decimals) and crashed the server, which the bank restarts;
    /// the crash is the inner exception. Or the bank is not running.
    /// </exception>
    public Task<decimal> WithdrawAsync(decimal amount) =>
        throw new NotImplementedException("Step 4: implement Bank.WithdrawAsync (see README, step 4).");

    /// <summary>The balance.</summary>
    /// <returns>The balance.</returns>
    /// <exception cref="ServerExitedException">The bank is not running.</exception>
    public Task<decimal> BalanceAsync() =>
        throw new NotImplementedException("Step 4: implement Bank.BalanceAsync (see README, step 4).");

    /// <summary>The statement: one line per transaction since the account was (re)opened, then the balance.</summary>
    /// <returns>The statement, as <see cref="Account.Statement"/> writes it.</returns>
    /// <exception cref="ServerExitedException">The bank is not running.</exception>
    public Task<string> StatementAsync() =>
        throw new NotImplementedException("Step 4: implement Bank.StatementAsync (see README, step 4).");

    /// <summary>Stops the account's server normally; it is not restarted. Stopping twice is harmless.</summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public Task StopAsync() =>
        throw new NotImplementedException("Step 4: implement Bank.StopAsync (see README, step 4).");
}
