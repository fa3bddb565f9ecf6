using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace FunctionalCore.Hidden;

[Property("Step", 3)]
public sealed class ReduceSuite
{
    /// <summary>Random transactions that the account can all accept, one after the other.</summary>
    private static List<Transaction> Acceptable(Random random, long openingCents, int count)
    {
        var cents = openingCents;
        var transactions = new List<Transaction>();
        for (var i = 0; i < count; i++)
        {
            if (cents > 0 && random.Next(2) == 0)
            {
                var amount = random.NextInt64(1, cents + 1);
                transactions.Add(new Withdrawal(Model.WithRandomScale(random, amount)));
                cents -= amount;
            }
            else
            {
                var amount = Model.Cents(random, 8);
                transactions.Add(new Deposit(Model.WithRandomScale(random, amount)));
                cents += amount;
            }
        }

        return transactions;
    }

    [Test]
    public void Reduce_equals_Apply_one_by_one_for_random_histories()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 300; i++)
        {
            var opening = Model.Cents(random, 6) - 1;
            var account = Account.Open(Model.Text(opening));
            var transactions = Acceptable(random, opening, random.Next(0, 30));

            var oneByOne = account;
            foreach (var transaction in transactions)
            {
                oneByOne = oneByOne.Apply(transaction);
            }

            var reduced = account.Reduce(transactions);
            Assert.That(reduced, Is.EqualTo(oneByOne), $"case {i}");
            Assert.That(reduced.BalanceCents, Is.EqualTo(oneByOne.BalanceCents), $"case {i}");
            Assert.That(reduced.History, Is.EqualTo(transactions), $"case {i}");
            Assert.That(reduced.Statement(), Is.EqualTo(oneByOne.Statement()), $"case {i}");
        }
    }

    [Test]
    public void Reducing_in_two_parts_equals_reducing_at_once()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 200; i++)
        {
            var opening = Model.Cents(random, 6);
            var account = Account.Open(Model.Text(opening));
            var transactions = Acceptable(random, opening, random.Next(0, 20));
            var split = random.Next(0, transactions.Count + 1);

            var inTwo = account.Reduce(transactions.Take(split)).Reduce(transactions.Skip(split));

            Assert.That(inTwo, Is.EqualTo(account.Reduce(transactions)), $"case {i}, split at {split}");
        }
    }

    [Test]
    public void Reduce_of_nothing_gives_an_equal_account()
    {
        var account = Account.Open("3").Apply(new Deposit(4m));

        Assert.That(account.Reduce([]), Is.EqualTo(account),
            "Step 3: Reduce of no transactions gives an account equal to the one it was called on");
        Assert.That(account.Reduce(Enumerable.Empty<Transaction>()).History, Is.EqualTo(new Transaction[] { new Deposit(4m) }),
            "Step 3: Reduce of no transactions keeps the history as it was");
    }

    [Test]
    public void Reduce_reads_a_lazy_sequence_once_in_order()
    {
        var pulled = new List<int>();
        IEnumerable<Transaction> Lazy()
        {
            for (var i = 1; i <= 5; i++)
            {
                pulled.Add(i);
                yield return new Deposit(i);
            }
        }

        var account = Account.Open("0").Reduce(Lazy());

        Assert.That(pulled, Is.EqualTo(new[] { 1, 2, 3, 4, 5 }), "each transaction is read once, in order");
        Assert.That(account.BalanceCents, Is.EqualTo(1500),
            "Step 3: Reduce applies every transaction of the sequence: 1 + 2 + 3 + 4 + 5 = 15.00");
        Assert.That(account.History, Is.EqualTo(Enumerable.Range(1, 5).Select(i => (Transaction)new Deposit(i))),
            "Step 3: the history holds the transactions in the order the sequence gave them");
    }

    [Test]
    public void A_refused_transaction_anywhere_in_the_list_leaves_no_partial_account()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 300; i++)
        {
            var opening = Model.Cents(random, 6) - 1;
            var account = Account.Open(Model.Text(opening)).Apply(new Deposit(1m));
            var transactions = Acceptable(random, opening + 100, random.Next(0, 15));
            var at = random.Next(0, transactions.Count + 1);
            var balanceAt = opening + 100 + transactions.Take(at).Sum(t => t is Deposit d ? Model.ToCents(d.Amount) : -Model.ToCents(((Withdrawal)t).Amount));
            var kind = random.Next(4);
            Transaction bad = kind switch
            {
                0 => new Withdrawal(Model.ToAmount(balanceAt + Model.Cents(random, 5))),
                1 => new Deposit(-Model.ToAmount(Model.Cents(random, 5))),
                2 => new Withdrawal(0.001m),
                _ => new Deposit(0m),
            };
            transactions.Insert(at, bad);
            var context = $"case {i}: {bad} at position {at}";

            if (kind == 0)
            {
                var refused = Assert.Throws<InsufficientFundsException>(() => account.Reduce(transactions), context);
                Assert.That(refused?.Balance, Is.EqualTo(Model.ToAmount(balanceAt)), context + ": the balance when it was refused");
                Assert.That(refused?.Requested, Is.EqualTo(((Withdrawal)bad).Amount), context);
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => account.Reduce(transactions), context);
            }

            Assert.That(account.BalanceCents, Is.EqualTo(opening + 100), context);
            Assert.That(account.History, Is.EqualTo(new Transaction[] { new Deposit(1m) }), context);
        }
    }

    [Test]
    public void Reduce_refuses_null_and_a_null_transaction_in_the_list()
    {
        var account = Account.Open("10");

        Assert.That(() => account.Reduce(null!), Throws.ArgumentNullException,
            "Step 3: Reduce(null) throws ArgumentNullException");
        Assert.That(() => account.Reduce([new Deposit(1m), null!, new Deposit(2m)]), Throws.ArgumentNullException,
            "Step 3: a null transaction in the list is refused by Apply with ArgumentNullException");
        Assert.That(account.BalanceCents, Is.EqualTo(1000),
            "Step 3: a refused Reduce leaves the balance of the account it was called on unchanged");
        Assert.That(account.History, Is.Empty,
            "Step 3: a refused Reduce leaves the history of the account it was called on unchanged");
    }

    [Test]
    public void The_balance_is_never_negative_and_only_withdrawals_beyond_it_are_refused()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 300; i++)
        {
            var account = Account.Open(Model.Text(Model.Cents(random, 5) - 1));
            for (var j = 0; j < 20; j++)
            {
                var cents = Model.Cents(random, 5);
                Transaction transaction = random.Next(3) == 0 ? new Deposit(Model.ToAmount(cents)) : new Withdrawal(Model.ToAmount(cents));
                try
                {
                    account = account.Apply(transaction);
                }
                catch (InsufficientFundsException)
                {
                    Assert.That(transaction, Is.TypeOf<Withdrawal>(), $"case {i}: only a withdrawal can be refused for lack of funds");
                    Assert.That(cents, Is.GreaterThan(account.BalanceCents), $"case {i}: {transaction} was covered by {account.Balance}");
                }

                Assert.That(account.BalanceCents, Is.GreaterThanOrEqualTo(0), $"case {i}");
            }
        }
    }
}
