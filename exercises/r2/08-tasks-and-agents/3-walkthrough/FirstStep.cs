using System;

namespace TasksAndAgents;

/// <summary>A placeholder from grader new: replace it with the exercise's API (3-walkthrough).</summary>
public static class FirstStep
{
    /// <summary>Step 1: the answer.</summary>
    public static int Answer() => throw new NotImplementedException("Step 1: implement FirstStep.Answer (see README, step 1).");
}
