using System;

namespace CrcServer;

/// <summary>
/// The functional core inside a GenServer: construct in <see cref="Init"/>, reduce in the handlers, convert in the
/// reply. The server adds what the core lacks (a place to live, one message at a time, a name to call) and nothing
/// else: every rule about money stays in <see cref="Account"/>, and the server checks nothing itself.
/// </summary>
public sealed class AccountServer : IGenServer<Account, AccountCall, AccountReply, AccountCast>
{
    // Given: what Init needs to build the account, at every start and every restart.
    private readonly string _openingBalance;

    /// <summary>
    /// Keeps the opening balance for <see cref="Init"/>; opens nothing yet, so a balance that is not valid does not
    /// fail here: <see cref="Init"/> refuses it.
    /// </summary>
    /// <param name="openingBalance">The opening balance as text, as <see cref="Account.Open"/> takes it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="openingBalance"/> is null.</exception>
    public AccountServer(string openingBalance)
    {
        // Given: the constructor only remembers. Opening the account is Init's job, on the server: a constructor
        // runs in the caller, before any server exists.
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
    public Account Init() =>
        // TODO Step 1.1 (Init_opens_the_account_from_the_opening_balance, Starting_a_server_with_a_bad_opening_balance_fails):
        // one call to the core's constructor with _openingBalance. Let its FormatException escape: a server whose init fails does not start.
        throw new NotImplementedException("Step 1: implement AccountServer.Init (see README, step 1).");

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
    public (AccountReply Reply, Account State) HandleCall(AccountCall request, Account account) =>
        // TODO Step 2.1 (A_deposit_call_replies_with_the_new_balance, The_state_carries_from_one_call_to_the_next):
        // a switch expression on the request. For AccountCall.Deposit: account.Apply(new Deposit(amount)) is the
        // reduce; WithBalance(newAccount) is the convert. (Inside this class, `Deposit` is the core's transaction;
        // the request is `AccountCall.Deposit`.)
        // TODO Step 2.2 (A_withdraw_call_replies_with_the_new_balance): AccountCall.Withdraw goes to Withdraw below.
        // TODO Step 2.3 (GetStatement_replies_with_the_cores_statement): GetBalance replies WithBalance(account);
        // GetStatement replies new AccountReply.Statement(account.Statement()). Neither changes the account.
        // No `if (amount <= 0)` anywhere: bad input is the core's to refuse (step 3).
        throw new NotImplementedException("Step 2: implement AccountServer.HandleCall (see README, step 2).");

    /// <summary>Reduce: applies a fire-and-forget <see cref="AccountCast.Deposit"/>. Bad input crashes the server, as in a call.</summary>
    /// <param name="request">The cast.</param>
    /// <param name="account">The account before the cast.</param>
    /// <returns>The account after it.</returns>
    public Account HandleCast(AccountCast request, Account account) =>
        // TODO Step 2.4 (A_cast_deposit_changes_the_balance_without_a_reply): reduce only; a cast has no reply.
        throw new NotImplementedException("Step 2: implement AccountServer.HandleCast (see README, step 2).");

    /// <summary>
    /// Any other message is ignored: the account is returned unchanged, as OTP's default <c>handle_info</c> does.
    /// A stray message is somebody else's mistake, not a reason to lose the account.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="account">The account.</param>
    /// <returns>The account, unchanged.</returns>
    public Account HandleInfo(object message, Account account) =>
        // TODO Step 2.5 (A_stray_message_is_ignored): keep the account.
        throw new NotImplementedException("Step 2: implement AccountServer.HandleInfo (see README, step 2).");

    /// <summary>Convert: the reply that gives the account's balance, with the account as the next state.</summary>
    private static (AccountReply Reply, Account State) WithBalance(Account account) =>
        // TODO Step 2.1: (new AccountReply.Balance(account.Balance), account).
        throw new NotImplementedException("Step 2: implement AccountServer.WithBalance (see README, step 2).");

    /// <summary>Reduce a withdrawal; a refusal is a reply, not a crash.</summary>
    private static (AccountReply Reply, Account State) Withdraw(Account account, decimal amount) =>
        // TODO Step 2.2 (A_withdraw_call_replies_with_the_new_balance): apply a Withdrawal, reply WithBalance.
        // TODO Step 3.1 (Overdrawing_is_answered_with_a_reply_not_a_crash): make this a block with try/catch, and
        // catch InsufficientFundsException, and only that type: reply new AccountReply.InsufficientFunds(...) with
        // the exception's Balance and Requested, and keep the account as it was. Let every other exception escape:
        // that is what crashes the server on bad input (A_negative_amount_crashes_the_server).
        throw new NotImplementedException("Step 2: implement AccountServer.Withdraw (see README, steps 2 and 3).");
}
