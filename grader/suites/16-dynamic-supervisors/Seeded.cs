using System;
using NUnit.Framework;

namespace DynamicSupervisors.Hidden;

/// <summary>Random inputs whose seed is printed (and named in the failures of the tests that use it), so a failing run can be replayed.</summary>
internal static class Seeded
{
    public static Random Random(out int seed)
    {
        seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"random seed: {seed}");
        return new Random(seed);
    }
}
