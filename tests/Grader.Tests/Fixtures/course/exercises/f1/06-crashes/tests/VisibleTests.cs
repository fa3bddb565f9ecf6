using NUnit.Framework;

namespace Crashes.Tests;

public class Step1_Adding
{
    [Test]
    public void Two_and_three_make_five() => Assert.That(Calculator.Add(2, 3), Is.EqualTo(5));

    [Test]
    public void Zero_is_neutral() => Assert.That(Calculator.Add(0, 7), Is.EqualTo(7));
}

public class Step2_Quitting
{
    [Test]
    public void Quit_returns() => Calculator.Quit();
}

public class Step3_Recursing
{
    [Test]
    public void Recurse_returns() => Assert.That(Calculator.Recurse(3), Is.EqualTo(3));
}

public class Step4_Afterwards
{
    [Test]
    public void Tests_after_a_crash_still_run() => Assert.That(Calculator.Add(1, 1), Is.EqualTo(2));
}

public class Step5_Exploding
{
    [Test]
    public void Explode_returns() => Calculator.Explode();
}
