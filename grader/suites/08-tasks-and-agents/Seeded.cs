using System;
using System.Linq;
using NUnit.Framework;

namespace TasksAndAgents.Hidden;

/// <summary>Random inputs whose seed is printed, so a failing run can be replayed.</summary>
internal static class Seeded
{
    public static Random Random()
    {
        var seed = TestContext.CurrentContext.Random.Next();
        TestContext.Out.WriteLine($"random seed: {seed}");
        return new Random(seed);
    }

    /// <summary><paramref name="count"/> distinct product names, in a random order.</summary>
    public static string[] Products(Random random, int count)
    {
        string[] names = ["tea", "coffee", "cocoa", "milk", "sugar", "honey", "lemon", "mint", "ginger", "oats", "rice", "salt", "pepper", "bread"];
        var numbers = Enumerable.Range(0, 1000).ToArray();
        random.Shuffle(numbers);
        return numbers.Take(count).Select(i => names[i % names.Length] + "-" + i).ToArray();
    }
}
