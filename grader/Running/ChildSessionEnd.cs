namespace Grader.Running;

/// <summary>How one test process ended.</summary>
internal enum ChildSessionEnd
{
    /// <summary>It reported the end of the run.</summary>
    Completed,

    /// <summary>A test overran the per-test limit and the process was killed.</summary>
    TestTimedOut,

    /// <summary>The exercise's limit ran out and the process was killed.</summary>
    ExerciseTimedOut,

    /// <summary>It went silent outside any test (a hanging fixture set-up?) and was killed.</summary>
    Stalled,

    /// <summary>It exited before reporting the end of the run (Environment.Exit, stack overflow, unhandled exception).</summary>
    Died,
}
