using System;

namespace DynamicSupervisors;

/// <summary>A placeholder from grader new: replace it with the exercise's API, the same at every level and in the solution.</summary>
public static class FirstStep
{
    /// <summary>Step 1: the answer.</summary>
    public static int Answer() => throw new NotImplementedException("Step 1: implement FirstStep.Answer (see README, step 1).");
}
