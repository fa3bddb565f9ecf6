using System;
using NUnit.Framework;

namespace CrcServer.Hidden;

/// <summary>Random inputs whose seed is printed, so a failing run can be replayed.</summary>
internal static class Seeded
{
    public static Random Random()
    {
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"random seed: {seed}");
        return new Random(seed);
    }

    /// <summary>A valid amount: 0.01 to <paramref name="maxCents"/> / 100, in whole cents.</summary>
    public static decimal Amount(this Random random, int maxCents = 10_000) => random.Next(1, maxCents + 1) / 100m;

    /// <summary>An amount the core refuses: zero, negative, or with more than two decimals.</summary>
    public static decimal BadAmount(this Random random) => random.Next(4) switch
    {
        0 => 0m,
        1 => -random.Amount(),
        2 => random.Amount() + random.Next(1, 10) / 1000m,
        _ => -random.Next(1, 1000) / 10_000m,
    };
}
