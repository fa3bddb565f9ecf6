using System;
using NUnit.Framework;

namespace Layers.Hidden;

/// <summary>Random inputs whose seed is printed, so a failing run can be replayed.</summary>
internal static class Seeded
{
    public static (Random Random, int Seed) Random()
    {
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"random seed: {seed}");
        return (new Random(seed), seed);
    }
}
