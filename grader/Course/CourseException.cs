namespace Grader.Course;

/// <summary>The course on disk is not what the grader needs; the message says what is wrong and what to do.</summary>
internal sealed class CourseException : Exception
{
    public CourseException(string message) : base(message) { }

    public CourseException(string message, Exception inner) : base(message, inner) { }
}
