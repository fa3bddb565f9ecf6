using System;

namespace CrcServer;

/// <summary>
/// The functional core inside a GenServer: construct in <see cref="Init"/>, reduce in the handlers, convert in the
/// reply. The server adds what the core lacks (a place to live, one message at a time, a name to call) and nothing
/// else: every rule about money stays in <see cref="Account"/>, and the server checks nothing itself.
/// </summary>
/// <remarks>
/// Notice what is not here: no check that an amount is positive, no check that a withdrawal fits. The core already
/// refuses both. A withdrawal that is too large is an expected answer, so it becomes a reply; a negative amount is
/// bad input that no correct caller sends, so the core's exception is left to crash the server ("let it crash"),
/// and whoever restarts it brings it back in a known good state.
/// </remarks>
public sealed class AccountServer : IGenServer<Account, AccountCall, AccountReply, AccountCast>
{
    private readonly string _openingBalance;

    /// <summary>
    /// Keeps the opening balance for <see cref="Init"/>; opens nothing yet, so a balance that is not valid does not
    /// fail here: <see cref="Init"/> refuses it.
    /// </summary>
    /// <param name="openingBalance">The opening balance as text, as <see cref="Account.Open"/> takes it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="openingBalance"/> is null.</exception>
    public AccountServer(string openingBalance)
    {
        ArgumentNullException.ThrowIfNull(openingBalance);
        _openingBalance = openingBalance;
    }

    /// <summary>
    /// Construct: opens the account from the opening balance with <see cref="Account.Open"/>. It runs on the server at
    /// every start and every restart, and builds the same known good state each time, so a restarted server always
    /// begins from it.
    /// </summary>
    /// <returns>The freshly opened account.</returns>
    /// <exception cref="FormatException">The opening balance is not valid; the server does not start.</exception>
    public Account Init() => Account.Open(_openingBalance);

    /// <summary>
    /// Reduce, then convert: applies the call to the account with the core and replies with the result.
    /// <see cref="AccountCall.Deposit"/> and <see cref="AccountCall.Withdraw"/> reply with the new balance
    /// (<see cref="AccountReply.Balance"/>); <see cref="AccountCall.GetBalance"/> with the balance;
    /// <see cref="AccountCall.GetStatement"/> with <see cref="Account.Statement"/>. A withdrawal larger than the
    /// balance replies <see cref="AccountReply.InsufficientFunds"/> and keeps the account. Bad input (an amount that
    /// is not positive, or has more than two decimals) is not checked here: the core throws, and the server crashes.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="account">The account before the call.</param>
    /// <returns>The reply and the account after the call.</returns>
    public (AccountReply Reply, Account State) HandleCall(AccountCall request, Account account) => request switch
    {
        AccountCall.Deposit deposit => WithBalance(account.Apply(new Deposit(deposit.Amount))),
        AccountCall.Withdraw withdraw => Withdraw(account, withdraw.Amount),
        AccountCall.GetBalance => WithBalance(account),
        AccountCall.GetStatement => (new AccountReply.Statement(account.Statement()), account),
        // A request the protocol does not know is a bug in the caller: crash, like a FunctionClauseError in Elixir.
        _ => throw new ArgumentException($"Unknown call {request}.", nameof(request)),
    };

    /// <summary>Reduce: applies a fire-and-forget <see cref="AccountCast.Deposit"/>. Bad input crashes the server, as in a call.</summary>
    /// <param name="request">The cast.</param>
    /// <param name="account">The account before the cast.</param>
    /// <returns>The account after it.</returns>
    public Account HandleCast(AccountCast request, Account account) => request switch
    {
        AccountCast.Deposit deposit => account.Apply(new Deposit(deposit.Amount)),
        _ => throw new ArgumentException($"Unknown cast {request}.", nameof(request)),
    };

    /// <summary>
    /// Any other message is ignored: the account is returned unchanged, as OTP's default <c>handle_info</c> does.
    /// A stray message is somebody else's mistake, not a reason to lose the account.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="account">The account.</param>
    /// <returns>The account, unchanged.</returns>
    public Account HandleInfo(object message, Account account) => account;

    private static (AccountReply Reply, Account State) WithBalance(Account account) =>
        (new AccountReply.Balance(account.Balance), account);

    private static (AccountReply Reply, Account State) Withdraw(Account account, decimal amount)
    {
        try
        {
            return WithBalance(account.Apply(new Withdrawal(amount)));
        }
        catch (InsufficientFundsException refused)
        {
            // The one exception caught in this server, and only this type: an expected "no" is part of the protocol
            // (Elixir's {:error, :insufficient_funds}). The account is kept as it was. Anything else escapes and crashes.
            return (new AccountReply.InsufficientFunds(refused.Balance, refused.Requested), account);
        }
    }
}
