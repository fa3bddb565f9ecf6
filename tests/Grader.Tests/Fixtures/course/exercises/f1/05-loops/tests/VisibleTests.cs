using NUnit.Framework;

namespace Loops.Tests;

public class Step1_Adding
{
    [Test]
    public void Two_and_three_make_five() => Assert.That(Calculator.Add(2, 3), Is.EqualTo(5));

    [Test]
    public void Zero_is_neutral() => Assert.That(Calculator.Add(0, 7), Is.EqualTo(7));
}

public class Step2_Spinning
{
    [Test]
    public void Spin_returns() => Calculator.Spin();
}

public class Step3_Afterwards
{
    [Test]
    public void Tests_after_a_loop_still_run() => Assert.That(Calculator.Add(1, 1), Is.EqualTo(2));
}

public class Step4_Setting_up
{
    [OneTimeSetUp]
    public void Start() => Calculator.Spin();

    [Test]
    public void Tests_run_after_the_set_up() => Assert.That(Calculator.Add(2, 2), Is.EqualTo(4));
}
