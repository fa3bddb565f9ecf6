namespace Grader;

/// <summary>The grader's exit codes. Grading that ran is always <see cref="Ok"/>, whatever the score.</summary>
internal enum ExitCode
{
    /// <summary>The command did its job (grading ran; starters are up to date).</summary>
    Ok = 0,

    /// <summary><c>starters --check</c>: grader/starters.json does not match the starter files.</summary>
    StartersOutOfDate = 1,

    /// <summary>The command line is wrong (unknown option, missing argument).</summary>
    UsageError = 2,

    /// <summary>The course on disk cannot be used (no course.json, invalid JSON, unknown exercise).</summary>
    CourseError = 3,

    /// <summary>Interrupted (Ctrl+C) before grading finished; no report was written.</summary>
    Cancelled = 130,

    /// <summary>The grader itself failed; the message asks for a bug report.</summary>
    InternalError = 70,
}
