using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FunctionalCore.Hidden;

/// <summary>
/// An independent model of the account (whole cents in a long, a list of what was applied) and of its statement,
/// written differently from the solution, against which random histories are checked.
/// </summary>
internal static class Model
{
    public const long MaxCents = long.MaxValue;

    public static decimal ToAmount(long cents) => cents / 100m;

    public static long ToCents(decimal amount) => decimal.ToInt64(amount * 100m);

    /// <summary>Cents as text with exactly two decimals, built digit by digit rather than by decimal.ToString.</summary>
    public static string Text(long cents) =>
        (cents / 100).ToString(CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Cents whose number of digits is itself random, so that amounts of very different widths meet.</summary>
    public static long Cents(Random random, int maxDigits = 9)
    {
        var digits = random.Next(1, maxDigits + 1);
        var upper = (long)Math.Pow(10, digits);
        return random.NextInt64(1, upper);
    }

    /// <summary>The same amount written with two, three or four decimals (1.5, 1.50, 1.500): trailing zeros do not count.</summary>
    public static decimal WithRandomScale(Random random, long cents) => random.Next(3) switch
    {
        0 => ToAmount(cents),
        1 => ToAmount(cents) + 0.000m,
        _ => ToAmount(cents) + 0.0000m,
    };

    public static string Statement(long openingCents, IEnumerable<(string Label, long Cents)> entries, long balanceCents)
    {
        var rows = new List<(string Label, string Amount)> { ("opening", Text(openingCents)) };
        rows.AddRange(entries.Select(e => (e.Label, Text(e.Cents))));
        rows.Add(("balance", Text(balanceCents)));
        var width = 0;
        foreach (var row in rows)
        {
            width = Math.Max(width, row.Amount.Length);
        }

        var text = new StringBuilder();
        foreach (var (label, amount) in rows)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(label).Append(' ', 11 - label.Length).Append(' ', width - amount.Length).Append(amount);
        }

        return text.ToString();
    }
}
