using System;
using System.Linq;
using NUnit.Framework;

namespace FunctionalCore.Tests;

/// <summary>Step 3: reduce many messages. Fold a list of transactions into an account, all or nothing.</summary>
public sealed class Step3_Reduce_many_transactions
{
    [Test]
    public void Reduce_applies_the_transactions_in_order()
    {
        Transaction[] transactions = [new Deposit(5m), new Withdrawal(12m), new Deposit(0.25m)];

        var account = Account.Open("10").Reduce(transactions);

        Assert.That(account.BalanceCents, Is.EqualTo(325),
            "10.00 + 5.00 - 12.00 + 0.25 = 3.25. (Withdrawing 12.00 first would have been refused: keep the order.)");
        Assert.That(account.History, Is.EqualTo(transactions), "Every transaction is in the history, in the order given.");
    }

    [Test]
    public void Reduce_of_no_transactions_gives_the_same_account()
    {
        var account = Account.Open("10").Apply(new Deposit(1m));

        var reduced = account.Reduce([]);

        Assert.That(reduced, Is.EqualTo(account), "Folding nothing into an account leaves it as it was.");
    }

    [Test]
    public void Reduce_is_all_or_nothing()
    {
        var account = Account.Open("10");
        Transaction[] transactions = [new Deposit(5m), new Withdrawal(20m), new Deposit(100m)];

        Assert.Throws<InsufficientFundsException>(() => account.Reduce(transactions),
            "The withdrawal of 20.00 from 15.00 is refused, and its exception must reach the caller of Reduce.");
        Assert.That(account.BalanceCents, Is.EqualTo(1000), "The account Reduce was called on is unchanged: no partial update.");
        Assert.That(account.History, Is.Empty, "The account Reduce was called on is unchanged: no partial update.");
    }

    [Test]
    public void Reduce_refuses_a_null_list_with_an_ArgumentNullException_that_names_it()
    {
        var account = Account.Open("10");

        var refused = Assert.Throws<ArgumentNullException>(() => account.Reduce(null!),
            "Reduce(null) must throw ArgumentNullException: there is nothing to fold (see README, step 3).");
        Assert.That(refused?.ParamName, Is.EqualTo("transactions"),
            "The exception should name Reduce's own parameter, transactions, not a parameter of some method Reduce " +
            "calls: check the argument yourself, first (see README, step 3).");
    }

    [Test]
    public void Property_Reduce_equals_Apply_one_by_one()
    {
        var random = new Random(Arbitrary.Seed);
        for (var i = 0; i < Arbitrary.Cases; i++)
        {
            // Deposits, then one withdrawal of at most the money there is, so that none is refused:
            // this property is about the fold, not about refusals.
            var account = Arbitrary.Account(random);
            var transactions = Enumerable.Range(0, random.Next(0, 8)).Select(_ => (Transaction)new Deposit(Arbitrary.Amount(random))).ToList();
            var total = account.BalanceCents + transactions.Sum(deposit => (long)(((Deposit)deposit).Amount * 100));
            if (total > 0)
            {
                transactions.Add(new Withdrawal(random.NextInt64(1, total + 1) / 100m));
            }

            var oneByOne = account;
            foreach (var transaction in transactions)
            {
                oneByOne = oneByOne.Apply(transaction);
            }

            Assert.That(account.Reduce(transactions), Is.EqualTo(oneByOne),
                $"Case {i}: Reduce must give the account that applying [{string.Join(", ", transactions)}] one by one gives.");
        }
    }

    [Test]
    public void Property_the_balance_is_never_negative()
    {
        var random = new Random(Arbitrary.Seed);
        for (var i = 0; i < Arbitrary.Cases; i++)
        {
            var account = Arbitrary.Account(random);
            for (var j = 0; j < 10; j++)
            {
                var transaction = Arbitrary.Transaction(random);
                try
                {
                    account = account.Apply(transaction);
                }
                catch (InsufficientFundsException refused)
                {
                    Assert.That(refused.Requested, Is.GreaterThan(account.Balance),
                        $"Case {i}: {transaction} was refused with a balance of {account.Balance}, which would have covered it.");
                }

                Assert.That(account.BalanceCents, Is.GreaterThanOrEqualTo(0), $"Case {i}: {transaction} left the balance negative.");
            }
        }
    }
}
