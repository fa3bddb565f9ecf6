using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace CrcServer.Hidden;

/// <summary>The given core (a copy of exercise 03's): it must keep working as this exercise relies on it.</summary>
public sealed class CoreSuite
{
    private sealed record Refund(decimal Amount) : Transaction(Amount);

    [Test]
    [Property("Step", 2)]
    public void The_core_refuses_unknown_transactions_and_a_null_sequence_by_name()
    {
        var account = Account.Open("3");

        Assert.That(() => account.Apply(new Refund(1m)), Throws.ArgumentException.With.Message.Contains("Unknown"),
            "Step 2: the given core's Apply must refuse an unknown transaction with an \"Unknown\" ArgumentException");
        Assert.That(() => account.Reduce(null!),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentNullException.ParamName)).EqualTo("transactions"),
            "Step 2: the given core's Reduce(null) must throw ArgumentNullException naming transactions");
    }

    [TestCase("0", 0)]
    [TestCase("12.50", 1250)]
    [TestCase("12.5", 1250)]
    [TestCase("7", 700)]
    [TestCase("0.01", 1)]
    [TestCase("1000000.99", 100000099)]
    [Property("Step", 1)]
    public void Open_reads_an_invariant_amount_in_cents(string text, long cents)
    {
        var account = Account.Open(text);

        Assert.That(account.BalanceCents, Is.EqualTo(cents),
            "Step 1: the given core's Account.Open must read the text as an invariant amount in cents");
        Assert.That(account.Balance, Is.EqualTo(cents / 100m), "Step 1: the given core's Balance must be its cents as a decimal");
        Assert.That(account.History, Is.Empty, "Step 1: a freshly opened account must have no history");
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("-1.00")]
    [TestCase("1.001")]
    [TestCase("12,50")]
    [TestCase(" 5")]
    [TestCase("1e3")]
    [Property("Step", 1)]
    public void Open_refuses_what_is_not_a_non_negative_amount_in_cents(string text)
    {
        Assert.That(() => Account.Open(text), Throws.TypeOf<FormatException>(),
            "Step 1: the given core's Account.Open must refuse this text with FormatException");
    }

    [Test]
    [Property("Step", 1)]
    public void Open_refuses_null() => Assert.That(() => Account.Open(null!), Throws.ArgumentNullException,
        "Step 1: the given core's Account.Open(null) must throw ArgumentNullException");

    [Test]
    [Property("Step", 2)]
    public void Apply_and_Reduce_refuse_null()
    {
        var account = Account.Open("1");

        Assert.That(() => account.Apply(null!), Throws.ArgumentNullException,
            "Step 2: the given core's Apply(null) must throw ArgumentNullException");
        Assert.That(() => account.Reduce(null!), Throws.ArgumentNullException,
            "Step 2: the given core's Reduce(null) must throw ArgumentNullException");
    }

    [Test]
    [Property("Step", 3)]
    public void The_cores_exceptions_say_what_was_wrong()
    {
        Assert.That(() => Account.Open("twelve"), Throws.TypeOf<FormatException>().With.Message.Contains("twelve"),
            "Step 3: the core's FormatException must quote the text it could not read");
        Assert.That(() => Account.Open("1").Apply(new Deposit(-3m)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("positive").And.Property("ActualValue").EqualTo(-3m),
            "Step 3: a negative deposit must throw ArgumentOutOfRangeException saying the amount must be positive");
        Assert.That(() => Account.Open("1.50").Apply(new Withdrawal(7.25m)),
            Throws.TypeOf<InsufficientFundsException>().With.Message.Contains("7.25").And.Message.Contains("1.5"),
            "Step 3: InsufficientFundsException's message must quote the amount requested and the balance");
    }

    [Test]
    [Repeat(5)]
    [Property("Step", 2)]
    public void A_random_sequence_of_transactions_matches_a_model()
    {
        var random = Seeded.Random();
        var account = Account.Open("100.00");
        long cents = 10_000;
        var applied = new List<Transaction>();
        for (var i = 0; i < 200; i++)
        {
            var amount = random.Amount(20_000);
            Transaction transaction = random.Next(2) == 0 ? new Deposit(amount) : new Withdrawal(amount);
            var amountCents = (long)(amount * 100);
            if (transaction is Withdrawal && amountCents > cents)
            {
                var before = account;
                var refused = Assert.Throws<InsufficientFundsException>(() => account = account.Apply(transaction),
                    "Step 2: the given core must refuse a withdrawal larger than the balance with InsufficientFundsException");
                Assert.That(refused?.Balance, Is.EqualTo(cents / 100m), "Step 2: InsufficientFundsException must carry the balance");
                Assert.That(refused?.Requested, Is.EqualTo(amount), "Step 2: InsufficientFundsException must carry the amount requested");
                Assert.That(account, Is.SameAs(before), "Step 2: a refused withdrawal must leave the account as it was");
                continue;
            }

            var previous = account;
            account = account.Apply(transaction);
            cents += transaction is Deposit ? amountCents : -amountCents;
            applied.Add(transaction);
            Assert.That(account.BalanceCents, Is.EqualTo(cents), "Step 2: the balance must follow every deposit and withdrawal applied");
            Assert.That(previous.History, Has.Count.EqualTo(applied.Count - 1), "Apply leaves the old account as it was");
        }

        Assert.That(account.History, Is.EqualTo(applied), "Step 2: the history must list every applied transaction, in order");
        Assert.That(Account.Open("100.00").Reduce(applied), Is.EqualTo(account), "Reduce is a fold of Apply");
    }

    [Test]
    [Property("Step", 2)]
    public void Withdrawing_the_whole_balance_is_allowed_and_one_cent_more_is_not()
    {
        var account = Account.Open("5.00");

        Assert.That(account.Apply(new Withdrawal(5m)).BalanceCents, Is.Zero, "Step 2: withdrawing the whole balance must be allowed and leave zero");
        Assert.That(() => account.Apply(new Withdrawal(5.01m)), Throws.TypeOf<InsufficientFundsException>(),
            "Step 2: withdrawing one cent more than the balance must throw InsufficientFundsException");
    }

    [TestCase(0)]
    [TestCase(-0.01)]
    [TestCase(0.001)]
    [TestCase(1.234)]
    [Property("Step", 3)]
    public void Apply_refuses_bad_amounts(decimal amount)
    {
        var account = Account.Open("10");

        Assert.That(() => account.Apply(new Deposit(amount)), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 3: a deposit of zero, below zero or with more than two decimals must throw ArgumentOutOfRangeException");
        Assert.That(() => account.Apply(new Withdrawal(amount)), Throws.TypeOf<ArgumentOutOfRangeException>(),
            "Step 3: a withdrawal of zero, below zero or with more than two decimals must throw ArgumentOutOfRangeException");
    }

    [Test]
    [Property("Step", 2)]
    public void The_statement_has_a_line_per_transaction_and_the_balance_last()
    {
        var account = Account.Open("1").Reduce(new Transaction[] { new Deposit(0.5m), new Withdrawal(1.25m), new Deposit(100m) });

        Assert.That(account.Statement(), Is.EqualTo("deposit 0.50\nwithdrawal 1.25\ndeposit 100.00\nbalance 100.25\n"),
            "Step 2: the statement must have a line per transaction, two decimals each, then the balance");
        Assert.That(Account.Open("0").Statement(), Is.EqualTo("balance 0.00\n"), "Step 2: a new account's statement must be its balance line alone");
    }

    [Test]
    [Property("Step", 2)]
    public void Accounts_with_the_same_balance_and_history_are_equal()
    {
        var a = Account.Open("2").Apply(new Deposit(1m));
        var b = Account.Open("2").Apply(new Deposit(1m));
        var c = Account.Open("3");

        Assert.That(a, Is.EqualTo(b), "Step 2: accounts with the same balance and history must be equal");
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()), "Step 2: equal accounts must have the same hash code");
        Assert.That(a, Is.Not.EqualTo(c), "same balance, different history");
        Assert.That(a.Equals(null), Is.False, "Step 2: an account must not equal null");
        Assert.That(Account.Open("2"), Is.Not.EqualTo(Account.Open("2.01")), "Step 2: accounts with different balances must not be equal");
    }
}
