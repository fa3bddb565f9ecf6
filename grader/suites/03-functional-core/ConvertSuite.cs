using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace FunctionalCore.Hidden;

[Property("Step", 4)]
public sealed class ConvertSuite
{
    [Test]
    public void Random_histories_render_exactly()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 400; i++)
        {
            var opening = random.Next(5) == 0 ? 0 : Model.Cents(random, random.Next(1, 11));
            var account = Account.Open(Model.Text(opening));
            var balance = opening;
            var entries = new List<(string, long)>();
            for (var j = random.Next(0, 12); j > 0; j--)
            {
                var cents = Model.Cents(random, random.Next(1, 11));
                if (cents <= balance && random.Next(2) == 0)
                {
                    account = account.Apply(new Withdrawal(Model.WithRandomScale(random, cents)));
                    balance -= cents;
                    entries.Add(("withdrawal", cents));
                }
                else
                {
                    account = account.Apply(new Deposit(Model.WithRandomScale(random, cents)));
                    balance += cents;
                    entries.Add(("deposit", cents));
                }
            }

            Assert.That(account.Statement(), Is.EqualTo(Model.Statement(opening, entries, balance)), $"case {i}");
        }
    }

    [TestCase("0", "opening    0.00\nbalance    0.00")]
    [TestCase("7", "opening    7.00\nbalance    7.00")]
    [TestCase(" 0.5 ", "opening    0.50\nbalance    0.50")]
    [TestCase("1234567.8", "opening    1234567.80\nbalance    1234567.80")]
    public void A_new_account_shows_its_opening_and_its_balance(string opening, string expected)
    {
        Assert.That(Account.Open(opening).Statement(), Is.EqualTo(expected),
            "Step 4: a new account's statement is its opening line and its balance line, with two decimals");
    }

    [Test]
    public void The_largest_balance_fits_on_the_statement()
    {
        var account = Account.Open("0").Apply(new Deposit(92233720368547758.07m)).Apply(new Withdrawal(0.07m));

        Assert.That(account.Statement(), Is.EqualTo(
            "opening                    0.00\n" +
            "deposit    92233720368547758.07\n" +
            "withdrawal                 0.07\n" +
            "balance    92233720368547758.00"),
            "Step 4: amounts as large as the largest balance keep all their digits, right-aligned to the widest");
    }

    [Test]
    public void A_transaction_larger_than_any_balance_sets_the_width()
    {
        var account = Account.Open("1").Apply(new Deposit(99999m)).Apply(new Withdrawal(99999.5m));

        Assert.That(account.Statement(), Is.EqualTo(
            "opening        1.00\n" +
            "deposit    99999.00\n" +
            "withdrawal 99999.50\n" +
            "balance        0.50"),
            "Step 4: the widest amount on the statement, here a transaction's, sets the width of every amount");
    }

    [Test]
    public void Amounts_are_shown_with_two_decimals_however_they_were_written()
    {
        var account = Account.Open("10").Reduce([new Deposit(1.5m), new Deposit(2.000m), new Withdrawal(0.10m)]);

        Assert.That(account.Statement(), Is.EqualTo(
            "opening    10.00\n" +
            "deposit     1.50\n" +
            "deposit     2.00\n" +
            "withdrawal  0.10\n" +
            "balance    13.40"),
            "Step 4: every amount is shown with two decimals, however many the transaction was written with");
    }

    [TestCase("fr-FR")]
    [TestCase("de-DE")]
    [TestCase("ar-SA")]
    [TestCase("hi-IN")]
    public void The_statement_is_the_same_in_every_culture(string culture)
    {
        var account = Account.Open("1234.5").Reduce([new Deposit(1000000m), new Withdrawal(0.25m)]);
        const string Expected =
            "opening       1234.50\n" +
            "deposit    1000000.00\n" +
            "withdrawal       0.25\n" +
            "balance    1001234.25";

        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
            Assert.That(account.Statement(), Is.EqualTo(Expected), culture);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Statement_is_pure()
    {
        var account = Account.Open("5").Reduce([new Deposit(1m), new Withdrawal(2m)]);

        var first = account.Statement();
        var second = account.Statement();

        Assert.That(second, Is.EqualTo(first), "the same account always renders the same text");
        Assert.That(account.BalanceCents, Is.EqualTo(400),
            "Step 4: Statement changes nothing: the balance is the same after it");
        Assert.That(account.History, Has.Count.EqualTo(2),
            "Step 4: Statement changes nothing: the history is the same after it");
        Assert.That(first, Does.Not.Contain("\r").And.Not.EndWith("\n"), "lines are separated by \\n, with none at the end");
    }

    [Test]
    public void A_refused_transaction_does_not_appear_on_the_statement()
    {
        var account = Account.Open("5").Apply(new Deposit(1m));
        Assert.Throws<InsufficientFundsException>(() => account.Apply(new Withdrawal(7m)),
            "Step 4: a withdrawal larger than the balance throws InsufficientFundsException");

        Assert.That(account.Statement(), Is.EqualTo(
            "opening    5.00\n" +
            "deposit    1.00\n" +
            "balance    6.00"),
            "Step 4: a refused withdrawal leaves no line on the statement of the account it was applied to");
    }
}
