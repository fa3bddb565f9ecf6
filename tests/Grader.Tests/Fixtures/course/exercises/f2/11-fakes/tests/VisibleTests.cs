using NUnit.Framework;

namespace Fakes.Tests;

public class Step1_Adding
{
    [Test]
    public void Two_and_three_make_five() => Assert.That(Calculator.Add(2, 3), Is.EqualTo(5));
}

public class Step2_Answering
{
    [Test]
    public void The_answer_is_42() => Assert.That(Calculator.Answer(), Is.EqualTo(42));
}

public class Step3_Afterwards
{
    [Test]
    public void Tests_after_it_still_run() => Assert.That(Calculator.Add(1, 1), Is.EqualTo(2));
}
