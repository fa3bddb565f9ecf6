using NUnit.Framework;

namespace Allocates.Tests;

public class Step1_Adding
{
    [Test]
    public void Two_and_three_make_five() => Assert.That(Calculator.Add(2, 3), Is.EqualTo(5));
}

public class Step2_Hoarding
{
    [Test]
    public void Hoard_returns() => Assert.That(Calculator.Hoard(), Is.EqualTo(0));
}

public class Step3_Afterwards
{
    [Test]
    public void Tests_after_it_still_run() => Assert.That(Calculator.Add(1, 1), Is.EqualTo(2));
}
