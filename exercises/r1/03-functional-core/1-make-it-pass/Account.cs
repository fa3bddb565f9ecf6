using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

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
    // Replace this constructor with one that takes the state you decide to keep. Keep it private: the only ways to
    // get an account are Open, Apply and Reduce, so an account can never hold a state they would refuse.
    private Account()
    {
    }

    /// <summary>The balance in whole cents (1250 is 12.50); never negative.</summary>
    public long BalanceCents => throw new NotImplementedException("Step 1: implement Account.BalanceCents (see README, step 1).");

    /// <summary>The balance in currency units: <see cref="BalanceCents"/> divided by 100.</summary>
    public decimal Balance => throw new NotImplementedException("Step 1: implement Account.Balance (see README, step 1).");

    /// <summary>The transactions applied since the account was opened, oldest first.</summary>
    public ImmutableList<Transaction> History => throw new NotImplementedException("Step 1: implement Account.History (see README, step 1).");

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
    public static Account Open(string openingBalance) =>
        throw new NotImplementedException("Step 1: implement Account.Open (see README, step 1).");

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
    public Account Apply(Transaction transaction) =>
        throw new NotImplementedException("Step 2: implement Account.Apply (see README, step 2).");

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
    public Account Reduce(IEnumerable<Transaction> transactions) =>
        throw new NotImplementedException("Step 3: implement Account.Reduce (see README, step 3).");

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
    public string Statement() =>
        throw new NotImplementedException("Step 4: implement Account.Statement (see README, step 4).");

    // Given: equality, hash code and printing work on the public properties, whatever state you choose to keep.

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
