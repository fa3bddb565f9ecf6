using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace FunctionalCore;

/// <summary>
/// A bank account as a functional core: immutable data and pure functions, no processes, no time, no I/O.
/// It is built the CRC way: <b>construct</b> it from input (<see cref="Open"/>), <b>reduce</b> messages into it
/// (<see cref="Apply"/>, <see cref="Reduce"/>), <b>convert</b> it to output (<see cref="Statement"/>).
/// In Elixir: <c>"10" |> Account.new() |> Account.reduce(transactions) |> Account.show()</c>.
/// Two accounts are equal when they have the same balance and the same history (in order).
/// </summary>
/// <remarks>
/// Money is counted in whole cents in a <see cref="long"/>, so no rounding ever happens inside the core; decimals
/// appear only at the edges, where text or amounts come in and go out.
/// </remarks>
public sealed record Account
{
    // The width of the widest label, "withdrawal": every amount on a statement starts after it and one space.
    private const int LabelWidth = 10;

    // The largest amount whose cents still fit in a long: 92233720368547758.07.
    private const decimal MaxAmount = long.MaxValue / 100m;

    // Digits, then optionally a point and one or two digits. The pattern says exactly what it means, without leaning
    // on the code around it: [0-9] rather than \d, which matches the digits of every script; \A and \z rather than
    // ^ and $, which would let a trailing "\n" through.
    private static readonly Regex PlainAmount = new(@"\A[0-9]+(\.[0-9]{1,2})?\z", RegexOptions.CultureInvariant);

    // Kept for the statement's first line. It needs no place in equality: the balance and the history decide it.
    private readonly long _openingCents;

    private Account(long balanceCents, ImmutableList<Transaction> history, long openingCents)
    {
        BalanceCents = balanceCents;
        History = history;
        _openingCents = openingCents;
    }

    /// <summary>The balance in whole cents (1250 is 12.50); never negative.</summary>
    public long BalanceCents { get; }

    /// <summary>The balance in currency units: <see cref="BalanceCents"/> divided by 100.</summary>
    public decimal Balance => BalanceCents / 100m;

    /// <summary>The transactions applied since the account was opened, oldest first.</summary>
    public ImmutableList<Transaction> History { get; }

    /// <summary>
    /// Construct: opens an account from text, with an empty history. Accepted: digits, optionally followed by a point
    /// and one or two digits ("0", "12", "12.5", "12.50"), read in the invariant culture, with surrounding whitespace
    /// allowed. Everything else is refused: "1.", ".5", "1,00", "-1", "+1", "1e3", "" and amounts whose cents do not
    /// fit in a <see cref="long"/> (more than 92233720368547758.07).
    /// </summary>
    /// <param name="openingBalance">The opening balance, as text.</param>
    /// <returns>The new account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="openingBalance"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The text is not an accepted amount; the message quotes it (in double quotes, exactly as given) and says what is
    /// accepted.
    /// </exception>
    public static Account Open(string openingBalance)
    {
        ArgumentNullException.ThrowIfNull(openingBalance);

        // The regex decides what is accepted; decimal.TryParse only turns accepted text into a number, and fails
        // (rather than throwing) for digits too many even for a decimal.
        var text = openingBalance.Trim();
        if (!PlainAmount.IsMatch(text)
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"Cannot open an account with \"{openingBalance}\": expected a non-negative amount written as digits " +
                $"with an optional point and one or two decimals, such as 0, 12, 12.5 or 12.50 (at most {MaxAmount})."));
        }

        var cents = (long)(amount * 100);
        return new Account(cents, ImmutableList<Transaction>.Empty, cents);
    }

    /// <summary>
    /// Reduce one message: returns the account after <paramref name="transaction"/>, with the transaction added at the
    /// end of <see cref="History"/>. This account is not changed; when the transaction is refused, no account is made.
    /// </summary>
    /// <param name="transaction">A <see cref="Deposit"/> or a <see cref="Withdrawal"/>.</param>
    /// <returns>A new account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transaction"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The amount is not positive, has more than two decimals (trailing zeros do not count: 1.000 is 1), or is larger
    /// than a long of cents can hold; <see cref="ArgumentOutOfRangeException.ActualValue"/> is the amount. This is
    /// checked first, before the balance.
    /// </exception>
    /// <exception cref="InsufficientFundsException">A withdrawal is larger than the balance.</exception>
    /// <exception cref="OverflowException">A deposit would take the balance beyond what a long of cents can hold.</exception>
    /// <exception cref="ArgumentException">The transaction is neither a deposit nor a withdrawal.</exception>
    public Account Apply(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction switch
        {
            Deposit deposit => Deposited(deposit),
            Withdrawal withdrawal => Withdrawn(withdrawal),
            _ => throw new ArgumentException($"Unknown kind of transaction: {transaction.GetType().Name}.", nameof(transaction)),
        };
    }

    /// <summary>
    /// Reduce many messages: applies <paramref name="transactions"/> one after the other, each to the account the one
    /// before it returned (Elixir's <c>Enum.reduce(transactions, account, &amp;apply/2)</c>). All or nothing: if one
    /// transaction is refused, its exception propagates and no partly updated account escapes.
    /// </summary>
    /// <param name="transactions">The transactions, in the order they happened.</param>
    /// <returns>The account after all of them; an equal account when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Apply"/>.</exception>
    /// <exception cref="InsufficientFundsException">See <see cref="Apply"/>.</exception>
    public Account Reduce(IEnumerable<Transaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);

        // The whole of Reduce is a fold. All or nothing comes free: the accounts in between live only inside
        // Aggregate, so when Apply throws, there is no half-updated account anywhere to clean up.
        return transactions.Aggregate(this, (account, transaction) => account.Apply(transaction));
    }

    /// <summary>
    /// Convert: renders the account as text, one line per entry, lines separated by <c>'\n'</c>, no newline at the end.
    /// The first line is the opening balance, then one line per transaction of <see cref="History"/>, oldest first,
    /// and last the balance. Each line is a label (<c>opening</c>, <c>deposit</c>, <c>withdrawal</c>, <c>balance</c>)
    /// padded with spaces to 10 characters, one space, and the amount with two decimals in the invariant culture,
    /// right-aligned to the width of the widest amount on the statement:
    /// <code>
    /// opening    10.00
    /// deposit    12.50
    /// withdrawal  3.00
    /// balance    19.50
    /// </code>
    /// </summary>
    /// <returns>The statement.</returns>
    public string Statement()
    {
        var entries = new List<(string Label, decimal Amount)> { ("opening", _openingCents / 100m) };
        entries.AddRange(History.Select(Entry));
        entries.Add(("balance", Balance));

        // Format every amount first: the widest one sets the column the others are right-aligned to.
        var amounts = entries.Select(entry => entry.Amount.ToString("0.00", CultureInfo.InvariantCulture)).ToList();
        var width = amounts.Max(amount => amount.Length);
        return string.Join('\n', entries.Select((entry, i) => entry.Label.PadRight(LabelWidth) + " " + amounts[i].PadLeft(width)));
    }

    /// <summary>Two accounts are equal when they have the same balance and the same transactions in the same order.</summary>
    /// <param name="other">The other account.</param>
    /// <returns>True when they are equal.</returns>
    public bool Equals(Account? other) =>
        // A record would compare History by reference (ImmutableList has no value equality): compare its items.
        other is not null && BalanceCents == other.BalanceCents && History.SequenceEqual(other.History);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BalanceCents, History.Count);

    private static (string Label, decimal Amount) Entry(Transaction transaction) => transaction switch
    {
        Deposit deposit => ("deposit", deposit.Amount),
        Withdrawal withdrawal => ("withdrawal", withdrawal.Amount),
        _ => throw new UnreachableException(), // Apply lets no other kind of transaction into the history
    };

    /// <summary>Converts a transaction's amount to cents, refusing what an account cannot hold.</summary>
    private static long Cents(decimal amount, string kind)
    {
        // Rounding to two decimals changes nothing exactly when there are at most two decimals.
        if (amount <= 0 || decimal.Round(amount, 2) != amount || amount > MaxAmount)
        {
            throw new ArgumentOutOfRangeException("transaction", amount, string.Create(CultureInfo.InvariantCulture,
                $"A {kind} must be a positive amount with at most two decimals (and at most {MaxAmount}), not {amount}."));
        }

        return (long)(amount * 100);
    }

    private Account Deposited(Deposit deposit)
    {
        var cents = Cents(deposit.Amount, "deposit");
        if (cents > long.MaxValue - BalanceCents)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                $"A deposit of {deposit.Amount:0.00} would take the balance beyond {MaxAmount}."));
        }

        return After(deposit, BalanceCents + cents);
    }

    private Account Withdrawn(Withdrawal withdrawal)
    {
        var cents = Cents(withdrawal.Amount, "withdrawal");
        if (cents > BalanceCents)
        {
            throw new InsufficientFundsException(Balance, withdrawal.Amount);
        }

        return After(withdrawal, BalanceCents - cents);
    }

    // The one place a new account is made: ImmutableList.Add returns a new list and leaves this one as it was,
    // so this account, and everyone holding it, still sees the old history.
    private Account After(Transaction transaction, long balanceCents) =>
        new(balanceCents, History.Add(transaction), _openingCents);

    // A record prints its properties in ToString; an ImmutableList would print as its type name. This makes test
    // failures readable: Account { Balance = 9.50, History = [Deposit { Amount = 12.5 }, ...] }.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Balance = {Balance:0.00}, History = [{string.Join(", ", History)}]");
        return true;
    }
}
