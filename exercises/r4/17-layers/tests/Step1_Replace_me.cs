using NUnit.Framework;

namespace Layers.Tests;

/// <summary>Step 1: replace me (a placeholder from grader new: one rule of the README, one test that breaks with it).</summary>
public sealed class Step1_Replace_me
{
    [Test]
    public void Answer_is_forty_two()
    {
        Assert.That(FirstStep.Answer(), Is.EqualTo(42), "Step 1: FirstStep.Answer gives 42 (see README, step 1).");
    }
}
