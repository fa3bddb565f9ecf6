namespace Grader.Commands;

/// <summary>The command line asks for something that cannot be done; the message says what to give instead.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
