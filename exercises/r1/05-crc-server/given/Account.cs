using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CrcServer;

// Given: the functional core, copied from exercise 03 so that this exercise stands alone. Nothing to change here.
// It knows nothing of processes: construct (Open), reduce (Apply, Reduce), convert (Statement, Balance).

/// <summary>
/// A bank account as an immutable value: every change returns a new account and leaves the old one as it was.
/// </summary>
public sealed record Account
{
    private Account(long balanceCents, ImmutableList<Transaction> history)
    {
        BalanceCents = balanceCents;
        History = history;
    }

    /// <summary>The balance in cents: money is counted in whole cents, so no rounding ever happens.</summary>
    public long BalanceCents { get; }

    /// <summary>Every transaction applied since the account was opened, oldest first.</summary>
    public ImmutableList<Transaction> History { get; }

    /// <summary>The balance in the account's currency (<see cref="BalanceCents"/> / 100).</summary>
    public decimal Balance => BalanceCents / 100m;

    /// <summary>
    /// Construct: opens an account from text, as it would arrive from outside ("12.50", invariant culture).
    /// </summary>
    /// <param name="openingBalance">A non-negative amount with at most two decimals, digits and a point only.</param>
    /// <returns>An account with that balance and an empty history.</returns>
    /// <exception cref="FormatException">The text is not such an amount.</exception>
    public static Account Open(string openingBalance)
    {
        ArgumentNullException.ThrowIfNull(openingBalance);
        // AllowDecimalPoint alone: no sign (so no negative balance), no spaces, no thousands separators.
        if (!decimal.TryParse(openingBalance, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || !IsWholeCents(amount))
        {
            throw new FormatException(
                $"'{openingBalance}' is not an opening balance: write a non-negative amount with at most two decimals, like 12.50.");
        }

        return new Account(decimal.ToInt64(amount * 100), ImmutableList<Transaction>.Empty);
    }

    /// <summary>Reduce: applies one transaction.</summary>
    /// <param name="transaction">A deposit or a withdrawal.</param>
    /// <returns>The account after the transaction, with the transaction added to its history.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive or has more than two decimals.</exception>
    /// <exception cref="InsufficientFundsException">A withdrawal asks for more than the balance.</exception>
    public Account Apply(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var amount = transaction.Amount;
        if (amount <= 0 || !IsWholeCents(amount))
        {
            throw new ArgumentOutOfRangeException(
                nameof(transaction), amount, "An amount must be positive, with at most two decimals.");
        }

        var cents = decimal.ToInt64(amount * 100);
        var balance = transaction switch
        {
            Deposit => BalanceCents + cents,
            Withdrawal when cents > BalanceCents => throw new InsufficientFundsException(Balance, amount),
            Withdrawal => BalanceCents - cents,
            _ => throw new ArgumentException($"Unknown transaction {transaction}.", nameof(transaction)),
        };
        return new Account(balance, History.Add(transaction));
    }

    /// <summary>Reduce: applies transactions in order (a left fold of <see cref="Apply"/>).</summary>
    /// <param name="transactions">The transactions, oldest first.</param>
    /// <returns>The account after all of them.</returns>
    public Account Reduce(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return transactions.Aggregate(this, (account, transaction) => account.Apply(transaction));
    }

    /// <summary>
    /// Convert: the statement, one line per transaction ("deposit 5.00", "withdrawal 2.50"), oldest first,
    /// and a last line with the balance ("balance 15.00"). Lines end with '\n'.
    /// </summary>
    /// <returns>The statement.</returns>
    public string Statement()
    {
        var text = new StringBuilder();
        foreach (var transaction in History)
        {
            var kind = transaction is Deposit ? "deposit" : "withdrawal";
            text.Append(CultureInfo.InvariantCulture, $"{kind} {transaction.Amount:0.00}\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"balance {Balance:0.00}\n").ToString();
    }

    /// <summary>Two accounts are equal when their balances and histories are.</summary>
    /// <param name="other">The other account.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Account? other) =>
        other is not null && BalanceCents == other.BalanceCents && History.SequenceEqual(other.History);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BalanceCents, History.Count);

    private static bool IsWholeCents(decimal amount) => amount * 100 == decimal.Truncate(amount * 100);
}
