namespace Layers;

/// <summary>A placeholder from grader new: replace it with the exercise's API, the same at every level and in the solution.</summary>
/// <remarks>The solution is a teaching text: how it works goes in remarks like this one, which only the solution has.</remarks>
public static class FirstStep
{
    /// <summary>Step 1: the answer.</summary>
    public static int Answer() => 42;
}
