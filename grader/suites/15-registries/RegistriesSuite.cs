using NUnit.Framework;

namespace Registries.Hidden;

/// <summary>A placeholder from grader new: the hidden suite tests edge cases, faults and randomised inputs.</summary>
public sealed class RegistriesSuite
{
    [Test]
    public void Answer_is_forty_two()
    {
        Assert.That(FirstStep.Answer(), Is.EqualTo(42), "FirstStep.Answer gives 42 (see README, step 1).");
    }

    [Test]
    public void Answer_is_the_same_every_time()
    {
        Assert.That(FirstStep.Answer(), Is.EqualTo(FirstStep.Answer()), "FirstStep.Answer is a pure function (see README, step 1).");
    }
}
