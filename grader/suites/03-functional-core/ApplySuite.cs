using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace FunctionalCore.Hidden;

public sealed class ApplySuite
{
    private const decimal MaxAmount = 92233720368547758.07m;

    /// <summary>A kind of transaction the core does not know.</summary>
    private sealed record Refund(decimal Amount) : Transaction;

    [Test]
    [Property("Step", 2)]
    public void Random_transactions_follow_the_model_and_refusals_change_nothing()
    {
        var random = Seeded.Random();
        for (var run = 0; run < 100; run++)
        {
            var cents = Model.Cents(random, 7) - 1;
            var account = Account.Open(Model.Text(cents));
            var applied = new List<Transaction>();
            for (var i = 0; i < 40; i++)
            {
                var amountCents = Model.Cents(random, random.Next(1, 9));
                var amount = Model.WithRandomScale(random, amountCents);
                Transaction transaction = random.Next(2) == 0 ? new Deposit(amount) : new Withdrawal(amount);
                var context = $"run {run}, transaction {i}: {transaction} on a balance of {Model.Text(cents)}";

                if (transaction is Withdrawal && amountCents > cents)
                {
                    var refused = Assert.Throws<InsufficientFundsException>(() => account.Apply(transaction), context);
                    Assert.That(refused?.Balance, Is.EqualTo(Model.ToAmount(cents)), context);
                    Assert.That(refused?.Requested, Is.EqualTo(amount), context);
                    continue;
                }

                var before = account;
                account = account.Apply(transaction);
                cents += transaction is Deposit ? amountCents : -amountCents;
                applied.Add(transaction);

                Assert.That(account.BalanceCents, Is.EqualTo(cents), context);
                Assert.That(account.Balance, Is.EqualTo(Model.ToAmount(cents)), context);
                Assert.That(account.History, Is.EqualTo(applied), context);
                Assert.That(before.History, Has.Count.EqualTo(applied.Count - 1), context + ": the old account kept its history");
            }
        }
    }

    [Test]
    [Property("Step", 2)]
    public void A_withdrawal_of_exactly_the_balance_empties_the_account_and_one_cent_more_is_refused()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 200; i++)
        {
            var cents = Model.Cents(random, 12);
            var account = Account.Open(Model.Text(cents));

            Assert.That(account.Apply(new Withdrawal(Model.ToAmount(cents))).BalanceCents, Is.Zero, $"withdraw all of {Model.Text(cents)}");
            var refused = Assert.Throws<InsufficientFundsException>(() => account.Apply(new Withdrawal(Model.ToAmount(cents + 1))),
                $"Step 2: one cent more than the balance of {Model.Text(cents)} throws InsufficientFundsException");
            Assert.That(refused?.Balance, Is.EqualTo(Model.ToAmount(cents)),
                "Step 2: InsufficientFundsException.Balance is the account's balance");
            Assert.That(refused?.Requested, Is.EqualTo(Model.ToAmount(cents + 1)),
                "Step 2: InsufficientFundsException.Requested is the amount of the refused withdrawal");
        }
    }

    [Test]
    [Property("Step", 2)]
    public void Any_withdrawal_from_an_empty_account_is_refused()
    {
        var empty = Account.Open("0");

        var refused = Assert.Throws<InsufficientFundsException>(() => empty.Apply(new Withdrawal(0.01m)),
            "Step 2: any withdrawal from an empty account throws InsufficientFundsException");

        Assert.That(refused?.Balance, Is.Zero,
            "Step 2: InsufficientFundsException.Balance is the account's balance, 0");
        Assert.That(refused?.Requested, Is.EqualTo(0.01m),
            "Step 2: InsufficientFundsException.Requested is the amount of the refused withdrawal");
        Assert.That(refused?.Message, Does.Contain("0.01"),
            "Step 2: the InsufficientFundsException's message gives the amount requested");
    }

    [TestCase(0)]
    [TestCase(-0.01)]
    [TestCase(-1)]
    [TestCase(-1000000)]
    [TestCase(0.001)]
    [TestCase(0.005)]
    [TestCase(0.009)]
    [TestCase(1.001)]
    [TestCase(12.345)]
    [TestCase(99.999)]
    [TestCase(-0.001)]
    [Property("Step", 2)]
    public void Amounts_that_are_not_positive_or_have_more_than_two_decimals_are_refused_before_anything_else(decimal amount)
    {
        // An empty account: a bad withdrawal must be refused for its amount, not for the balance.
        var empty = Account.Open("0");
        var rich = Account.Open("1000000");

        foreach (var account in new[] { empty, rich })
        {
            foreach (var transaction in new Transaction[] { new Deposit(amount), new Withdrawal(amount) })
            {
                var refused = Assert.Throws<ArgumentOutOfRangeException>(() => account.Apply(transaction), $"{transaction} on {account}");
                Assert.That(refused?.ActualValue, Is.EqualTo(amount), "The exception names the amount (ActualValue).");
            }
        }
    }

    [Test]
    [Property("Step", 2)]
    public void Extreme_amounts_are_refused_as_out_of_range()
    {
        var account = Account.Open("10");
        foreach (var amount in new[] { decimal.MaxValue, decimal.MinValue, MaxAmount + 0.01m, (decimal)long.MaxValue, 1e20m, 0.0000000001m })
        {
            foreach (var transaction in new Transaction[] { new Deposit(amount), new Withdrawal(amount) })
            {
                var refused = Assert.Throws<ArgumentOutOfRangeException>(() => account.Apply(transaction), $"{transaction}");
                Assert.That(refused?.ActualValue, Is.EqualTo(amount),
                    "Step 2: the ArgumentOutOfRangeException's ActualValue is the refused amount");
            }
        }
    }

    [Test]
    [Property("Step", 2)]
    public void Trailing_zeros_do_not_count_as_decimals()
    {
        var account = Account.Open("1").Apply(new Deposit(1.000m)).Apply(new Withdrawal(0.5000m));

        Assert.That(account.BalanceCents, Is.EqualTo(150), "1.000m is the same number as 1.00m: at most two decimals.");
    }

    [Test]
    [Property("Step", 2)]
    public void The_largest_balance_can_be_reached_but_not_passed()
    {
        var full = Account.Open("0").Apply(new Deposit(MaxAmount));
        Assert.That(full.BalanceCents, Is.EqualTo(long.MaxValue),
            "Step 2: a deposit may take the balance to exactly the largest one, long.MaxValue cents");

        var almost = Account.Open("0.01").Apply(new Deposit(MaxAmount - 0.01m));
        Assert.That(almost.BalanceCents, Is.EqualTo(long.MaxValue), "Reaching exactly the largest balance is allowed.");

        Assert.That(() => full.Apply(new Deposit(0.01m)), Throws.TypeOf<OverflowException>(),
            "One cent more than a long of cents can hold: OverflowException.");
        Assert.That(() => Account.Open("0.02").Apply(new Deposit(MaxAmount - 0.01m)), Throws.TypeOf<OverflowException>(),
            "Step 2: a deposit taking the balance one cent beyond the largest throws OverflowException");
        Assert.That(full.BalanceCents, Is.EqualTo(long.MaxValue),
            "Step 2: a refused deposit leaves the account it was applied to unchanged");
        Assert.That(full.History, Has.Count.EqualTo(1), "Step 2: a refused deposit adds nothing to the history");

        var emptied = full.Apply(new Withdrawal(MaxAmount));
        Assert.That(emptied.BalanceCents, Is.Zero, "Step 2: withdrawing the whole of the largest balance leaves zero");
    }

    [Test]
    [Property("Step", 2)]
    public void Apply_refuses_null_and_unknown_kinds_of_transaction()
    {
        var account = Account.Open("10");

        Assert.That(() => account.Apply(null!), Throws.ArgumentNullException,
            "Step 2: Apply(null) throws ArgumentNullException");
        Assert.That(() => account.Apply(new Refund(1m)),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains(nameof(Refund)), "the error names the unknown kind");
        Assert.That(account.BalanceCents, Is.EqualTo(1000),
            "Step 2: a refused transaction leaves the balance unchanged");
        Assert.That(account.History, Is.Empty, "Step 2: a refused transaction adds nothing to the history");
    }

    [Test]
    [Property("Step", 2)]
    public void One_account_can_be_continued_in_many_ways()
    {
        var random = Seeded.Random();
        var start = Account.Open("100").Apply(new Deposit(1m));
        for (var i = 0; i < 200; i++)
        {
            var amount = Model.ToAmount(Model.Cents(random, 4));
            var left = start.Apply(new Deposit(amount));
            var right = start.Apply(new Withdrawal(1m));

            Assert.That(left.History, Is.EqualTo(new Transaction[] { new Deposit(1m), new Deposit(amount) }),
                "Step 2: the new history is the old one with the deposit added at the end");
            Assert.That(right.History, Is.EqualTo(new Transaction[] { new Deposit(1m), new Withdrawal(1m) }),
                "Step 2: the new history is the old one with the withdrawal added at the end");
            Assert.That(left.BalanceCents, Is.EqualTo(10100 + Model.ToCents(amount)),
                "Step 2: a deposit adds its amount to the balance of the account it was applied to");
            Assert.That(right.BalanceCents, Is.EqualTo(10000),
                "Step 2: a withdrawal takes its amount from the balance of the account it was applied to");
        }

        Assert.That(start.History, Is.EqualTo(new Transaction[] { new Deposit(1m) }), "The account both were made from is unchanged.");
        Assert.That(start.BalanceCents, Is.EqualTo(10100),
            "Step 2: Apply returns a new account: the one it was called on keeps its balance");
    }

    [Test]
    [CancelAfter(5000)]
    [Property("Step", 2)]
    public void One_account_shared_by_many_threads_needs_no_lock()
    {
        // Immutable data is safe to share: every thread applies its own deposit to the same account at once.
        var shared = Account.Open("5");
        var results = new Account[2000];
        Parallel.For(0, results.Length, i => results[i] = shared.Apply(new Deposit(i + 1)));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.That(results[i].BalanceCents, Is.EqualTo(500 + (i + 1) * 100L),
                $"Step 2: thread {i}'s deposit of {i + 1} is added to the shared account's 5.00, not to another result");
            Assert.That(results[i].History, Is.EqualTo(new Transaction[] { new Deposit(i + 1) }),
                $"Step 2: thread {i}'s account holds only its own deposit: Apply must not change the shared account");
        }

        Assert.That(shared.BalanceCents, Is.EqualTo(500),
            "Step 2: the shared account keeps its balance: Apply returns a new account");
        Assert.That(shared.History, Is.Empty,
            "Step 2: the shared account keeps its empty history: Apply returns a new account");
    }

    [Test]
    [Property("Step", 2)]
    public void InsufficientFundsException_carries_both_amounts_in_its_properties_and_message()
    {
        var error = new InsufficientFundsException(9.5m, 12m);

        Assert.That(error.Balance, Is.EqualTo(9.5m),
            "Step 2: InsufficientFundsException.Balance is the balance it was given (the given class)");
        Assert.That(error.Requested, Is.EqualTo(12m),
            "Step 2: InsufficientFundsException.Requested is the amount it was given (the given class)");
        Assert.That(error.Message, Does.Contain("9.50").And.Contain("12.00"),
            "Step 2: the InsufficientFundsException's message gives both amounts with two decimals");
        Assert.That(error, Is.InstanceOf<InvalidOperationException>(),
            "Step 2: InsufficientFundsException is an InvalidOperationException");
    }

    [Test]
    [Property("Step", 3)]
    public void Accounts_are_equal_when_balance_and_history_are()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 200; i++)
        {
            var cents = Model.Cents(random, 8);
            var deposits = Enumerable.Range(0, random.Next(0, 5)).Select(_ => (Transaction)new Deposit(Model.ToAmount(Model.Cents(random, 5)))).ToList();
            var one = Account.Open(Model.Text(cents)).Reduce(deposits);
            var other = Account.Open(" " + Model.Text(cents)).Reduce(deposits.ToArray());

            Assert.That(one, Is.EqualTo(other), "Step 3: accounts opened with the same balance and reduced over the same transactions are equal (the given Equals)");
            Assert.That(one == other, Is.True,
                "Step 3: == compares accounts by balance and history (the given Equals)");
            Assert.That(one.GetHashCode(), Is.EqualTo(other.GetHashCode()), "Step 3: equal accounts have equal hash codes");
            Assert.That(one.Equals(null), Is.False, "Step 3: an account is never equal to null");
            Assert.That(one, Is.Not.EqualTo(Account.Open(Model.Text(cents + 1)).Reduce(deposits)), "Step 3: accounts with different balances are not equal");
        }

        var ab = Account.Open("0").Reduce([new Deposit(1m), new Deposit(2m)]);
        var ba = Account.Open("0").Reduce([new Deposit(2m), new Deposit(1m)]);
        var c = Account.Open("1").Reduce([new Deposit(2m)]);
        Assert.That(ab, Is.Not.EqualTo(ba), "same balance, history in another order");
        Assert.That(ab, Is.Not.EqualTo(c), "same balance, different history");
        Assert.That(ab != ba, Is.True, "Step 2: != is true for accounts whose histories differ in order");
    }

    [Test]
    [Property("Step", 2)]
    public void Different_accounts_mostly_get_different_hash_codes()
    {
        var hashes = Enumerable.Range(0, 200).Select(i => Account.Open(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetHashCode()).ToHashSet();

        Assert.That(hashes, Has.Count.GreaterThan(100),
            "Step 2: accounts with different balances should mostly get different hash codes");
    }

    [Test]
    [SetCulture("en-US")]
    [Property("Step", 2)]
    public void ToString_shows_the_balance_and_the_history()
    {
        var text = Account.Open("9").Apply(new Deposit(0.5m)).ToString();

        Assert.That(text, Does.Contain("9.50").And.Contain("Deposit").And.Contain("0.5"),
            "Step 2: ToString shows the balance with two decimals and each transaction of the history");
        Assert.That(Account.Open("2").ToString(), Is.EqualTo("Account { Balance = 2.00, History = [] }"),
            "Step 2: ToString of a new account shows its balance and an empty history");
    }

    [TestCase("deposit")]
    [TestCase("withdrawal")]
    [Property("Step", 2)]
    public void A_refused_amount_is_explained_in_words_that_name_the_transaction(string kind)
    {
        var account = Account.Open("100");
        Transaction bad = kind == "deposit" ? new Deposit(-1.5m) : new Withdrawal(0.001m);

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => account.Apply(bad),
            "Step 2: a negative amount, or one with three decimals, throws ArgumentOutOfRangeException");

        Assert.That(refused?.Message, Does.Contain(kind).And.Contain("positive"),
            "Step 2: the message of a refused amount names the kind of transaction and says it must be positive");
    }

    [Test]
    [Property("Step", 3)]
    public void Reduce_refuses_a_null_sequence_naming_its_parameter()
    {
        Assert.That(() => Account.Open("1").Reduce(null!),
            Throws.ArgumentNullException.With.Property(nameof(ArgumentNullException.ParamName)).EqualTo("transactions"),
            "Step 3: Reduce(null) throws ArgumentNullException whose ParamName is \"transactions\"");
    }
}
