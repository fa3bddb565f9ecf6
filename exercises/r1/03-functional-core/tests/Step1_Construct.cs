using System;
using NUnit.Framework;

namespace FunctionalCore.Tests;

/// <summary>Step 1: construct. Turn input from the outside world (text) into the core's state (an account).</summary>
public sealed class Step1_Construct
{
    [Test]
    public void Open_reads_a_whole_amount()
    {
        var account = Account.Open("12");

        Assert.That(account.BalanceCents, Is.EqualTo(1200), "\"12\" is twelve whole units: 1200 cents.");
        Assert.That(account.Balance, Is.EqualTo(12m), "Balance is BalanceCents divided by 100.");
    }

    [Test]
    public void Open_reads_one_or_two_decimals()
    {
        Assert.That(Account.Open("12.5").BalanceCents, Is.EqualTo(1250), "\"12.5\" is 12 units and 50 cents.");
        Assert.That(Account.Open("12.50").BalanceCents, Is.EqualTo(1250), "\"12.50\" is 12 units and 50 cents.");
        Assert.That(Account.Open("0.07").BalanceCents, Is.EqualTo(7), "\"0.07\" is 7 cents.");
        Assert.That(Account.Open("12.50").Balance, Is.EqualTo(12.5m),
            "Step 1: Balance is the balance in cents as a decimal: 1250 cents is 12.5");
    }

    [Test]
    public void An_account_can_be_opened_empty()
    {
        Assert.That(Account.Open("0").BalanceCents, Is.Zero, "Zero is a valid opening balance: only negative ones are not.");
    }

    [Test]
    public void A_new_account_has_no_history()
    {
        Assert.That(Account.Open("12").History, Is.Empty, "No transaction has been applied to a new account yet.");
    }

    [Test]
    public void Whitespace_around_the_amount_is_ignored()
    {
        Assert.That(Account.Open("  7 ").BalanceCents, Is.EqualTo(700), "Trim the text before you read it.");
    }

    [TestCase("")]
    [TestCase("twelve")]
    [TestCase("-1")]
    [TestCase("1,00")]
    [TestCase("12.345")]
    [TestCase("1e3")]
    public void Text_that_is_not_an_amount_fails_with_a_FormatException_that_quotes_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => Account.Open(text),
            $"Account.Open(\"{text}\") must refuse the text with a FormatException.");

        Assert.That(error?.Message, Does.Contain($"\"{text}\""),
            "The message quotes the text it was given, in double quotes, so the caller sees what was wrong.");
    }
}
