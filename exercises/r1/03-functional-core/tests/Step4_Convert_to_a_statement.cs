using System;
using System.Linq;
using NUnit.Framework;

namespace FunctionalCore.Tests;

/// <summary>Step 4: convert. Render the account's state as output (a statement) for the outside world.</summary>
public sealed class Step4_Convert_to_a_statement
{
    [Test]
    public void A_new_account_shows_its_opening_and_its_balance()
    {
        var statement = Account.Open("12.5").Statement();

        Assert.That(statement, Is.EqualTo(
            "opening    12.50\n" +
            "balance    12.50"),
            "Each line: the label padded to 10 characters, one space, the amount with two decimals. No newline at the end.");
    }

    [Test]
    public void Every_transaction_gets_a_line_in_order()
    {
        var account = Account.Open("10").Reduce([new Deposit(12.5m), new Withdrawal(3m)]);

        Assert.That(account.Statement(), Is.EqualTo(
            "opening    10.00\n" +
            "deposit    12.50\n" +
            "withdrawal  3.00\n" +
            "balance    19.50"),
            "One line per transaction between the opening and the balance, amounts right-aligned.");
    }

    [Test]
    public void Amounts_are_right_aligned_to_the_widest_one()
    {
        var account = Account.Open("0").Reduce([new Deposit(1234.5m), new Withdrawal(1234m)]);

        Assert.That(account.Statement(), Is.EqualTo(
            "opening       0.00\n" +
            "deposit    1234.50\n" +
            "withdrawal 1234.00\n" +
            "balance       0.50"),
            "Every amount is padded on the left to the width of the widest amount on the statement (here 1234.50).");
    }

    [Test]
    [SetCulture("de-DE")]
    public void The_statement_does_not_depend_on_the_current_culture()
    {
        var statement = Account.Open("1").Apply(new Deposit(0.5m)).Statement();

        Assert.That(statement, Does.Not.Contain(","),
            "German writes 1,50: format amounts with CultureInfo.InvariantCulture so the statement is the same everywhere.");
        Assert.That(statement.Split('\n').Last(), Is.EqualTo("balance    1.50"),
            "Step 4: the last line is the balance, with a point as the decimal separator");
    }

    [Test]
    public void Property_a_statement_has_one_line_per_transaction_between_opening_and_balance()
    {
        var random = new Random(Arbitrary.Seed);
        for (var i = 0; i < Arbitrary.Cases; i++)
        {
            var account = Arbitrary.Account(random).Reduce(
                Enumerable.Range(0, random.Next(0, 6)).Select(_ => new Deposit(Arbitrary.Amount(random))));

            var lines = account.Statement().Split('\n');

            Assert.That(lines, Has.Length.EqualTo(account.History.Count + 2), $"Case {i}: {account}");
            Assert.That(lines.First(), Does.StartWith("opening "), $"Case {i}: the first line is the opening balance.");
            Assert.That(lines.Skip(1).SkipLast(1), Is.All.StartWith("deposit "), $"Case {i}: one line per deposit.");
            Assert.That(lines.Last(), Does.StartWith("balance ").And.EndWith(account.Balance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
                $"Case {i}: the last line is the balance.");
            Assert.That(lines.Select(line => line.Length).Distinct().Count(), Is.EqualTo(1),
                $"Case {i}: right-aligned amounts make every line the same length.");
        }
    }
}
