namespace Grader.Commands;

/// <summary>Key presses, for <c>watch</c>. Program.cs passes the terminal's; tests pass their own.</summary>
internal interface IKeyInput
{
    /// <summary>The next key pressed, as a character (lower case for letters).</summary>
    Task<char> ReadKeyAsync(CancellationToken cancellationToken);
}
