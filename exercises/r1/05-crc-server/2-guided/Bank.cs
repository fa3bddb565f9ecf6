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
    // Given: a bank is a restarter of account servers, and nothing more.
    private readonly Restarter<AccountCall, AccountReply, AccountCast> _restarter;

    private Bank(Restarter<AccountCall, AccountReply, AccountCast> restarter)
    {
        _restarter = restarter;
    }

    /// <summary>How many times the account's server crashed and was restarted.</summary>
    public int Restarts =>
        // TODO Step 5.6 (Each_restart_is_counted): the restarter counts them.
        throw new NotImplementedException("Step 5: implement Bank.Restarts (see README, step 5).");

    /// <summary>
    /// Completes when the bank is done: successfully after <see cref="StopAsync"/>; faulted with
    /// <see cref="TooManyRestartsException"/> when its server crashed too often and it gave up.
    /// </summary>
    public Task Completion =>
        // TODO Step 4.6 (A_stopped_bank_completes_and_refuses_calls): the restarter's.
        throw new NotImplementedException("Step 4: implement Bank.Completion (see README, step 4).");

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
        // TODO Step 4.7 (A_bank_opens_with_its_opening_balance): make this async. Start a restarter whose start
        // function is `() => GenServer.StartAsync(new AccountServer(openingBalance), timeProvider)`, with the policy
        // and timeProvider; wrap it in a Bank. That lambda is the known good state: every restart calls it again.
        throw new NotImplementedException("Step 4: implement Bank.OpenAsync (see README, step 4).");

    /// <summary>Pays money in and waits for the new balance. Bad input crashes the server (see <see cref="WithdrawAsync"/>).</summary>
    /// <param name="amount">How much; positive, with at most two decimals.</param>
    /// <returns>The balance after the deposit.</returns>
    /// <exception cref="ServerExitedException">The amount was bad and crashed the server, or the bank is not running.</exception>
    public Task<decimal> DepositAsync(decimal amount) =>
        // TODO Step 4.8 (Deposit_and_withdraw_return_the_new_balance): call with new AccountCall.Deposit(amount),
        // and turn the reply into a decimal with BalanceOf.
        throw new NotImplementedException("Step 4: implement Bank.DepositAsync (see README, step 4).");

    /// <summary>Pays money in, fire and forget (a cast): nobody is told if it fails, or if it is lost during a restart.</summary>
    /// <param name="amount">How much.</param>
    public void Deposit(decimal amount) =>
        // TODO Step 4.9 (A_fire_and_forget_deposit_is_seen_by_the_next_call): cast new AccountCast.Deposit(amount).
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
        // TODO Step 4.10 (Deposit_and_withdraw_return_the_new_balance,
        // A_refused_withdrawal_throws_InsufficientFundsException_and_the_bank_runs_on): as DepositAsync.
        throw new NotImplementedException("Step 4: implement Bank.WithdrawAsync (see README, step 4).");

    /// <summary>The balance.</summary>
    /// <returns>The balance.</returns>
    /// <exception cref="ServerExitedException">The bank is not running.</exception>
    public Task<decimal> BalanceAsync() =>
        // TODO Step 4.11 (A_bank_opens_with_its_opening_balance): call with new AccountCall.GetBalance().
        throw new NotImplementedException("Step 4: implement Bank.BalanceAsync (see README, step 4).");

    /// <summary>The statement: one line per transaction since the account was (re)opened, then the balance.</summary>
    /// <returns>The statement, as <see cref="Account.Statement"/> writes it.</returns>
    /// <exception cref="ServerExitedException">The bank is not running.</exception>
    public Task<string> StatementAsync() =>
        // TODO Step 4.12 (The_statement_lists_every_transaction_then_the_balance): call with new AccountCall.GetStatement();
        // the reply should be an AccountReply.Statement: return its Text, or throw Unexpected(reply) for anything else.
        throw new NotImplementedException("Step 4: implement Bank.StatementAsync (see README, step 4).");

    /// <summary>Stops the account's server normally; it is not restarted. Stopping twice is harmless.</summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public Task StopAsync() =>
        // TODO Step 4.13 (A_stopped_bank_completes_and_refuses_calls): the restarter stops it.
        throw new NotImplementedException("Step 4: implement Bank.StopAsync (see README, step 4).");

    /// <summary>
    /// Convert, on the client's side: a Balance reply gives its amount; an InsufficientFunds reply becomes an
    /// <see cref="InsufficientFundsException"/>, thrown here in the caller, while the server has already moved on.
    /// </summary>
    private static decimal BalanceOf(AccountReply reply) =>
        // TODO Step 4.14 (A_refused_withdrawal_throws_InsufficientFundsException_and_the_bank_runs_on): a switch
        // expression on the reply's type; anything else is Unexpected(reply).
        throw new NotImplementedException("Step 4: implement Bank.BalanceOf (see README, step 4).");

    /// <summary>Given: the exception for a reply of the wrong kind (a bug between client and server).</summary>
    private static InvalidOperationException Unexpected(AccountReply reply) =>
        new($"The account server sent an unexpected reply: {reply}.");
}
