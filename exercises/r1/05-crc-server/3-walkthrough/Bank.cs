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
    private readonly Restarter<AccountCall, AccountReply, AccountCast> _restarter;

    private Bank(Restarter<AccountCall, AccountReply, AccountCast> restarter)
    {
        _restarter = restarter;
    }

    /// <summary>How many times the account's server crashed and was restarted.</summary>
    public int Restarts => _restarter.Restarts;

    /// <summary>
    /// Completes when the bank is done: successfully after <see cref="StopAsync"/>; faulted with
    /// <see cref="TooManyRestartsException"/> when its server crashed too often and it gave up.
    /// </summary>
    public Task Completion => _restarter.Completion;

    /// <summary>
    /// Opens the account in an <see cref="AccountServer"/> kept running by a restarter: after a crash the account comes
    /// back with the opening balance, and nothing since.
    /// </summary>
    /// <param name="openingBalance">The opening balance as text, like "12.50".</param>
    /// <param name="policy">How many restarts within what period are allowed; <see cref="RestartPolicy.Default"/> when null.</param>
    /// <param name="timeProvider">The clock for call timeouts and the restart period; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The open bank.</returns>
    /// <exception cref="FormatException">The opening balance is not valid.</exception>
    public static async Task<Bank> OpenAsync(string openingBalance, RestartPolicy? policy = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(openingBalance);
        // The start function is the known good state: every restart builds a new AccountServer from the same
        // opening balance, and its Init opens the account afresh.
        var restarter = await Restarter<AccountCall, AccountReply, AccountCast>.StartAsync(
            () => GenServer.StartAsync(new AccountServer(openingBalance), timeProvider), policy, timeProvider)
            ;
        return new Bank(restarter);
    }

    /// <summary>Pays money in and waits for the new balance. Bad input crashes the server (see <see cref="WithdrawAsync"/>).</summary>
    /// <param name="amount">How much; positive, with at most two decimals.</param>
    /// <returns>The balance after the deposit.</returns>
    /// <exception cref="ServerExitedException">The amount was bad and crashed the server, or the bank is not running.</exception>
    public async Task<decimal> DepositAsync(decimal amount) =>
        BalanceOf(await _restarter.CallAsync(new AccountCall.Deposit(amount)));

    /// <summary>Pays money in, fire and forget (a cast): nobody is told if it fails, or if it is lost during a restart.</summary>
    /// <param name="amount">How much.</param>
    public void Deposit(decimal amount) => _restarter.Cast(new AccountCast.Deposit(amount));

    /// <summary>Takes money out and waits for the new balance.</summary>
    /// <param name="amount">How much; positive, with at most two decimals.</param>
    /// <returns>The balance after the withdrawal.</returns>
    /// <exception cref="InsufficientFundsException">The balance is too low; the account is unchanged and the server runs on.</exception>
    /// <exception cref="ServerExitedException">
    /// The amount was bad (not positive, or more than two decimals) and crashed the server, which the bank restarts;
    /// the crash is the inner exception. Or the bank is not running.
    /// </exception>
    public async Task<decimal> WithdrawAsync(decimal amount) =>
        BalanceOf(await _restarter.CallAsync(new AccountCall.Withdraw(amount)));

    /// <summary>The balance.</summary>
    /// <returns>The balance.</returns>
    /// <exception cref="ServerExitedException">The bank is not running.</exception>
    public async Task<decimal> BalanceAsync() =>
        BalanceOf(await _restarter.CallAsync(new AccountCall.GetBalance()));

    /// <summary>The statement: one line per transaction since the account was (re)opened, then the balance.</summary>
    /// <returns>The statement, as <see cref="Account.Statement"/> writes it.</returns>
    /// <exception cref="ServerExitedException">The bank is not running.</exception>
    public async Task<string> StatementAsync() =>
        await _restarter.CallAsync(new AccountCall.GetStatement()) switch
        {
            AccountReply.Statement statement => statement.Text,
            var other => throw Unexpected(other),
        };

    /// <summary>Stops the account's server normally; it is not restarted. Stopping twice is harmless.</summary>
    /// <returns>A task that completes when the server has ended.</returns>
    public Task StopAsync() => _restarter.StopAsync();

    // Convert, on the client's side: the reply's business error becomes the exception a C# caller expects.
    // It is thrown here, in the caller, after the server has already moved on: nothing crashed.
    private static decimal BalanceOf(AccountReply reply) => reply switch
    {
        AccountReply.Balance balance => balance.Amount,
        AccountReply.InsufficientFunds refused => throw new InsufficientFundsException(refused.Available, refused.Requested),
        _ => throw Unexpected(reply),
    };

    private static InvalidOperationException Unexpected(AccountReply reply) =>
        new($"The account server sent an unexpected reply: {reply}.");
}
