using System;
using System.Globalization;
using NUnit.Framework;

namespace FunctionalCore.Hidden;

[Property("Step", 1)]
public sealed class ConstructSuite
{
    [TestCase("0", 0L)]
    [TestCase("0.0", 0L)]
    [TestCase("0.00", 0L)]
    [TestCase("000", 0L)]
    [TestCase("7", 700L)]
    [TestCase("007", 700L)]
    [TestCase("0.01", 1L)]
    [TestCase("0.1", 10L)]
    [TestCase("0.10", 10L)]
    [TestCase("12.5", 1250L)]
    [TestCase("12.50", 1250L)]
    [TestCase("12.05", 1205L)]
    [TestCase("  7 ", 700L)]
    [TestCase("\t3.25\r\n", 325L)]
    [TestCase("1000000", 100000000L)]
    [TestCase("92233720368547758.07", long.MaxValue)]
    [TestCase("92233720368547758", 9223372036854775800L)]
    public void Accepted_text_opens_an_account_with_that_many_cents(string text, long cents)
    {
        var account = Account.Open(text);

        Assert.That(account.BalanceCents, Is.EqualTo(cents), $"Open(\"{text}\")");
        Assert.That(account.Balance, Is.EqualTo(cents / 100m),
            $"Step 1: Balance is the cents as a decimal amount: Open(\"{text}\")");
        Assert.That(account.History, Is.Empty, "Step 1: a newly opened account has an empty history");
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\n")]
    [TestCase("1.")]
    [TestCase(".5")]
    [TestCase(".")]
    [TestCase("1,00")]
    [TestCase("1,000.00")]
    [TestCase("-1")]
    [TestCase("-0")]
    [TestCase("+1")]
    [TestCase("1e3")]
    [TestCase("1E3")]
    [TestCase("12.345")]
    [TestCase("12.500")]
    [TestCase("1.2.3")]
    [TestCase("1..2")]
    [TestCase("1 000")]
    [TestCase("1 .5")]
    [TestCase("1. 5")]
    [TestCase("1_000")]
    [TestCase("0x10")]
    [TestCase("abc")]
    [TestCase("12abc")]
    [TestCase("$12")]
    [TestCase("12€")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("\u0661\u0662")]
    [TestCase("\uFF11\uFF12")]
    [TestCase("(12)")]
    [TestCase("12-")]
    [TestCase("92233720368547758.08")]
    [TestCase("92233720368547759")]
    [TestCase("100000000000000000")]
    [TestCase("9223372036854775807")]
    [TestCase("79228162514264337593543950336")]
    [TestCase("999999999999999999999999999999999999999999")]
    public void Anything_else_fails_with_a_FormatException_that_quotes_the_text(string text)
    {
        var error = Assert.Throws<FormatException>(() => Account.Open(text), $"Open(\"{text}\") must be refused.");

        Assert.That(error?.Message, Does.Contain("\"" + text + "\""), "The message quotes the text exactly as given.");
        Assert.That(error?.Message.Length, Is.GreaterThan(text.Length + 20), "The message also says what is accepted.");
    }

    [Test]
    public void Open_refuses_null_with_ArgumentNullException()
    {
        Assert.That(() => Account.Open(null!), Throws.ArgumentNullException,
            "Step 1: Open(null) throws ArgumentNullException, not FormatException");
    }

    [Test]
    [SetCulture("de-DE")]
    public void Open_is_culture_independent()
    {
        Assert.That(Account.Open("12.50").BalanceCents, Is.EqualTo(1250), "A point is the decimal separator, whatever the culture.");
        Assert.That(() => Account.Open("12,50"), Throws.TypeOf<FormatException>(), "A comma is refused, whatever the culture.");
        Assert.That(() => Account.Open("1.250"), Throws.TypeOf<FormatException>(), "A point is never a group separator.");
    }

    [Test]
    public void Random_amounts_written_in_every_accepted_way_are_read_exactly()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 500; i++)
        {
            var cents = random.Next(4) == 0 ? random.NextInt64(0, long.MaxValue) : Model.Cents(random, 12) - 1;
            var text = Write(random, cents);

            var account = Account.Open(text);

            Assert.That(account.BalanceCents, Is.EqualTo(cents), $"Open(\"{text}\")");
            Assert.That(account.Balance, Is.EqualTo(cents / 100m), $"Open(\"{text}\").Balance");
            Assert.That(account.History, Is.Empty,
                $"Step 1: Open(\"{text}\") gives an account with an empty history");
        }
    }

    [Test]
    public void Random_amounts_spoiled_in_one_place_are_refused()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 500; i++)
        {
            var cents = Model.Cents(random, 10);
            var text = Model.Text(cents);
            var spoiled = random.Next(9) switch
            {
                0 => "-" + text,
                1 => "+" + text,
                2 => text + random.Next(10).ToString(CultureInfo.InvariantCulture), // a third decimal
                3 => text.Replace('.', ','),
                4 => (cents / 100).ToString(CultureInfo.InvariantCulture) + ".",
                5 => "." + (cents % 100).ToString("00", CultureInfo.InvariantCulture),
                6 => text + "e2",
                7 => text.Insert(random.Next(1, text.Length), " "),
                _ => text + "x",
            };

            var error = Assert.Throws<FormatException>(() => Account.Open(spoiled), $"Open(\"{spoiled}\") must be refused.");
            Assert.That(error?.Message, Does.Contain("\"" + spoiled + "\""),
                "Step 1: the FormatException's message quotes the refused text exactly, in double quotes");
        }
    }

    [Test]
    public void Every_amount_just_above_the_largest_is_refused()
    {
        var random = Seeded.Random();
        for (var i = 0; i < 100; i++)
        {
            // From long.MaxValue + 1 cents to about ten times that: the cents would not fit in a long.
            var cents = (decimal)long.MaxValue + 1 + (decimal)random.NextInt64(0, long.MaxValue) * random.Next(0, 10);
            var text = (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

            Assert.That(() => Account.Open(text), Throws.TypeOf<FormatException>(), $"Open(\"{text}\")");
        }
    }

    /// <summary>Writes cents as accepted text: fewest decimals or two, leading zeros, whitespace around.</summary>
    private static string Write(Random random, long cents)
    {
        var whole = (cents / 100).ToString(CultureInfo.InvariantCulture);
        var fraction = (cents % 100).ToString("00", CultureInfo.InvariantCulture);
        var text = random.Next(3) switch
        {
            0 when cents % 100 == 0 => whole,
            1 when cents % 10 == 0 => whole + "." + fraction[..1],
            _ => whole + "." + fraction,
        };
        if (random.Next(5) == 0 && text.Length < 18)
        {
            text = "00" + text;
        }

        string[] spaces = ["", " ", "  ", "\t", "\n", " \r\n"];
        return spaces[random.Next(spaces.Length)] + text + spaces[random.Next(spaces.Length)];
    }
}
