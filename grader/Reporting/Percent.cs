namespace Grader.Reporting;

/// <summary>Percentages as reports show them: 0 to 100, one decimal.</summary>
internal static class Percent
{
    /// <summary><paramref name="part"/> of <paramref name="whole"/> in percent; 0 when the whole is 0.</summary>
    public static double Of(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);

    /// <summary>For example <c>47.5%</c>, whatever the culture.</summary>
    public static string Text(double percent) => percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
