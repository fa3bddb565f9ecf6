using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
public sealed record Account
{
    // Given: the width of the widest label, "withdrawal". Every amount on a statement starts after it and one space.
    private const int LabelWidth = 10;

    // Given: the largest amount whose cents still fit in a long (92233720368547758.07).
    private const decimal MaxAmount = long.MaxValue / 100m;

    // TODO Step 1.2 (Open_reads_a_whole_amount, Open_reads_one_or_two_decimals,
    // Text_that_is_not_an_amount_fails_with_a_FormatException_that_quotes_it): write the pattern of an accepted amount:
    // one or more digits, then optionally a point and one or two digits. Use [0-9] rather than \d (which also matches
    // the digits of other scripts) and anchor it with \A and \z so that it must match the whole text.
    // For now it is (?!), a pattern that matches nothing.
    private static readonly Regex PlainAmount = new("(?!)", RegexOptions.CultureInvariant);

    // Given: the opening balance, kept for the statement's first line. Equality needs it not: the balance and the
    // history decide it.
    private readonly long _openingCents;

    // Given: the only constructor. It is private: the only ways to get an account are Open, Apply and Reduce, so an
    // account can never hold a state they would refuse.
    private Account(long balanceCents, ImmutableList<Transaction> history, long openingCents)
    {
        BalanceCents = balanceCents;
        History = history;
        _openingCents = openingCents;
    }

    /// <summary>The balance in whole cents (1250 is 12.50); never negative.</summary>
    public long BalanceCents { get; }

    /// <summary>The balance in currency units: <see cref="BalanceCents"/> divided by 100.</summary>
    public decimal Balance =>
        // TODO Step 1.1 (Open_reads_a_whole_amount): divide by 100m, a decimal, so that 1250 cents is 12.50, not 12.
        throw new NotImplementedException("Step 1: implement Account.Balance (see README, step 1).");

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

        // TODO Step 1.3 (Whitespace_around_the_amount_is_ignored): trim the text.
        // TODO Step 1.4 (Text_that_is_not_an_amount_fails_with_a_FormatException_that_quotes_it): refuse the text with a
        // FormatException unless PlainAmount matches it, decimal.TryParse reads it (NumberStyles.AllowDecimalPoint,
        // CultureInfo.InvariantCulture) and the amount is at most MaxAmount. Quote openingBalance in the message and
        // say what is accepted.
        // TODO Step 1.5 (A_new_account_has_no_history, An_account_can_be_opened_empty): convert the amount to cents
        // and return new Account(cents, ImmutableList<Transaction>.Empty, cents).
        throw new NotImplementedException("Step 1: implement Account.Open (see README, step 1).");
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

        // TODO Step 2.5 (A_deposit_adds_to_the_balance_and_to_the_history, A_withdrawal_takes_from_the_balance):
        // a switch expression on the kind of transaction: a Deposit goes to Deposited, a Withdrawal to Withdrawn, and
        // anything else (the discard pattern, _) throws an ArgumentException.
        throw new NotImplementedException("Step 2: implement Account.Apply (see README, step 2).");
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

        // TODO Step 3.1 (Reduce_applies_the_transactions_in_order, Reduce_of_no_transactions_gives_the_same_account,
        // Reduce_is_all_or_nothing, Property_Reduce_equals_Apply_one_by_one): a fold. LINQ's Aggregate takes the start
        // (this account) and a function from (account so far, next transaction) to the next account. Does all or
        // nothing need any code of its own?
        throw new NotImplementedException("Step 3: implement Account.Reduce (see README, step 3).");
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
        // TODO Step 4.2 (A_new_account_shows_its_opening_and_its_balance, Every_transaction_gets_a_line_in_order):
        // make a list of (label, amount) entries: ("opening", _openingCents / 100m), one Entry per transaction of
        // History, ("balance", Balance).
        // TODO Step 4.3 (Amounts_are_right_aligned_to_the_widest_one, The_statement_does_not_depend_on_the_current_culture):
        // format every amount with ToString("0.00", CultureInfo.InvariantCulture) first, take the longest length as
        // the width, then build each line: label.PadRight(LabelWidth) + " " + amount.PadLeft(width).
        // Join the lines with '\n'.
        throw new NotImplementedException("Step 4: implement Account.Statement (see README, step 4).");
    }

    /// <summary>The label and the amount of a transaction's line on the statement.</summary>
    private static (string Label, decimal Amount) Entry(Transaction transaction) =>
        // TODO Step 4.1 (Every_transaction_gets_a_line_in_order): ("deposit", amount) or ("withdrawal", amount).
        throw new NotImplementedException("Step 4: implement Account.Entry (see README, step 4).");

    /// <summary>Converts a transaction's amount to cents, refusing what an account cannot hold.</summary>
    /// <param name="amount">The amount of the transaction.</param>
    /// <param name="kind">"deposit" or "withdrawal", for the message.</param>
    private static long Cents(decimal amount, string kind) =>
        // TODO Step 2.1 (An_amount_that_is_not_positive_or_has_more_than_two_decimals_is_refused): throw
        // new ArgumentOutOfRangeException("transaction", amount, message) unless the amount is positive, has at most
        // two decimals (hint: what does decimal.Round(amount, 2) do to an amount that has?) and is at most MaxAmount.
        // Then return the amount times 100, as a long.
        throw new NotImplementedException("Step 2: implement Account.Cents (see README, step 2).");

    /// <summary>The account after a deposit.</summary>
    private Account Deposited(Deposit deposit) =>
        // TODO Step 2.2 (A_deposit_adds_to_the_balance_and_to_the_history): the cents of the deposit, then After(...).
        // A deposit that would take BalanceCents beyond long.MaxValue throws an OverflowException; test it without
        // overflowing: cents > long.MaxValue - BalanceCents.
        throw new NotImplementedException("Step 2: implement Account.Deposited (see README, step 2).");

    /// <summary>The account after a withdrawal.</summary>
    private Account Withdrawn(Withdrawal withdrawal) =>
        // TODO Step 2.3 (A_withdrawal_takes_from_the_balance,
        // A_withdrawal_larger_than_the_balance_fails_with_InsufficientFundsException): the cents of the withdrawal
        // (checked first), then an InsufficientFundsException(Balance, withdrawal.Amount) if they are more than the
        // balance, else After(...).
        throw new NotImplementedException("Step 2: implement Account.Withdrawn (see README, step 2).");

    /// <summary>The one place a new account is made after a transaction.</summary>
    private Account After(Transaction transaction, long balanceCents) =>
        // TODO Step 2.4 (Apply_returns_a_new_account_and_leaves_the_old_one_as_it_was,
        // Property_Apply_never_changes_the_account_it_was_called_on): a new Account with the new balance, the history
        // with the transaction added (ImmutableList.Add returns a new list), and the same opening balance.
        throw new NotImplementedException("Step 2: implement Account.After (see README, step 2).");

    // Given: equality, hash code and printing, which work on the public properties.

    /// <summary>Two accounts are equal when they have the same balance and the same transactions in the same order.</summary>
    /// <param name="other">The other account.</param>
    /// <returns>True when they are equal.</returns>
    public bool Equals(Account? other) =>
        // A record would compare History by reference (ImmutableList has no value equality): compare its items.
        other is not null && BalanceCents == other.BalanceCents && History.SequenceEqual(other.History);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BalanceCents, History.Count);

    // A record prints its properties in ToString; an ImmutableList would print as its type name. This makes test
    // failures readable: Account { Balance = 9.50, History = [Deposit { Amount = 12.5 }, ...] }.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Balance = {Balance:0.00}, History = [{string.Join(", ", History)}]");
        return true;
    }
}
