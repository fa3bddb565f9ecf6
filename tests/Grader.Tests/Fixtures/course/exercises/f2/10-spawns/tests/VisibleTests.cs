using NUnit.Framework;

namespace Spawns.Tests;

public class Step1_Adding
{
    [Test]
    public void Two_and_three_make_five() => Assert.That(Calculator.Add(2, 3), Is.EqualTo(5));
}

public class Step2_Spawning
{
    [Test]
    public void Spawn_returns_one() => Assert.That(Calculator.Spawn(), Is.EqualTo(1));
}

public class Step3_Afterwards
{
    [Test]
    public void Tests_after_it_still_run() => Assert.That(Calculator.Add(1, 1), Is.EqualTo(2));
}
