using NUnit.Framework;

namespace Broken.Tests;

public class Step1_Adding
{
    [Test]
    public void Two_and_three_make_five() => Assert.That(Calculator.Add(2, 3), Is.EqualTo(5));

    [Test]
    public void Zero_is_neutral() => Assert.That(Calculator.Add(0, 7), Is.EqualTo(7));
}
