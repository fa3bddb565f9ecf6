using System;

namespace Backpressure;

/// <summary>A placeholder from grader new: replace it with the exercise's API (2-guided).</summary>
public static class FirstStep
{
    /// <summary>Step 1: the answer.</summary>
    public static int Answer() => throw new NotImplementedException("Step 1: implement FirstStep.Answer (see README, step 1).");
}
