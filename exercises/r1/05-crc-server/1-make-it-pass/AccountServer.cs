using System;

namespace CrcServer;

/// <summary>
/// The functional core inside a GenServer: construct in <see cref="Init"/>, reduce in the handlers, convert in the
/// reply. The server adds what the core lacks (a place to live, one message at a time, a name to call) and nothing
/// else: every rule about money stays in <see cref="Account"/>, and the server checks nothing itself.
/// </summary>
public sealed class AccountServer : IGenServer<Account, AccountCall, AccountReply, AccountCast>
{
    /// <summary>
    /// Keeps the opening balance for <see cref="Init"/>; opens nothing yet, so a balance that is not valid does not
    /// fail here: <see cref="Init"/> refuses it.
    /// </summary>
    /// <param name="openingBalance">The opening balance as text, as <see cref="Account.Open"/> takes it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="openingBalance"/> is null.</exception>
    public AccountServer(string openingBalance) =>
        throw new NotImplementedException("Step 1: implement the AccountServer constructor (see README, step 1).");

    /// <summary>
    /// Construct: opens the account from the opening balance with <see cref="Account.Open"/>. It runs on the server at
    /// every start and every restart, and builds the same known good state each time, so a restarted server always
    /// begins from it.
    /// </summary>
    /// <returns>The freshly opened account.</returns>
    /// <exception cref="FormatException">The opening balance is not valid; the server does not start.</exception>
    public Account Init() =>
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
        throw new NotImplementedException("Step 2: implement AccountServer.HandleCall (see README, step 2).");

    /// <summary>Reduce: applies a fire-and-forget <see cref="AccountCast.Deposit"/>. Bad input crashes the server, as in a call.</summary>
    /// <param name="request">The cast.</param>
    /// <param name="account">The account before the cast.</param>
    /// <returns>The account after it.</returns>
    public Account HandleCast(AccountCast request, Account account) =>
        throw new NotImplementedException("Step 2: implement AccountServer.HandleCast (see README, step 2).");

    /// <summary>
    /// Any other message is ignored: the account is returned unchanged, as OTP's default <c>handle_info</c> does.
    /// A stray message is somebody else's mistake, not a reason to lose the account.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="account">The account.</param>
    /// <returns>The account, unchanged.</returns>
    public Account HandleInfo(object message, Account account) =>
        throw new NotImplementedException("Step 2: implement AccountServer.HandleInfo (see README, step 2).");
}
