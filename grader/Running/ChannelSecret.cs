using System.Security.Cryptography;

namespace Grader.Running;

/// <summary>
/// The private channel's name and a per-run secret. The grader hands both to the test process on its standard input
/// (never on the command line or in environment variables, which the code under test could read back), and the test
/// process reads them before it loads any learner code. Every event line starts with the secret; the grader ignores
/// lines that do not, so text the learner's code prints, or writes to a socket it finds, cannot pose as a result.
/// </summary>
internal sealed record ChannelSecret(string PipeName, string Token)
{
    /// <summary>A fresh pipe name and secret.</summary>
    public static ChannelSecret New() =>
        new("grader-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    /// <summary>What the grader writes to the test process's standard input.</summary>
    public string Handshake => $"{PipeName}\n{Token}\n";

    /// <summary>Reads the handshake; throws when it is missing (the process was not started by the grader).</summary>
    public static ChannelSecret Read(TextReader input)
    {
        var pipe = input.ReadLine();
        var token = input.ReadLine();
        if (string.IsNullOrWhiteSpace(pipe) || string.IsNullOrWhiteSpace(token))
            throw new InvalidOperationException("the test process expects the grader's handshake on its standard input; it is started by the grader only.");
        return new ChannelSecret(pipe.Trim(), token.Trim());
    }

    /// <summary>A line as sent: the secret, a space, the event.</summary>
    public string Sign(string line) => $"{Token} {line}";

    /// <summary>The event of a signed line, or null when the line does not carry the secret.</summary>
    public string? Verify(string line) =>
        line.Length > Token.Length && line[Token.Length] == ' ' && line.StartsWith(Token, StringComparison.Ordinal)
            ? line[(Token.Length + 1)..]
            : null;
}
