namespace Backpressure;

/// <summary>A placeholder from grader new: replace it with the exercise's API, written as a teaching text.</summary>
public static class FirstStep
{
    /// <summary>Step 1: the answer.</summary>
    public static int Answer() => 42;
}
