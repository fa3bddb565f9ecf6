using System;
using System.Linq;
using NUnit.Framework;

namespace FunctionalCore.Tests;

/// <summary>Step 2: reduce one message. Apply a transaction to an account and get a new account back.</summary>
public sealed class Step2_Apply_a_transaction
{
    [Test]
    public void A_deposit_adds_to_the_balance_and_to_the_history()
    {
        var deposit = new Deposit(2.50m);

        var account = Account.Open("10").Apply(deposit);

        Assert.That(account.BalanceCents, Is.EqualTo(1250), "10.00 + 2.50 = 12.50, that is 1250 cents.");
        Assert.That(account.History, Is.EqualTo(new Transaction[] { deposit }), "The history records the deposit applied.");
    }

    [Test]
    public void A_withdrawal_takes_from_the_balance()
    {
        var account = Account.Open("10").Apply(new Withdrawal(3m)).Apply(new Withdrawal(7m));

        Assert.That(account.BalanceCents, Is.Zero, "10.00 - 3.00 - 7.00 = 0: a withdrawal may empty the account.");
        Assert.That(account.History, Is.EqualTo(new Transaction[] { new Withdrawal(3m), new Withdrawal(7m) }),
            "The history lists the transactions in the order they were applied, oldest first.");
    }

    [Test]
    public void Apply_returns_a_new_account_and_leaves_the_old_one_as_it_was()
    {
        var before = Account.Open("10");

        var after = before.Apply(new Deposit(5m));

        Assert.That(after, Is.Not.SameAs(before), "Apply returns a new account: the core never changes data in place.");
        Assert.That(before.BalanceCents, Is.EqualTo(1000), "The account Apply was called on keeps its balance.");
        Assert.That(before.History, Is.Empty, "The account Apply was called on keeps its history (ImmutableList.Add returns a new list).");
    }

    [Test]
    public void A_withdrawal_larger_than_the_balance_fails_with_InsufficientFundsException()
    {
        var account = Account.Open("9.50");

        var refused = Assert.Throws<InsufficientFundsException>(() => account.Apply(new Withdrawal(9.51m)),
            "An account never goes below zero: refuse the withdrawal.");

        Assert.That(refused?.Balance, Is.EqualTo(9.50m), "The exception tells the balance at the time.");
        Assert.That(refused?.Requested, Is.EqualTo(9.51m), "The exception tells the amount asked for.");
    }

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(0.001)]
    [TestCase(12.345)]
    public void An_amount_that_is_not_positive_or_has_more_than_two_decimals_is_refused(decimal amount)
    {
        var account = Account.Open("100");

        foreach (var transaction in new Transaction[] { new Deposit(amount), new Withdrawal(amount) })
        {
            var refused = Assert.Throws<ArgumentOutOfRangeException>(() => account.Apply(transaction),
                $"Apply({transaction}) must throw ArgumentOutOfRangeException: amounts are positive, with at most two decimals.");
            Assert.That(refused?.ActualValue, Is.EqualTo(amount), "Name the amount: pass it as the exception's actualValue.");
            Assert.That(refused?.ParamName, Is.EqualTo("transaction"),
                "Name the argument that was refused: Apply's parameter, transaction, is the exception's paramName.");
            var kind = transaction is Deposit ? "deposit" : "withdrawal";
            Assert.That(refused?.Message, Does.Contain(kind).IgnoreCase,
                $"The message of the refusal of {transaction} should name the kind of transaction refused, \"{kind}\" " +
                "(see README, step 2).");
        }
    }

    [Test]
    public void The_largest_balance_can_be_reached_and_a_deposit_beyond_it_fails_with_OverflowException()
    {
        // The largest amount whose cents fit in a long: long.MaxValue cents.
        const decimal largest = 92233720368547758.07m;

        var full = Account.Open("0").Apply(new Deposit(largest));

        Assert.That(full.BalanceCents, Is.EqualTo(long.MaxValue),
            $"A deposit of {largest} into an empty account is allowed: its cents, and the balance's, still fit in a long.");
        Assert.That(() => full.Apply(new Deposit(0.01m)), Throws.TypeOf<OverflowException>(),
            "One cent more than a long of cents can hold must throw OverflowException, not wrap around to a negative " +
            "balance (see README, step 2).");
        Assert.That(() => Account.Open("0.01").Apply(new Deposit(largest)), Throws.TypeOf<OverflowException>(),
            $"0.01 + {largest} does not fit in a long of cents: OverflowException (see README, step 2).");
    }

    [Test]
    public void Apply_refuses_a_null_transaction_with_ArgumentNullException()
    {
        var account = Account.Open("10");

        Assert.That(() => account.Apply(null!), Throws.ArgumentNullException,
            "Apply(null) must throw ArgumentNullException: null is a bug in the caller, not a kind of transaction " +
            "(see README, step 2).");
    }

    [Test]
    public void A_transaction_of_an_unknown_kind_is_refused_with_an_ArgumentException_that_names_it()
    {
        var account = Account.Open("10");

        var refused = Assert.Throws<ArgumentException>(() => account.Apply(new Refund(1m)),
            "Apply knows deposits and withdrawals only: any other kind of transaction must throw ArgumentException " +
            "(see README, step 2).");
        Assert.That(refused?.Message, Does.Contain(nameof(Refund)),
            "The message should name the kind of transaction that was not understood, here Refund (see README, step 2).");
        Assert.That(account.History, Is.Empty, "A refused transaction leaves the account as it was.");
    }

    [Test]
    public void Accounts_are_equal_when_their_balances_and_histories_are()
    {
        var ten = Account.Open("5").Apply(new Deposit(5m));

        Assert.That(ten, Is.EqualTo(Account.Open("5").Apply(new Deposit(5m))),
            "Same balance, same transactions in the same order: equal accounts.");
        Assert.That(ten, Is.Not.EqualTo(Account.Open("6").Apply(new Deposit(5m))),
            "The same history, a deposit of 5.00, but different balances (10.00 and 11.00): different accounts.");
        Assert.That(ten, Is.Not.EqualTo(Account.Open("10")),
            "Same balance of 10.00, but one has a deposit in its history and the other none: different accounts.");
        Assert.That(ten, Is.Not.EqualTo(Account.Open("7").Apply(new Deposit(3m))),
            "Same balance of 10.00, but different histories: different accounts.");
    }

    /// <summary>A kind of transaction the account does not know.</summary>
    private sealed record Refund(decimal Amount) : Transaction;

    [Test]
    public void Property_a_deposit_then_a_withdrawal_of_the_same_amount_gives_back_the_balance()
    {
        var random = new Random(Arbitrary.Seed);
        for (var i = 0; i < Arbitrary.Cases; i++)
        {
            var account = Arbitrary.Account(random);
            var amount = Arbitrary.Amount(random);

            var after = account.Apply(new Deposit(amount)).Apply(new Withdrawal(amount));

            Assert.That(after.BalanceCents, Is.EqualTo(account.BalanceCents),
                $"Case {i}: opened with {account.Balance}, deposited then withdrew {amount}.");
            Assert.That(after.History, Has.Count.EqualTo(2), $"Case {i}: both transactions are in the history.");
        }
    }

    [Test]
    public void Property_Apply_never_changes_the_account_it_was_called_on()
    {
        var random = new Random(Arbitrary.Seed);
        for (var i = 0; i < Arbitrary.Cases; i++)
        {
            var account = Arbitrary.Account(random).Apply(new Deposit(Arbitrary.Amount(random)));
            var balance = account.BalanceCents;
            var history = account.History.ToArray();
            var transaction = Arbitrary.Transaction(random);

            try
            {
                account.Apply(transaction);
            }
            catch (InsufficientFundsException)
            {
                // A refused withdrawal must leave the account unchanged too.
            }

            Assert.That(account.BalanceCents, Is.EqualTo(balance),
                $"Case {i}: Apply({transaction}) changed the balance of the account it was called on.");
            Assert.That(account.History, Is.EqualTo(history),
                $"Case {i}: Apply({transaction}) changed the history of the account it was called on.");
        }
    }
}
